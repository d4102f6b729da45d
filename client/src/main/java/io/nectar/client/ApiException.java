package io.nectar.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an error status. It carries what a person needs to act on the failure
 * or report it: the status, the server's {@code detail}, the message for each invalid field (the
 * {@code errors} object) and the request id the server logged it under ({@code X-Request-Id}).
 * Subclasses name the statuses a program typically branches on.
 */
public class ApiException extends NectarException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String detail;
  private final Map<String, List<String>> fieldErrors;
  private final String requestId;

  public ApiException(int status, String detail, Map<String, List<String>> fieldErrors, String requestId) {
    super(message(status, detail, requestId));
    this.status = status;
    this.detail = detail == null ? "" : detail;
    this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    this.requestId = requestId;
  }

  private static String message(int status, String detail, String requestId) {
    StringBuilder text = new StringBuilder("HTTP ").append(status);
    if (detail != null && !detail.isEmpty()) {
      text.append(": ").append(detail);
    }
    if (requestId != null) {
      text.append(" (request ").append(requestId).append(')');
    }
    return text.toString();
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The server's {@code detail} text, or an empty string when the body had none. */
  public String detail() {
    return detail;
  }

  /** Messages by field name from the body's {@code errors} object; empty when there were none. */
  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  /** The {@code X-Request-Id} the server answered with, to quote when asking for help. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}

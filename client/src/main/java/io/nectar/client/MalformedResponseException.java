package io.nectar.client;

import java.util.Optional;

/**
 * A success status arrived with a body that is not the JSON the SDK expected: an HTML page from a
 * proxy, a truncated body, or JSON of the wrong shape. Thrown instead of letting a parser's
 * exception escape, so a caller sees what was wrong (and the request id) rather than a Jackson
 * stack trace. The parser's exception is kept as the cause.
 */
public final class MalformedResponseException extends NectarException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String requestId;

  public MalformedResponseException(String message, int status, String requestId, Throwable cause) {
    super(message + " (HTTP " + status + (requestId == null ? "" : ", request " + requestId) + ")", cause);
    this.status = status;
    this.requestId = requestId;
  }

  /** The HTTP status the malformed body came with. */
  public int status() {
    return status;
  }

  /** The {@code X-Request-Id} the server answered with, if any. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}

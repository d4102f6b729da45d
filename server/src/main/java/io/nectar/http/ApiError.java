package io.nectar.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure with its HTTP status and the {@code detail} a client sees (CONTRACT §3). Services throw
 * it; the HTTP layer renders it as {@code {"detail": …, "errors": {field: [messages]}}}.
 */
public final class ApiError extends RuntimeException {
  public static final String FORBIDDEN = "You do not have permission to perform this action.";

  private final int status;
  private final Map<String, List<String>> errors;
  private final Map<String, String> headers;

  public ApiError(int status, String detail, Map<String, List<String>> errors, Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.errors = errors == null ? Map.of() : new LinkedHashMap<>(errors);
    this.headers = headers == null ? Map.of() : headers;
  }

  public ApiError(int status, String detail) {
    this(status, detail, null, null);
  }

  public static ApiError badRequest(String detail) {
    return new ApiError(400, detail);
  }

  public static ApiError invalid(Map<String, List<String>> errors) {
    String first = errors.entrySet().iterator().next().getKey();
    String detail = "Invalid input: " + first + ": " + errors.get(first).get(0)
        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    return new ApiError(400, detail, errors, null);
  }

  public static ApiError invalidField(String field, String message) {
    return invalid(Map.of(field, List.of(message)));
  }

  public static ApiError notFound(String what) {
    return new ApiError(404, what + " not found.");
  }

  public static ApiError forbidden() {
    return new ApiError(403, FORBIDDEN);
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, List<String>> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }
}

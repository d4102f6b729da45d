package io.nectar.http;

import io.nectar.errors.Conflict;
import io.nectar.errors.DomainException;
import io.nectar.errors.Forbidden;
import io.nectar.errors.InvalidInput;
import io.nectar.errors.NotFound;
import io.nectar.errors.Unavailable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure with its HTTP status and the {@code detail} a client sees (CONTRACT §3), rendered as
 * {@code {"detail": …, "errors": {field: [messages]}}}. The HTTP layer throws it for what only HTTP
 * knows (authentication, methods, media types, limits); services throw {@link DomainException}s,
 * which {@link #of(DomainException)} maps to their status here, in one place.
 */
public final class ApiError extends RuntimeException {
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
    return of(new InvalidInput(errors));
  }

  /** The status and body of a refusal by a domain rule. */
  public static ApiError of(DomainException e) {
    if (e instanceof NotFound) {
      return new ApiError(404, e.detail());
    }
    if (e instanceof Forbidden) {
      return new ApiError(403, e.detail());
    }
    if (e instanceof Conflict) {
      return new ApiError(409, e.detail());
    }
    if (e instanceof Unavailable) {
      // A few seconds: long enough for a store to come back, short enough for a person waiting.
      return new ApiError(503, e.detail(), null, Map.of("Retry-After", "5"));
    }
    if (e instanceof InvalidInput invalid) {
      return new ApiError(400, e.detail(), invalid.errors(), null);
    }
    throw new IllegalStateException("No status for " + e.getClass().getName());
  }

  public static ApiError invalidField(String field, String message) {
    return invalid(Map.of(field, List.of(message)));
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

package io.nectar.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP 429 after the SDK's own retries ran out. It keeps the server's {@code Retry-After} so a
 * caller that schedules its own work (a queue consumer, say) can come back at the right time.
 */
public final class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitException(String detail, Map<String, List<String>> fieldErrors, String requestId, Duration retryAfter) {
    super(429, detail, fieldErrors, requestId);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked the client to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

package io.nectar.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for one call that override the client's: another API key (one process serving several
 * organizations), a longer timeout (a large upload), a caller-chosen idempotency key (so a retry
 * after a crash replays instead of creating twice) or a different retry budget. Immutable; every
 * service method has an overload that takes one.
 */
public final class RequestOptions {
  /** No overrides: the client's settings apply. */
  public static final RequestOptions DEFAULT = builder().build();

  private final String apiKey;
  private final Duration timeout;
  private final String idempotencyKey;
  private final Integer maxRetries;

  private RequestOptions(Builder builder) {
    this.apiKey = builder.apiKey;
    this.timeout = builder.timeout;
    this.idempotencyKey = builder.idempotencyKey;
    this.maxRetries = builder.maxRetries;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /** Builds {@link RequestOptions}; unset values fall back to the client's. */
  public static final class Builder {
    private String apiKey;
    private Duration timeout;
    private String idempotencyKey;
    private Integer maxRetries;

    private Builder() {
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /** The key sent as {@code Idempotency-Key} on a POST (ignored on other methods). */
    public Builder idempotencyKey(String idempotencyKey) {
      if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
        throw new IllegalArgumentException("idempotencyKey must be 1 to 255 visible characters");
      }
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Checks.retries(maxRetries);
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}

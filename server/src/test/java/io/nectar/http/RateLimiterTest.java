package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The per-key caps, without timing: a request holds its concurrency slot until its permit closes,
 * and the per-second window moves only when the injected clock does.
 * (Over HTTP the same cap is hard to hold open deterministically, since Jetty may wait for a slow
 * body before dispatching the request at all.)
 */
class RateLimiterTest {

  /** A clock that stands still until the test moves it. */
  private static final class SteppedClock extends Clock {
    private volatile Instant now;

    SteppedClock(Instant start) {
      this.now = start;
    }

    void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aKeyOverItsConcurrencyCapGets429WithRetryAfterUntilASlotIsFreed() {
    RateLimiter limiter = new RateLimiter(2, 0, Clock.systemUTC());
    UUID busy = UUID.randomUUID();
    RateLimiter.Permit first = limiter.acquire(busy);
    RateLimiter.Permit second = limiter.acquire(busy);

    assertThatThrownBy(() -> limiter.acquire(busy)).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(429);
      assertThat(e.headers()).containsEntry("Retry-After", "1");
      assertThat(e.detail()).contains("concurrent");
    });
    limiter.acquire(UUID.randomUUID()).close(); // another key is not affected

    first.close();
    limiter.acquire(busy).close();
    second.close();
  }

  @Test
  void aKeyGetsExactlyItsPerSecondCapInEachSecondOfTheClock() {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-03-01T10:00:00.100Z"));
    RateLimiter limiter = new RateLimiter(100, 3, clock);
    UUID key = UUID.randomUUID();

    assertThat(accepted(limiter, key, 10)).as("the first second").isEqualTo(3);
    clock.advance(Duration.ofMillis(899)); // 10:00:00.999, still the same second
    assertThat(accepted(limiter, key, 10)).as("later in the same second").isZero();
    assertThat(accepted(limiter, UUID.randomUUID(), 10)).as("another key in that second").isEqualTo(3);
    clock.advance(Duration.ofMillis(1)); // 10:00:01.000, a new second
    assertThat(accepted(limiter, key, 10)).as("the next second").isEqualTo(3);
    clock.advance(Duration.ofSeconds(5));
    assertThat(accepted(limiter, key, 2)).as("after a pause, under the cap").isEqualTo(2);
    assertThat(accepted(limiter, key, 10)).as("the rest of that second").isEqualTo(1);
  }

  @Test
  void aRequestOverThePerSecondCapIsA429WithRetryAfter() {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-03-01T10:00:00Z"));
    RateLimiter limiter = new RateLimiter(100, 1, clock);
    UUID key = UUID.randomUUID();
    limiter.acquire(key).close();

    assertThatThrownBy(() -> limiter.acquire(key)).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(429);
      assertThat(e.headers()).containsEntry("Retry-After", "1");
      assertThat(e.detail()).contains("per second");
    });
  }

  /** How many of {@code attempts} back-to-back requests of {@code key} the limiter lets through. */
  private static int accepted(RateLimiter limiter, UUID key, int attempts) {
    int accepted = 0;
    for (int i = 0; i < attempts; i++) {
      try {
        limiter.acquire(key).close();
        accepted++;
      } catch (ApiError e) {
        assertThat(e.status()).isEqualTo(429);
      }
    }
    return accepted;
  }
}

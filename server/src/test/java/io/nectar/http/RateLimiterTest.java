package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The per-key concurrency cap, without timing: a request holds its slot until its permit closes.
 * (Over HTTP the same cap is hard to hold open deterministically, since Jetty may wait for a slow
 * body before dispatching the request at all.)
 */
class RateLimiterTest {

  @Test
  void aKeyOverItsConcurrencyCapGets429WithRetryAfterUntilASlotIsFreed() {
    RateLimiter limiter = new RateLimiter(2, 0);
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
  void aKeyOverItsPerSecondCapGets429() {
    RateLimiter limiter = new RateLimiter(100, 3);
    UUID key = UUID.randomUUID();
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 10; i++) {
      try {
        limiter.acquire(key).close();
        accepted++;
      } catch (ApiError e) {
        assertThat(e.status()).isEqualTo(429);
        refused++;
      }
    }
    // At most 3 per second; the loop may straddle one second boundary.
    assertThat(accepted).isBetween(3, 6);
    assertThat(refused).isEqualTo(10 - accepted);
  }
}

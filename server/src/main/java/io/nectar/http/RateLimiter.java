package io.nectar.http;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-key caps (CONTRACT §7): concurrent in-flight requests, and optionally requests per second.
 * A client over a cap gets 429 with {@code Retry-After} at once instead of queueing, so one noisy
 * integration cannot starve the others. Seconds come from the server's clock, so tests can step
 * through windows.
 */
final class RateLimiter {
  private final int maxConcurrent;
  private final int maxPerSecond;
  private final Clock clock;
  private final Map<UUID, Semaphore> inFlight = new ConcurrentHashMap<>();
  private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

  RateLimiter(int maxConcurrent, int maxPerSecond, Clock clock) {
    this.maxConcurrent = maxConcurrent;
    this.maxPerSecond = maxPerSecond;
    this.clock = clock;
  }

  /** Takes a slot for {@code keyId}; close the returned permit when the request is done. */
  Permit acquire(UUID keyId) {
    if (maxPerSecond > 0
        && !windows.computeIfAbsent(keyId, k -> new Window()).tryCount(clock.millis() / 1000, maxPerSecond)) {
      throw tooMany("Request rate limit exceeded for this API key (" + maxPerSecond + " per second).");
    }
    Semaphore semaphore = inFlight.computeIfAbsent(keyId, k -> new Semaphore(maxConcurrent));
    if (!semaphore.tryAcquire()) {
      throw tooMany("Too many concurrent requests for this API key (limit " + maxConcurrent
          + "); retry after the others complete.");
    }
    return semaphore::release;
  }

  private static ApiError tooMany(String detail) {
    return new ApiError(429, detail, null, Map.of("Retry-After", "1"));
  }

  interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /** A one-second fixed window counter. */
  private static final class Window {
    private long second;
    private int count;

    synchronized boolean tryCount(long now, int max) {
      if (now != second) {
        second = now;
        count = 0;
      }
      return ++count <= max;
    }
  }
}

package io.nectar.db;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDv7 ids (RFC 9562): new rows land at the end of their indexes instead of at
 * random pages, and ids sort by creation time, which makes them a natural tie-breaker.
 */
public final class IdGenerator {
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public IdGenerator(Clock clock) {
    this.clock = clock;
  }

  public UUID next() {
    long millis = clock.millis();
    long randA = random.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}

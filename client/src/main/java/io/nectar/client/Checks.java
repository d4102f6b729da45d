package io.nectar.client;

import java.time.Duration;

/** The checks a client's settings and a request's options both make on the values they are given. */
final class Checks {
  private Checks() {}

  static Duration positive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return duration;
  }

  static int retries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative");
    }
    return maxRetries;
  }
}

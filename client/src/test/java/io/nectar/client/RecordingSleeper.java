package io.nectar.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sleeper that does not sleep: it records each wait and moves its own clock forward by it, so
 * tests see every backoff and poll interval without waiting and without reading the wall clock.
 */
final class RecordingSleeper extends Clock implements Sleeper {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private volatile Instant now;

  RecordingSleeper(Instant start) {
    this.now = start;
  }

  RecordingSleeper() {
    this(Instant.parse("2025-01-15T10:00:00Z"));
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    now = now.plus(duration);
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}

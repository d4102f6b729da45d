package io.nectar.client;

import java.time.Duration;

/**
 * Waits between retries and between job polls. Injected so that tests can record the waits
 * (and advance a fake clock) instead of really waiting.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real thing: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}

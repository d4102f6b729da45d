package io.nectar.jobs;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/** TEST FIXTURE: upload engines over {@link FixtureBills} and {@link FixtureFiling}, with short timings. */
final class FixtureEngines {
  static final UploadEngine.Settings FAST = new UploadEngine.Settings(2, Duration.ofMillis(900),
      Duration.ofMillis(100), 3, Duration.ofSeconds(10));

  private FixtureEngines() {}

  static UploadEngine engine() {
    return engine(() -> {}, null);
  }

  static UploadEngine engine(FixtureFiling.AfterFiling after, SSLContext trust) {
    return new UploadEngine(FixtureBills.reader(), services -> new FixtureFiling(services, after), trust, FAST);
  }
}

package io.nectar.web.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show values: times in UTC to the minute, so that every reader sees the same. */
public final class Shown {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Shown() {}

  /** {@code 2026-12-06 14:05 UTC}, or {@code empty} for none. */
  public static String time(Instant instant, String empty) {
    return instant == null ? empty : MINUTE.format(instant);
  }

  /** {@code 2026-12-06}, or {@code empty} for none. */
  public static String day(Instant instant, String empty) {
    return instant == null ? empty : DAY.format(instant);
  }
}

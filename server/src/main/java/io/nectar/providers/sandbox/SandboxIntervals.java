package io.nectar.providers.sandbox;

import io.nectar.providers.ProviderInterval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a month's hourly readings into interval records. Their sum over the month is exactly the
 * bill's usage. In about three months out of ten the meter lost contact for a few hours and the
 * utility filled the gap from its load profile: those hours are {@code ESTIMATED}, the rest
 * {@code ACTUAL}; the filled values still add up to the billed total.
 */
final class SandboxIntervals {
  static final String ACTUAL = "ACTUAL";
  static final String ESTIMATED = "ESTIMATED";
  private static final long SECONDS_PER_HOUR = 3600;

  private SandboxIntervals() {}

  static List<ProviderInterval> of(String meterKey, String units, YearMonth month, long[] thousandths,
      SplittableRandom random) {
    int gapFrom = -1;
    int gapUntil = -1;
    if (random.nextDouble() < 0.3) {
      gapFrom = random.nextInt(thousandths.length - 6);
      gapUntil = gapFrom + random.nextInt(2, 7);
    }
    Instant start = HourlyProfile.start(month);
    List<ProviderInterval> intervals = new ArrayList<>(thousandths.length);
    for (int hour = 0; hour < thousandths.length; hour++) {
      Instant from = start.plusSeconds(hour * SECONDS_PER_HOUR);
      String quality = hour >= gapFrom && hour < gapUntil ? ESTIMATED : ACTUAL;
      intervals.add(new ProviderInterval(meterKey, from, from.plusSeconds(SECONDS_PER_HOUR),
          BigDecimal.valueOf(thousandths[hour], 3), units, quality));
    }
    return intervals;
  }
}

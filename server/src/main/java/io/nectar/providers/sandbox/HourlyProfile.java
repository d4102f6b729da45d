package io.nectar.providers.sandbox;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Hour-by-hour shapes of a month, indexed by UTC hour from the first of the month at 00:00Z. The
 * shapes follow the site's local clock (a fixed offset), but the hours themselves are UTC, so a
 * month's readings cover exactly the bill's calendar days in UTC.
 */
final class HourlyProfile {
  /** Hours billed at the on-peak price: weekdays from noon to 6 pm local time. */
  static final int PEAK_FROM = 12;
  static final int PEAK_UNTIL = 18;

  private HourlyProfile() {}

  static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  static int hours(YearMonth month) {
    return month.lengthOfMonth() * 24;
  }

  static boolean[] peakHours(YearMonth month, SandboxLocale locale) {
    boolean[] peak = new boolean[hours(month)];
    for (int hour = 0; hour < peak.length; hour++) {
      int local = localHour(hour, locale);
      peak[hour] = isWeekday(month, hour, locale) && local >= PEAK_FROM && local < PEAK_UNTIL;
    }
    return peak;
  }

  /**
   * An office building: a night-time base load, occupied weekdays from 7 am to 7 pm, and an
   * afternoon cooling bump that grows with {@code cooling} (0 in mild months, about 0.5 in midsummer).
   */
  static double[] office(YearMonth month, SandboxLocale locale, double cooling, SplittableRandom random) {
    double[] weights = new double[hours(month)];
    for (int hour = 0; hour < weights.length; hour++) {
      int local = localHour(hour, locale);
      boolean occupied = local >= 7 && local < 19;
      double load = 0.45;
      if (occupied) {
        load += isWeekday(month, hour, locale) ? 1.0 : 0.2;
      }
      if (local >= 11 && local < 20) {
        load += cooling * Math.sin(Math.PI * (local - 11 + 0.5) / 9);
      }
      weights[hour] = load * (0.93 + 0.14 * random.nextDouble());
    }
    return weights;
  }

  /** Sunlight on a fixed array: a sine arch between sunrise and sunset, dimmed by each day's clouds. */
  static double[] solar(YearMonth month, SandboxLocale locale, double daylightHours, SplittableRandom random) {
    double[] weights = new double[hours(month)];
    double sunrise = 12 - daylightHours / 2;
    double clouds = 1;
    for (int hour = 0; hour < weights.length; hour++) {
      int local = localHour(hour, locale);
      if (local == 0 || hour == 0) {
        clouds = 0.3 + 0.7 * random.nextDouble();
      }
      double sinceSunrise = local + 0.5 - sunrise;
      weights[hour] = sinceSunrise > 0 && sinceSunrise < daylightHours
          ? clouds * Math.sin(Math.PI * sinceSunrise / daylightHours) : 0;
    }
    return weights;
  }

  /**
   * Splits {@code total} over the selected hours, in proportion to their weights, adding into
   * {@code into}. Rounding the running total (not each hour) makes the parts sum to exactly
   * {@code total} with no hour off by more than one unit.
   */
  static void spread(long total, double[] weights, IntPredicate selected, long[] into) {
    double sum = 0;
    int last = -1;
    for (int hour = 0; hour < weights.length; hour++) {
      if (selected.test(hour) && weights[hour] > 0) {
        sum += weights[hour];
        last = hour; // the remainder lands on an hour with weight, never on a night hour of a solar array
      }
    }
    double running = 0;
    long given = 0;
    for (int hour = 0; hour <= last; hour++) {
      if (!selected.test(hour) || weights[hour] <= 0) {
        continue;
      }
      running += weights[hour];
      long upTo = hour == last ? total : Math.round(total * (running / sum));
      into[hour] += upTo - given;
      given = upTo;
    }
  }

  static double share(double[] weights, boolean[] include) {
    double part = 0;
    double sum = 0;
    for (int hour = 0; hour < weights.length; hour++) {
      sum += weights[hour];
      part += include[hour] ? weights[hour] : 0;
    }
    return part / sum;
  }

  private static int localHour(int hour, SandboxLocale locale) {
    return Math.floorMod(hour + locale.utcOffsetHours(), 24);
  }

  private static boolean isWeekday(YearMonth month, int hour, SandboxLocale locale) {
    int day = Math.floorDiv(hour + locale.utcOffsetHours(), 24); // local day, relative to the 1st
    DayOfWeek weekday = month.atDay(1).getDayOfWeek().plus(day);
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }
}

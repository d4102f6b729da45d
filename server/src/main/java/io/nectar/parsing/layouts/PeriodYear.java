package io.nectar.parsing.layouts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A scanned billing period whose one end OCR gave a wrong year ({@code 01.05.2623 - 31.05.2023}): the period is then
 * out of order or years long. The end whose year is one look-alike digit away from a year that makes the period
 * ordered and at most a year long takes that year, but only when exactly one such repair exists (of either end to
 * a year next to the other's, ending within a year of the statement date when there is one). The caller keeps the repaired date below the trusted level, so the bill is flagged.
 */
final class PeriodYear {
  /** The longest period a bill covers: a year, with a leap day. */
  static final long MAX_DAYS = 366;

  /** Which end of the period was repaired, and its new date. */
  record Repair(End end, LocalDate date) {}

  enum End { START, END }

  private PeriodYear() {}

  /**
   * The one repair that makes the period plausible; empty when the period is plausible already, or none or two fit.
   *
   * @param statement the bill's statement date, or null: a repaired period must end within a year of it
   */
  static Optional<Repair> repair(LocalDate start, LocalDate end, LocalDate statement) {
    if (start == null || end == null || plausible(start, end)) {
      return Optional.empty();
    }
    Optional<LocalDate> newStart = repaired(start, end, End.START)
        .filter(d -> near(end, statement));
    Optional<LocalDate> newEnd = repaired(end, start, End.END).filter(d -> near(d, statement));
    if (newStart.isPresent() == newEnd.isPresent()) {
      return Optional.empty();
    }
    return newStart.map(d -> new Repair(End.START, d)).or(() -> newEnd.map(d -> new Repair(End.END, d)));
  }

  private static Optional<LocalDate> repaired(LocalDate wrong, LocalDate other, End which) {
    LocalDate found = null;
    for (int year = other.getYear() - 1; year <= other.getYear() + 1; year++) {
      if (!LookAlikeTotal.oneLookAlikeDigit(BigDecimal.valueOf(wrong.getYear()), BigDecimal.valueOf(year))) {
        continue;
      }
      LocalDate candidate = wrong.withYear(year);
      boolean fits = which == End.START ? plausible(candidate, other) : plausible(other, candidate);
      if (fits) {
        if (found != null) {
          return Optional.empty();
        }
        found = candidate;
      }
    }
    return Optional.ofNullable(found);
  }

  private static boolean near(LocalDate end, LocalDate statement) {
    return statement == null || Math.abs(ChronoUnit.DAYS.between(end, statement)) <= MAX_DAYS;
  }

  private static boolean plausible(LocalDate start, LocalDate end) {
    return !start.isAfter(end) && ChronoUnit.DAYS.between(start, end) <= MAX_DAYS;
  }
}

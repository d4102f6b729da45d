package io.nectar.insights;

import io.nectar.errors.InvalidInput;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole months a chart or a total covers, first and last included. A usage row or a bill counts
 * in the month its period ends in: a bill from 15 March to 14 April is April's, as a bill is named
 * after the month it is issued for, and no figure is ever divided between months (which would make
 * sums inexact).
 */
public record Period(YearMonth first, YearMonth last) {
  /** The months shown when nothing is asked: a year, up to the newest month with data. */
  public static final int DEFAULT_MONTHS = 12;
  /** The longest period one request may ask for: ten years of monthly points. */
  public static final int MAX_MONTHS = 120;

  public Period {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("a period ends after it begins");
    }
  }

  /** {@link #DEFAULT_MONTHS} months ending with {@code last}. */
  public static Period endingWith(YearMonth last) {
    return new Period(last.minusMonths(DEFAULT_MONTHS - 1L), last);
  }

  /**
   * Reads {@code from} and {@code to} ({@code YYYY-MM}, either may be absent); empty when both are
   * absent, so the caller picks the default around its data.
   *
   * @throws InvalidInput naming each bad parameter
   */
  public static Optional<Period> parse(String from, String to) {
    List<String> problems = new ArrayList<>();
    YearMonth first = month(from, "from", problems);
    YearMonth last = month(to, "to", problems);
    if (!problems.isEmpty()) {
      throw new InvalidInput(java.util.Map.of("period", problems));
    }
    if (first == null && last == null) {
      return Optional.empty();
    }
    if (first == null) {
      first = last.minusMonths(DEFAULT_MONTHS - 1L);
    }
    if (last == null) {
      last = first.plusMonths(DEFAULT_MONTHS - 1L);
    }
    if (last.isBefore(first)) {
      throw InvalidInput.field("to", "The last month must not be before the first.");
    }
    if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
      throw InvalidInput.field("to", "Ask for at most " + MAX_MONTHS + " months at once.");
    }
    return Optional.of(new Period(first, last));
  }

  private static YearMonth month(String raw, String name, List<String> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      if (raw.trim().matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(raw.trim());
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add(name + ": use a month as YYYY-MM.");
    return null;
  }

  /** The first day of the period. */
  public LocalDate start() {
    return first.atDay(1);
  }

  /** The day after the period: periods ending before it count. */
  public LocalDate endExclusive() {
    return last.plusMonths(1).atDay(1);
  }

  /** Every month of the period, in order. */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** The period moved back by its own length: the link to the months before. */
  public Period previous() {
    long length = months().size();
    return new Period(first.minusMonths(length), last.minusMonths(length));
  }

  /** The period moved forward by its own length. */
  public Period next() {
    long length = months().size();
    return new Period(first.plusMonths(length), last.plusMonths(length));
  }
}

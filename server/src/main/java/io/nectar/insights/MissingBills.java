package io.nectar.insights;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The bills still missing: for each tracked meter, the runs of consecutive months in which no bill
 * of the meter covers a single day. Only months that have ended count, and none before the company's
 * data collection start date.
 *
 * @param gaps the newest runs first, at most as many as asked for
 * @param months how many meter-months are missing in all
 * @param runs how many runs there are in all (more than {@code gaps} holds when it was cut)
 */
public record MissingBills(YearMonth first, YearMonth last, List<Gap> gaps, long months, long runs) {

  public MissingBills {
    gaps = List.copyOf(gaps);
  }

  /** Nothing missing, or nothing that could be: a period wholly in the future or before collection began. */
  public static MissingBills none(YearMonth first, YearMonth last) {
    return new MissingBills(first, last, List.of(), 0, 0);
  }

  /** Months {@code from} to {@code to} (inclusive) of one meter without a bill. */
  public record Gap(UUID meterId, UUID siteId, String utility, String meterIdentifier, YearMonth from, YearMonth to,
      int months, long allMonths, long allRuns) {}
}

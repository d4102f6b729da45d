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

  /** A tracked meter and the months it has a bill for (bit i: the i-th month of the run looked at). */
  record Meter(UUID meterId, UUID siteId, String utility, String identifier, long covered) {}

  /**
   * The gaps of {@code meters} over {@code months}: each run of months without their bit, newest
   * first (then by meter), the first {@code limit} of them, and the totals of all.
   */
  static MissingBills of(YearMonth first, YearMonth last, List<YearMonth> months, List<Meter> meters, int limit) {
    java.util.List<Gap> gaps = new java.util.ArrayList<>();
    long missing = 0;
    for (Meter m : meters) {
      int i = 0;
      while (i < months.size()) {
        if ((m.covered() & (1L << i)) != 0) {
          i++;
          continue;
        }
        int start = i;
        while (i < months.size() && (m.covered() & (1L << i)) == 0) {
          i++;
        }
        gaps.add(new Gap(m.meterId(), m.siteId(), m.utility(), m.identifier(), months.get(start), months.get(i - 1),
            i - start));
        missing += i - start;
      }
    }
    gaps.sort(java.util.Comparator.comparing(Gap::to).reversed().thenComparing(Gap::from));
    long runs = gaps.size();
    return new MissingBills(first, last, gaps.subList(0, (int) Math.min(limit, runs)), missing, runs);
  }

  /** Months {@code from} to {@code to} (inclusive) of one meter without a bill. */
  public record Gap(UUID meterId, UUID siteId, String utility, String meterIdentifier, YearMonth from, YearMonth to,
      int months) {}
}

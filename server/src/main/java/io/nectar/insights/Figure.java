package io.nectar.insights;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One sum of an aggregate: the usage (in {@code units}) or cost (in the currency {@code units}) of one
 * utility, in one month or, when {@code month} is null, at one site over the whole period.
 *
 * @param utility a datasource type, {@link #SEVERAL_UTILITIES} for the cost of a bill that covers more
 *     than one, or {@link #NO_UTILITY} for a bill that names none
 * @param units usage units as the rows carry them, or the bill's currency ("" when it gives none)
 * @param siteId the site of a per-site total; null in monthly figures
 * @param amount an exact sum (numeric in the database, BigDecimal here)
 */
public record Figure(Measure measure, String utility, String units, UUID siteId, YearMonth month,
    BigDecimal amount) {
  /** Written by the rollup trigger of migration V19 too: change both together. */
  public static final String SEVERAL_UTILITIES = "SEVERAL";
  public static final String NO_UTILITY = "NONE";
}

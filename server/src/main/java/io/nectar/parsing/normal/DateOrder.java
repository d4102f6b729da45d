package io.nectar.parsing.normal;

/**
 * Which number comes first in an all-numeric date: the month (US, {@code 01/05/2024} = 5 January) or the
 * day (DAY_FIRST, {@code 05/01/2024} = 5 January). A day above 12 overrides the hint either way.
 */
public enum DateOrder {
  US,
  DAY_FIRST
}

package io.nectar.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A meter's interval readings summed per hour (UTC); empty when the meter has none in the window. */
public record HourlyUsage(List<Hour> hours) {

  public HourlyUsage {
    hours = List.copyOf(hours);
  }

  /** The usage of one hour, starting at {@code start}, in {@code units}. */
  public record Hour(Instant start, String units, BigDecimal usage) {}
}

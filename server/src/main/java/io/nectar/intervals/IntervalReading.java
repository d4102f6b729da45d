package io.nectar.intervals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One interval of a meter's usage, e.g. an hour of kWh from a smart meter. */
public record IntervalReading(
    UUID id,
    UUID connectionId,
    UUID meterId,
    UUID accountId,
    Instant start,
    Instant end,
    BigDecimal usage,
    String usageUnits,
    String quality,
    Instant created,
    Instant updated) {}

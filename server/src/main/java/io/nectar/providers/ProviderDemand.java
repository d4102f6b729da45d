package io.nectar.providers;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A billed demand reading (v2.2 {@code demandMeters}), e.g. 84.2 kW PEAK. */
public record ProviderDemand(
    String meterKey,
    LocalDate startDate,
    LocalDate endDate,
    boolean isEstimated,
    BigDecimal demandUsage,
    String demandUsageUnits,
    String description,
    String demandType) {}

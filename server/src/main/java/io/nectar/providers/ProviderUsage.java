package io.nectar.providers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The usage of one meter over one billing period (a UsageData row). {@code usage} is the total; an
 * electricity meter billed by time of use carries the split in {@code timeOfUse} (v2.2's
 * {@code timeOfUseBreakdown}). Solar meters carry the net-metering figures.
 */
public record ProviderUsage(
    String meterKey,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal usage,
    String usageUnits,
    boolean isEstimated,
    BigDecimal currentReading,
    BigDecimal previousReading,
    BigDecimal multiplier,
    String tariff,
    BigDecimal netMeteringGeneratedKwh,
    BigDecimal netMeteringGridImportKwh,
    BigDecimal netMeteringGridExportKwh,
    List<TimeOfUsePart> timeOfUse) {

  /** One time-of-use band of a period's usage, e.g. PEAK 312.5 kWh. */
  public record TimeOfUsePart(String timeOfUse, BigDecimal usage, String usageUnits, String description) {}
}

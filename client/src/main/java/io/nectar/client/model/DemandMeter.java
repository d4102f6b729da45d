package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A demand reading of a bill (v2.2 only), linked to the usage rows of the same meter. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemandMeter(LocalDate startDate, LocalDate endDate, boolean isEstimated, BigDecimal demandUsage,
    String demandUsageUnits, String description, String demandType, List<UUID> usageDataIds) {
  public DemandMeter {
    usageDataIds = Lists.copy(usageDataIds);
  }
}

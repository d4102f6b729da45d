package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One time-of-use band of a usage row (v2.2's {@code timeOfUseBreakdown}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TimeOfUsePart(String timeOfUse, BigDecimal usage, String usageUnits, String description,
    LocalDate startDate, LocalDate endDate) {
}

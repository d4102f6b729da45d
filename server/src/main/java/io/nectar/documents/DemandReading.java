package io.nectar.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A billed demand of a document (v2.2 {@code demandMeters}). */
public record DemandReading(
    UUID id,
    UUID documentId,
    int position,
    UUID meterId,
    LocalDate startDate,
    LocalDate endDate,
    boolean isEstimated,
    BigDecimal demandUsage,
    String demandUsageUnits,
    String description,
    String demandType) {}

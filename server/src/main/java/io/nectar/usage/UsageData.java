package io.nectar.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The usage of one meter over one period, as a document reports it. The company, site, connection,
 * type and bill date are copied from the document and meter so that filtered pages need no join.
 *
 * @param timeOfUseBreakdown JSON array of {@code {timeOfUse, usage, usageUnits, description}}, or null
 */
public record UsageData(
    UUID id,
    UUID documentId,
    UUID companyId,
    UUID meterId,
    UUID siteId,
    UUID connectionId,
    int position,
    String datasourceType,
    LocalDate startDate,
    LocalDate endDate,
    LocalDate billDate,
    BigDecimal usage,
    String usageUnits,
    boolean isEstimated,
    boolean isImplied,
    boolean exclusion,
    BigDecimal currentReading,
    BigDecimal previousReading,
    BigDecimal multiplier,
    String tariff,
    BigDecimal netMeteringGeneratedKwh,
    BigDecimal netMeteringGridImportKwh,
    BigDecimal netMeteringGridExportKwh,
    String utilityName,
    String country,
    String timeOfUseBreakdown,
    Instant created,
    Instant updated) {}

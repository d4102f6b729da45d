package io.nectar.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A processed bill: its period, money and file; usage rows and line items hang off it. */
public record Document(
    UUID id,
    UUID companyId,
    UUID connectionId,
    UUID accountId,
    UUID siteId,
    String providerKey,
    LocalDate billDate,
    LocalDate startDate,
    LocalDate endDate,
    LocalDate dueDate,
    String chargesUnits,
    String utilityCompany,
    BigDecimal totalCharges,
    BigDecimal taxCharges,
    String sourceType,
    String fileName,
    String blobKey,
    Instant created,
    Instant updated) {}

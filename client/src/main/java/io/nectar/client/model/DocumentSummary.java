package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The document a usage row comes from, as the usage endpoints embed it (without its usage rows and
 * line items). {@code url} and {@code auditTrailUrl} are signed links that expire.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentSummary(UUID id, Instant created, Instant updated, String auditTrailUrl, String url,
    LocalDate billDate, LocalDate dueDate, String chargesUnits, BigDecimal totalCharges, String utilityCompany,
    String status, String flaggedStatus, UUID revisedDocumentId, String fileName, String email, UUID jobId,
    String notes, String sourceType) {
}

package io.nectar.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
    String status,
    String flaggedStatus,
    boolean isFlagged,
    String sourceType,
    String fileName,
    String blobKey,
    String email,
    UUID jobId,
    String notes,
    String invoiceId,
    UUID revisedDocumentId,
    List<String> datasourceTypes,
    Instant deletedAt,
    Instant created,
    Instant updated) {

  /** A new bill from a utility connection, as collection files it. */
  public static Document fromConnection(UUID id, UUID companyId, UUID connectionId, UUID accountId, UUID siteId,
      String providerKey, LocalDate billDate, LocalDate startDate, LocalDate endDate, LocalDate dueDate,
      String chargesUnits, String utilityCompany, BigDecimal totalCharges, BigDecimal taxCharges, String fileName,
      String blobKey, List<String> datasourceTypes, Instant now) {
    return new Document(id, companyId, connectionId, accountId, siteId, providerKey, billDate, startDate, endDate,
        dueDate, chargesUnits, utilityCompany, totalCharges, taxCharges, "COMPLETE", null, false, "INVOICE",
        fileName, blobKey, null, null, null, null, null, datasourceTypes, null, now, now);
  }
}

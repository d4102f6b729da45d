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

  /** A new bill from a utility connection, as collection files it: the rest is set by name. */
  public static Builder fromConnection(UUID id, UUID connectionId, Instant now) {
    return new Builder().id(id).connectionId(connectionId).status("COMPLETE").sourceType("INVOICE")
        .created(now).updated(now);
  }

  /**
   * A new bill read off an uploaded file of job {@code jobId}, as filing writes it: an invoice, complete;
   * the rest (file, period, money, flags, revision) is set by name.
   */
  public static Builder fromUpload(UUID id, UUID jobId, Instant now) {
    return new Builder().id(id).jobId(jobId).status("COMPLETE").sourceType("INVOICE").created(now).updated(now);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Document} by field name; unset fields are null, false or 0. */
  public static final class Builder {
    private UUID id;
    private UUID companyId;
    private UUID connectionId;
    private UUID accountId;
    private UUID siteId;
    private String providerKey;
    private LocalDate billDate;
    private LocalDate startDate;
    private LocalDate endDate;
    private LocalDate dueDate;
    private String chargesUnits;
    private String utilityCompany;
    private BigDecimal totalCharges;
    private BigDecimal taxCharges;
    private String status;
    private String flaggedStatus;
    private boolean isFlagged;
    private String sourceType;
    private String fileName;
    private String blobKey;
    private String email;
    private UUID jobId;
    private String notes;
    private String invoiceId;
    private UUID revisedDocumentId;
    private List<String> datasourceTypes;
    private Instant deletedAt;
    private Instant created;
    private Instant updated;

    private Builder() {}

    public Builder id(UUID id) {
      this.id = id;
      return this;
    }

    public Builder companyId(UUID companyId) {
      this.companyId = companyId;
      return this;
    }

    public Builder connectionId(UUID connectionId) {
      this.connectionId = connectionId;
      return this;
    }

    public Builder accountId(UUID accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder siteId(UUID siteId) {
      this.siteId = siteId;
      return this;
    }

    public Builder providerKey(String providerKey) {
      this.providerKey = providerKey;
      return this;
    }

    public Builder billDate(LocalDate billDate) {
      this.billDate = billDate;
      return this;
    }

    public Builder startDate(LocalDate startDate) {
      this.startDate = startDate;
      return this;
    }

    public Builder endDate(LocalDate endDate) {
      this.endDate = endDate;
      return this;
    }

    public Builder dueDate(LocalDate dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    public Builder chargesUnits(String chargesUnits) {
      this.chargesUnits = chargesUnits;
      return this;
    }

    public Builder utilityCompany(String utilityCompany) {
      this.utilityCompany = utilityCompany;
      return this;
    }

    public Builder totalCharges(BigDecimal totalCharges) {
      this.totalCharges = totalCharges;
      return this;
    }

    public Builder taxCharges(BigDecimal taxCharges) {
      this.taxCharges = taxCharges;
      return this;
    }

    public Builder status(String status) {
      this.status = status;
      return this;
    }

    public Builder flaggedStatus(String flaggedStatus) {
      this.flaggedStatus = flaggedStatus;
      return this;
    }

    public Builder isFlagged(boolean isFlagged) {
      this.isFlagged = isFlagged;
      return this;
    }

    public Builder sourceType(String sourceType) {
      this.sourceType = sourceType;
      return this;
    }

    public Builder fileName(String fileName) {
      this.fileName = fileName;
      return this;
    }

    public Builder blobKey(String blobKey) {
      this.blobKey = blobKey;
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    public Builder jobId(UUID jobId) {
      this.jobId = jobId;
      return this;
    }

    public Builder notes(String notes) {
      this.notes = notes;
      return this;
    }

    public Builder invoiceId(String invoiceId) {
      this.invoiceId = invoiceId;
      return this;
    }

    public Builder revisedDocumentId(UUID revisedDocumentId) {
      this.revisedDocumentId = revisedDocumentId;
      return this;
    }

    public Builder datasourceTypes(List<String> datasourceTypes) {
      this.datasourceTypes = datasourceTypes;
      return this;
    }

    public Builder deletedAt(Instant deletedAt) {
      this.deletedAt = deletedAt;
      return this;
    }

    public Builder created(Instant created) {
      this.created = created;
      return this;
    }

    public Builder updated(Instant updated) {
      this.updated = updated;
      return this;
    }

    public Document build() {
      return new Document(id, companyId, connectionId, accountId, siteId, providerKey, billDate, startDate, endDate,
          dueDate, chargesUnits, utilityCompany, totalCharges, taxCharges, status, flaggedStatus, isFlagged,
          sourceType, fileName, blobKey, email, jobId, notes, invoiceId, revisedDocumentId, datasourceTypes,
          deletedAt, created, updated);
    }
  }
}

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
    Instant updated) {

  /** A builder preset with this value's fields, to change some of them by name. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .documentId(documentId)
        .companyId(companyId)
        .meterId(meterId)
        .siteId(siteId)
        .connectionId(connectionId)
        .position(position)
        .datasourceType(datasourceType)
        .startDate(startDate)
        .endDate(endDate)
        .billDate(billDate)
        .usage(usage)
        .usageUnits(usageUnits)
        .isEstimated(isEstimated)
        .isImplied(isImplied)
        .exclusion(exclusion)
        .currentReading(currentReading)
        .previousReading(previousReading)
        .multiplier(multiplier)
        .tariff(tariff)
        .netMeteringGeneratedKwh(netMeteringGeneratedKwh)
        .netMeteringGridImportKwh(netMeteringGridImportKwh)
        .netMeteringGridExportKwh(netMeteringGridExportKwh)
        .utilityName(utilityName)
        .country(country)
        .timeOfUseBreakdown(timeOfUseBreakdown)
        .created(created)
        .updated(updated);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link UsageData} by field name; unset fields are null, false or 0. */
  public static final class Builder {
    private UUID id;
    private UUID documentId;
    private UUID companyId;
    private UUID meterId;
    private UUID siteId;
    private UUID connectionId;
    private int position;
    private String datasourceType;
    private LocalDate startDate;
    private LocalDate endDate;
    private LocalDate billDate;
    private BigDecimal usage;
    private String usageUnits;
    private boolean isEstimated;
    private boolean isImplied;
    private boolean exclusion;
    private BigDecimal currentReading;
    private BigDecimal previousReading;
    private BigDecimal multiplier;
    private String tariff;
    private BigDecimal netMeteringGeneratedKwh;
    private BigDecimal netMeteringGridImportKwh;
    private BigDecimal netMeteringGridExportKwh;
    private String utilityName;
    private String country;
    private String timeOfUseBreakdown;
    private Instant created;
    private Instant updated;

    private Builder() {}

    public Builder id(UUID id) {
      this.id = id;
      return this;
    }

    public Builder documentId(UUID documentId) {
      this.documentId = documentId;
      return this;
    }

    public Builder companyId(UUID companyId) {
      this.companyId = companyId;
      return this;
    }

    public Builder meterId(UUID meterId) {
      this.meterId = meterId;
      return this;
    }

    public Builder siteId(UUID siteId) {
      this.siteId = siteId;
      return this;
    }

    public Builder connectionId(UUID connectionId) {
      this.connectionId = connectionId;
      return this;
    }

    public Builder position(int position) {
      this.position = position;
      return this;
    }

    public Builder datasourceType(String datasourceType) {
      this.datasourceType = datasourceType;
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

    public Builder billDate(LocalDate billDate) {
      this.billDate = billDate;
      return this;
    }

    public Builder usage(BigDecimal usage) {
      this.usage = usage;
      return this;
    }

    public Builder usageUnits(String usageUnits) {
      this.usageUnits = usageUnits;
      return this;
    }

    public Builder isEstimated(boolean isEstimated) {
      this.isEstimated = isEstimated;
      return this;
    }

    public Builder isImplied(boolean isImplied) {
      this.isImplied = isImplied;
      return this;
    }

    public Builder exclusion(boolean exclusion) {
      this.exclusion = exclusion;
      return this;
    }

    public Builder currentReading(BigDecimal currentReading) {
      this.currentReading = currentReading;
      return this;
    }

    public Builder previousReading(BigDecimal previousReading) {
      this.previousReading = previousReading;
      return this;
    }

    public Builder multiplier(BigDecimal multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    public Builder tariff(String tariff) {
      this.tariff = tariff;
      return this;
    }

    public Builder netMeteringGeneratedKwh(BigDecimal netMeteringGeneratedKwh) {
      this.netMeteringGeneratedKwh = netMeteringGeneratedKwh;
      return this;
    }

    public Builder netMeteringGridImportKwh(BigDecimal netMeteringGridImportKwh) {
      this.netMeteringGridImportKwh = netMeteringGridImportKwh;
      return this;
    }

    public Builder netMeteringGridExportKwh(BigDecimal netMeteringGridExportKwh) {
      this.netMeteringGridExportKwh = netMeteringGridExportKwh;
      return this;
    }

    public Builder utilityName(String utilityName) {
      this.utilityName = utilityName;
      return this;
    }

    public Builder country(String country) {
      this.country = country;
      return this;
    }

    public Builder timeOfUseBreakdown(String timeOfUseBreakdown) {
      this.timeOfUseBreakdown = timeOfUseBreakdown;
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

    public UsageData build() {
      return new UsageData(id, documentId, companyId, meterId, siteId, connectionId, position, datasourceType,
          startDate, endDate, billDate, usage, usageUnits, isEstimated, isImplied, exclusion, currentReading,
          previousReading, multiplier, tariff, netMeteringGeneratedKwh, netMeteringGridImportKwh,
          netMeteringGridExportKwh, utilityName, country, timeOfUseBreakdown, created, updated);
    }
  }
}

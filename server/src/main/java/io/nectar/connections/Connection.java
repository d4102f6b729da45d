package io.nectar.connections;

import io.nectar.meters.DatasourceType;
import io.nectar.providers.ConnectionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A utility login of a company: where (url), as whom (username; the password lives sealed in the
 * store only), for which sites and utility types, and where its collection stands (status).
 */
public record Connection(
    UUID id,
    UUID companyId,
    String url,
    String providerName,
    String username,
    String country,
    ConnectionStatus status,
    Instant statusFirstSeenTime,
    Instant statusLastUpdateTime,
    String statusErrorDetail,
    List<UUID> initialSites,
    List<DatasourceType> initialDatasourceTypes,
    String workflowOwnerEmail,
    LocalDate dataCollectionStartDate,
    boolean multiplyByOccupancy,
    String externalId,
    boolean isActive,
    int validationCount,
    Instant collectedAt,
    Instant created,
    Instant updated) {

  /** This connection after a validation that found {@code newStatus} at {@code now}. */
  public Connection validated(ConnectionStatus newStatus, String detail, Instant now) {
    Instant firstSeen = newStatus == status && statusFirstSeenTime != null ? statusFirstSeenTime : now;
    return toBuilder()
        .status(newStatus)
        .statusFirstSeenTime(firstSeen)
        .statusLastUpdateTime(now)
        .statusErrorDetail(detail)
        .validationCount(validationCount + 1)
        .updated(newStatus != status || !java.util.Objects.equals(detail, statusErrorDetail) ? now : updated)
        .build();
  }

  /** A builder preset with this value's fields, to change some of them by name. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .companyId(companyId)
        .url(url)
        .providerName(providerName)
        .username(username)
        .country(country)
        .status(status)
        .statusFirstSeenTime(statusFirstSeenTime)
        .statusLastUpdateTime(statusLastUpdateTime)
        .statusErrorDetail(statusErrorDetail)
        .initialSites(initialSites)
        .initialDatasourceTypes(initialDatasourceTypes)
        .workflowOwnerEmail(workflowOwnerEmail)
        .dataCollectionStartDate(dataCollectionStartDate)
        .multiplyByOccupancy(multiplyByOccupancy)
        .externalId(externalId)
        .isActive(isActive)
        .validationCount(validationCount)
        .collectedAt(collectedAt)
        .created(created)
        .updated(updated);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Connection} by field name; unset fields are null, false or 0. */
  public static final class Builder {
    private UUID id;
    private UUID companyId;
    private String url;
    private String providerName;
    private String username;
    private String country;
    private ConnectionStatus status;
    private Instant statusFirstSeenTime;
    private Instant statusLastUpdateTime;
    private String statusErrorDetail;
    private List<UUID> initialSites;
    private List<DatasourceType> initialDatasourceTypes;
    private String workflowOwnerEmail;
    private LocalDate dataCollectionStartDate;
    private boolean multiplyByOccupancy;
    private String externalId;
    private boolean isActive;
    private int validationCount;
    private Instant collectedAt;
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

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder providerName(String providerName) {
      this.providerName = providerName;
      return this;
    }

    public Builder username(String username) {
      this.username = username;
      return this;
    }

    public Builder country(String country) {
      this.country = country;
      return this;
    }

    public Builder status(ConnectionStatus status) {
      this.status = status;
      return this;
    }

    public Builder statusFirstSeenTime(Instant statusFirstSeenTime) {
      this.statusFirstSeenTime = statusFirstSeenTime;
      return this;
    }

    public Builder statusLastUpdateTime(Instant statusLastUpdateTime) {
      this.statusLastUpdateTime = statusLastUpdateTime;
      return this;
    }

    public Builder statusErrorDetail(String statusErrorDetail) {
      this.statusErrorDetail = statusErrorDetail;
      return this;
    }

    public Builder initialSites(List<UUID> initialSites) {
      this.initialSites = initialSites;
      return this;
    }

    public Builder initialDatasourceTypes(List<DatasourceType> initialDatasourceTypes) {
      this.initialDatasourceTypes = initialDatasourceTypes;
      return this;
    }

    public Builder workflowOwnerEmail(String workflowOwnerEmail) {
      this.workflowOwnerEmail = workflowOwnerEmail;
      return this;
    }

    public Builder dataCollectionStartDate(LocalDate dataCollectionStartDate) {
      this.dataCollectionStartDate = dataCollectionStartDate;
      return this;
    }

    public Builder multiplyByOccupancy(boolean multiplyByOccupancy) {
      this.multiplyByOccupancy = multiplyByOccupancy;
      return this;
    }

    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    public Builder isActive(boolean isActive) {
      this.isActive = isActive;
      return this;
    }

    public Builder validationCount(int validationCount) {
      this.validationCount = validationCount;
      return this;
    }

    public Builder collectedAt(Instant collectedAt) {
      this.collectedAt = collectedAt;
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

    public Connection build() {
      return new Connection(id, companyId, url, providerName, username, country, status, statusFirstSeenTime,
          statusLastUpdateTime, statusErrorDetail, initialSites, initialDatasourceTypes, workflowOwnerEmail,
          dataCollectionStartDate, multiplyByOccupancy, externalId, isActive, validationCount, collectedAt, created,
          updated);
    }
  }
}

package io.nectar.connections;

import io.nectar.meters.DatasourceType;
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
    return new Connection(id, companyId, url, providerName, username, country, newStatus, firstSeen, now, detail,
        initialSites, initialDatasourceTypes, workflowOwnerEmail, dataCollectionStartDate, multiplyByOccupancy,
        externalId, isActive, validationCount + 1, collectedAt, created,
        newStatus != status || !java.util.Objects.equals(detail, statusErrorDetail) ? now : updated);
  }
}

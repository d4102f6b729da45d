package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A connection to a utility's website with a customer's credentials, from which the server
 * discovers accounts and meters and collects bills. {@code connectionMagicLinkSecret} is filled
 * only by the legacy edit-link call.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Connection(UUID id, Instant created, Instant updated, String publicCompanyId,
    String connectionMagicLinkSecret, Instant statusLastUpdateTime, Instant statusFirstSeenTime,
    String statusErrorDetail, String externalId, Datasource datasource, List<Account> accounts,
    CompanyReference company, String url, ConnectionStatus status, String country, List<UUID> initialSites,
    List<DatasourceType> initialDatasourceTypes, String username, String workflowOwnerEmail,
    LocalDate dataCollectionStartDate, boolean multiplyByOccupancy, boolean isActive) {
  public Connection {
    accounts = Lists.copy(accounts);
    initialSites = Lists.copy(initialSites);
    initialDatasourceTypes = Lists.copy(initialDatasourceTypes);
  }

  /** The utility (its display name and website). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Datasource(String name, String url) {
  }

  /** The connection's company, as embedded in a connection (and in its webhook payloads). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CompanyReference(UUID id, String name, String externalId, String publicId) {
  }
}

package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A company: the owner of sites, connections, documents and usage. Its sites come embedded, which
 * is the only way the API lists them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Company(UUID id, String name, boolean isDemandEnabled, List<Site> sites, List<String> users,
    String externalId, LocalDate dataCollectionStartDate, boolean isImpliedMeteringEnabled,
    BigDecimal impliedMeteringFraction, boolean isBasicIdentifierMappingEnabled, boolean isLowAccuracyModeEnabled) {
  public Company {
    sites = Lists.copy(sites);
    users = Lists.copy(users);
  }
}

package io.nectar.providers;

import io.nectar.meters.DatasourceType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a provider is asked for: whose credentials, for which sites and utility types, from which
 * date, and "today" (injected, so that collection is reproducible in tests).
 *
 * @param connectionId the connection, which seeds deterministic providers such as the sandbox
 * @param siteIds the connection's sites, in the order the user gave them
 * @param datasourceTypes requested utility types; empty means every type the provider offers
 * @param startDate the first day of history to collect
 * @param today the current date (UTC); bills are collected up to the last full month before it
 * @param mfaToken what the provider gave back when the account holder last answered its one-time code
 *     ({@link UtilityProvider#answerMfa}), so that the login stays trusted; null when never answered
 */
public record CollectionRequest(
    java.util.UUID connectionId,
    String username,
    String password,
    String country,
    List<UUID> siteIds,
    Set<DatasourceType> datasourceTypes,
    LocalDate startDate,
    LocalDate today,
    int validationCount,
    String mfaToken) {

  @Override
  public String toString() {
    return "CollectionRequest[" + connectionId + ", user " + username + ", sites " + siteIds + "]"; // never the password
  }
}

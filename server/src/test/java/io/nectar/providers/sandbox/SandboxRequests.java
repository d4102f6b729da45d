package io.nectar.providers.sandbox;

import io.nectar.meters.DatasourceType;
import io.nectar.providers.CollectionRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Collection requests as the connection service would build them for a sandbox connection. */
final class SandboxRequests {
  static final UUID CONNECTION = UUID.fromString("018f3c2e-7a41-7c55-9a1e-2b7d4c6e8f01");
  static final List<UUID> THREE_SITES = List.of(UUID.fromString("018f3c2e-0000-7000-8000-000000000001"),
      UUID.fromString("018f3c2e-0000-7000-8000-000000000002"), UUID.fromString("018f3c2e-0000-7000-8000-000000000003"));
  /** With today in the middle of June 2025, two years from June 2023 are 24 full months. */
  static final LocalDate TODAY = LocalDate.of(2025, 6, 18);
  static final LocalDate TWO_YEARS_AGO = LocalDate.of(2023, 6, 1);

  private SandboxRequests() {}

  static CollectionRequest twoYears(UUID connection, String country) {
    return request(connection, country, Set.of(), TWO_YEARS_AGO, TODAY);
  }

  static CollectionRequest request(UUID connection, String country, Set<DatasourceType> types, LocalDate start,
      LocalDate today) {
    return new CollectionRequest(connection, SandboxLogin.USERNAME, SandboxLogin.PASSWORD, country, THREE_SITES, types,
        start, today, 0, null);
  }

  static CollectionRequest login(String username, String password, int validationCount) {
    return new CollectionRequest(CONNECTION, username, password, "US", THREE_SITES, Set.of(), TWO_YEARS_AGO, TODAY,
        validationCount, null);
  }
}

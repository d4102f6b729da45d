package io.nectar.invitations;

import io.nectar.meters.DatasourceType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a CREATE_CONNECTION invitation (or a legacy company magic link) fills in for its customer
 * (nectar-api.md §11.1). Every field is optional: null, or an empty list.
 */
public record Prefill(String url, List<UUID> initialSites, List<DatasourceType> utilityTypes, String country,
    String connectionOwnerEmail, LocalDate dataCollectionStartDate) {

  public static final Prefill NONE = new Prefill(null, List.of(), List.of(), null, null, null);

  public Prefill {
    initialSites = initialSites == null ? List.of() : List.copyOf(initialSites);
    utilityTypes = utilityTypes == null ? List.of() : List.copyOf(utilityTypes);
  }

  /** True when nothing is filled in. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}

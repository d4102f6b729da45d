package io.nectar.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nectar.meters.DatasourceType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A prefill as JSON (plain Jackson, so the store may use it too), in the API's field names: what the invitation object shows and what the store
 * keeps. Only the fields that are filled in appear, so an empty prefill is {@code {}}.
 */
final class PrefillJson {
  private PrefillJson() {}

  static ObjectNode write(Prefill prefill) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    if (prefill.url() != null) {
      json.put("url", prefill.url());
    }
    if (!prefill.initialSites().isEmpty()) {
      ArrayNode sites = json.putArray("initialSites");
      prefill.initialSites().forEach(id -> sites.add(id.toString()));
    }
    if (!prefill.utilityTypes().isEmpty()) {
      ArrayNode types = json.putArray("utilityTypes");
      prefill.utilityTypes().forEach(t -> types.add(t.name()));
    }
    if (prefill.country() != null) {
      json.put("country", prefill.country());
    }
    if (prefill.connectionOwnerEmail() != null) {
      json.put("connectionOwnerEmail", prefill.connectionOwnerEmail());
    }
    if (prefill.dataCollectionStartDate() != null) {
      json.put("dataCollectionStartDate", prefill.dataCollectionStartDate().toString());
    }
    return json;
  }

  static Prefill read(JsonNode json) {
    List<UUID> sites = new ArrayList<>();
    json.path("initialSites").forEach(s -> sites.add(UUID.fromString(s.asText())));
    List<DatasourceType> types = new ArrayList<>();
    json.path("utilityTypes").forEach(t -> types.add(DatasourceType.valueOf(t.asText())));
    String start = json.path("dataCollectionStartDate").asText(null);
    return new Prefill(json.path("url").asText(null), sites, types, json.path("country").asText(null),
        json.path("connectionOwnerEmail").asText(null), start == null ? null : LocalDate.parse(start));
  }
}

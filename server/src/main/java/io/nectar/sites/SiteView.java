package io.nectar.sites;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;

/** The Site object of every API version (nectar-api.md §4.1). */
public final class SiteView {
  private SiteView() {}

  public static ObjectNode render(Site s) {
    ObjectNode json = Json.object();
    json.put("id", s.id().toString());
    json.put("name", s.name());
    json.put("dataCollectionStopDate", Json.date(s.dataCollectionStopDate()));
    json.put("externalId", s.externalId());
    json.put("address", s.address());
    json.set("path", Json.strings(s.path()));
    json.put("occupancyPercent", Json.decimal(s.occupancyPercent()));
    return json;
  }
}

package io.nectar.sites;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;
import java.io.IOException;

/** The Site object of every API version (nectar-api.md §4.1). */
public final class SiteView {
  private SiteView() {}

  public static ObjectNode render(Site s) {
    return (ObjectNode) Json.tree(g -> write(g, s));
  }

  public static void write(JsonGenerator g, Site s) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", s.id().toString());
    Json.field(g, "name", s.name());
    Json.field(g, "dataCollectionStopDate", Json.date(s.dataCollectionStopDate()));
    Json.field(g, "externalId", s.externalId());
    Json.field(g, "address", s.address());
    g.writeArrayFieldStart("path");
    for (String part : s.path()) {
      g.writeString(part);
    }
    g.writeEndArray();
    Json.field(g, "occupancyPercent", Json.decimal(s.occupancyPercent()));
    g.writeEndObject();
  }
}

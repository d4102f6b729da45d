package io.nectar.meters;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;
import java.io.IOException;
import java.util.List;

/** The Meter object (nectar-api.md §7.1), the same in every version. */
public final class MeterView {
  private MeterView() {}

  public static ObjectNode render(Meter m) {
    ObjectNode json = Json.object();
    json.put("id", m.id().toString());
    json.put("site", m.siteId().toString());
    json.set("identifiers", identifiers(m.identifiers()));
    json.put("datasourceType", m.datasourceType().name());
    json.put("account", m.accountId() == null ? null : m.accountId().toString());
    json.put("address", m.address());
    for (String field : Meter.SUBTYPE_FIELDS) {
      json.put(field, m.subtypes().get(field));
    }
    json.putNull("wasteType");
    json.putNull("wasteStream");
    json.put("isTracked", m.isTracked());
    return json;
  }

  public static ArrayNode identifiers(List<Meter.Identifier> identifiers) {
    return (ArrayNode) Json.tree(g -> writeIdentifiers(g, identifiers));
  }

  public static void writeIdentifiers(JsonGenerator g, List<Meter.Identifier> identifiers) throws IOException {
    g.writeStartArray();
    for (Meter.Identifier i : identifiers) {
      g.writeStartObject();
      Json.field(g, "rawName", i.rawName());
      Json.field(g, "value", i.value());
      Json.field(g, "name", i.name());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}

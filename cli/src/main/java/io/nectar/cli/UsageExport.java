package io.nectar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes usage rows one at a time (nothing is held but the row being written), each with its meter's
 * identifiers and its site. Values are copied as the API's JSON has them: a decimal string such as
 * {@code "56176.0040"} is written as those characters, never through a number type.
 *
 * <p>The API's usage rows already carry the meter's identifiers and site; {@code meters} is asked only
 * for a row that has a meter id without them, so a whole export normally makes no request but the pages.
 */
final class UsageExport {
  /** The file formats. */
  enum Format { CSV, JSONL }

  /** The columns, in order: the CSV header and the JSON Lines keys. */
  static final List<String> COLUMNS = List.of("id", "meterId", "meterIdentifier", "meterIdentifiers", "siteId",
      "siteName", "datasourceType", "startDate", "endDate", "usage", "usageUnits", "isEstimated", "documentId",
      "billDate", "utilityName", "created", "updated");

  /** A meter by id, as JSON ({@code site} the site's id), for rows that do not carry their meter's details. */
  interface Meters {
    Optional<JsonNode> meter(String meterId);

    /** A site's name by id. */
    Optional<String> siteName(String siteId);
  }

  private final PrintWriter out;
  private final Format format;
  private final Meters meters;
  private final ObjectMapper json;

  UsageExport(PrintWriter out, Format format, Meters meters, ObjectMapper json) {
    this.out = out;
    this.format = format;
    this.meters = meters;
    this.json = json;
  }

  void header() {
    if (format == Format.CSV) {
      Csv.writeRow(out, COLUMNS);
    }
  }

  void write(JsonNode usage) {
    Row row = row(usage);
    if (format == Format.CSV) {
      // Arrays.asList, not List.of: a row without a meter or a site has nulls here (empty fields).
      Csv.writeRow(out, Arrays.asList(row.id, row.meterId, row.firstIdentifier(), row.identifierText(), row.siteId,
          row.siteName, text(usage, "datasourceType"), text(usage, "startDate"), text(usage, "endDate"),
          text(usage, "usage"), text(usage, "usageUnits"), text(usage, "isEstimated"), text(usage, "document.id"),
          text(usage, "document.billDate"), text(usage, "utilityName"), text(usage, "created"),
          text(usage, "updated")));
      return;
    }
    ObjectNode line = json.createObjectNode();
    line.put("id", row.id).put("meterId", row.meterId).put("meterIdentifier", row.firstIdentifier());
    ArrayNode identifiers = line.putArray("meterIdentifiers");
    row.identifiers.forEach(identifiers::add);
    line.put("siteId", row.siteId).put("siteName", row.siteName);
    for (String field : List.of("datasourceType", "startDate", "endDate", "usage", "usageUnits")) {
      line.set(field, usage.path(field).isMissingNode() ? line.nullNode() : usage.path(field));
    }
    line.set("isEstimated", usage.path("isEstimated").isMissingNode() ? line.nullNode() : usage.path("isEstimated"));
    line.put("documentId", nullIfEmpty(text(usage, "document.id")))
        .put("billDate", nullIfEmpty(text(usage, "document.billDate")))
        .put("utilityName", nullIfEmpty(text(usage, "utilityName")))
        .put("created", nullIfEmpty(text(usage, "created")))
        .put("updated", nullIfEmpty(text(usage, "updated")));
    out.print(line);
    out.print('\n');
  }

  /** The meter and site of a row: from the row itself, else from its meter. */
  private Row row(JsonNode usage) {
    String meterId = nullIfEmpty(text(usage, "meter"));
    List<JsonNode> identifiers = new ArrayList<>();
    usage.path("identifiers").forEach(identifiers::add);
    JsonNode site = usage.path("site");
    String siteId = site.isObject() ? nullIfEmpty(text(site, "id")) : nullIfEmpty(Column.text(site));
    String siteName = site.isObject() ? nullIfEmpty(text(site, "name")) : null;
    if (meterId != null && (identifiers.isEmpty() || siteId == null)) {
      Optional<JsonNode> meter = meters.meter(meterId);
      if (meter.isPresent()) {
        if (identifiers.isEmpty()) {
          meter.get().path("identifiers").forEach(identifiers::add);
        }
        if (siteId == null) {
          siteId = nullIfEmpty(text(meter.get(), "site"));
        }
      }
    }
    if (siteId != null && siteName == null) {
      siteName = meters.siteName(siteId).orElse(null);
    }
    return new Row(nullIfEmpty(text(usage, "id")), meterId, identifiers, siteId, siteName);
  }

  private record Row(String id, String meterId, List<JsonNode> identifiers, String siteId, String siteName) {
    String firstIdentifier() {
      return identifiers.isEmpty() ? null : nullIfEmpty(Column.text(identifiers.get(0).path("value")));
    }

    /** Every identifier as {@code NAME=value}, separated by "; " (the name left out when unknown). */
    String identifierText() {
      List<String> parts = new ArrayList<>();
      for (JsonNode identifier : identifiers) {
        String name = Column.text(identifier.path("name"));
        String value = Column.text(identifier.path("value"));
        parts.add(name.isEmpty() ? value : name + "=" + value);
      }
      return String.join("; ", parts);
    }
  }

  private static String text(JsonNode node, String path) {
    return Column.text(Column.at(node, path));
  }

  private static String nullIfEmpty(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** The company's meters and sites, each fetched once the first time one is needed, then kept in a map. */
  static Meters lazy(Supplier<List<JsonNode>> loadMeters, Supplier<List<JsonNode>> loadSites) {
    return new Meters() {
      private java.util.Map<String, JsonNode> byId;
      private java.util.Map<String, String> siteNames;

      @Override
      public Optional<JsonNode> meter(String meterId) {
        if (byId == null) {
          byId = new java.util.HashMap<>();
          loadMeters.get().forEach(m -> byId.put(Column.text(m.path("id")), m));
        }
        return Optional.ofNullable(byId.get(meterId));
      }

      @Override
      public Optional<String> siteName(String siteId) {
        if (siteNames == null) {
          siteNames = new java.util.HashMap<>();
          loadSites.get().forEach(s -> siteNames.put(Column.text(s.path("id")), Column.text(s.path("name"))));
        }
        return Optional.ofNullable(siteNames.get(siteId));
      }
    };
  }
}

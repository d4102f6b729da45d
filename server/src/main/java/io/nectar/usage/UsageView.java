package io.nectar.usage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.documents.Document;
import io.nectar.documents.DocumentLinks;
import io.nectar.documents.DocumentView;
import io.nectar.http.ApiVersion;
import io.nectar.http.Json;
import io.nectar.http.JsonFragments;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterView;
import io.nectar.sites.SiteView;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The UsageData object in each API version (nectar-api.md §8.4, §8.5), from one model:
 * <ul>
 *   <li>v2: the period, usage, meter fields (with {@code timeOfUse}), site, identifiers;
 *   <li>v2.1: adds {@code updated}, {@code isEstimated}, {@code exclusion}, {@code electricityType} and the
 *       solar generation and grid-import figures;
 *   <li>v2.2: {@code timeOfUseBreakdown} replaces {@code timeOfUse} (one row per meter and period holding
 *       the total; peak and off-peak in the breakdown), and the readings, multiplier, tariff, grid
 *       export and utility fields of the v2.2 payload are added.
 * </ul>
 */
public final class UsageView {
  // The names of the fields each row writes itself (the rest are copied with its meter's): a page
  // of a site's bills writes each of them 1,680 times.
  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString CREATED = new SerializedString("created");
  private static final SerializableString UPDATED = new SerializedString("updated");
  private static final SerializableString START_DATE = new SerializedString("startDate");
  private static final SerializableString END_DATE = new SerializedString("endDate");
  private static final SerializableString USAGE = new SerializedString("usage");
  private static final SerializableString USAGE_UNITS = new SerializedString("usageUnits");
  private static final SerializableString IS_ESTIMATED = new SerializedString("isEstimated");
  private static final SerializableString NET_METERING_GENERATED_KWH = new SerializedString("netMeteringGeneratedKwh");
  private static final SerializableString NET_METERING_GRID_IMPORT_KWH = new SerializedString("netMeteringGridImportKwh");
  private static final SerializableString EXCLUSION = new SerializedString("exclusion");
  private static final SerializableString TIME_OF_USE_BREAKDOWN = new SerializedString("timeOfUseBreakdown");
  private static final SerializableString SERVICE_ADDRESS = new SerializedString("serviceAddress");
  private static final SerializableString IS_IMPLIED = new SerializedString("isImplied");
  private static final SerializableString CURRENT_READING = new SerializedString("currentReading");
  private static final SerializableString PREVIOUS_READING = new SerializedString("previousReading");
  private static final SerializableString MULTIPLIER = new SerializedString("multiplier");
  private static final SerializableString[] UNHELD_AFTER_MULTIPLIER = names(
      "multiplierDescription", "multiplier2", "multiplier2Description", "fractionRenewable");
  private static final SerializableString NET_METERING_GRID_EXPORT_KWH = new SerializedString("netMeteringGridExportKwh");
  private static final SerializableString TARIFF = new SerializedString("tariff");
  private static final SerializableString[] UNHELD_AFTER_TARIFF = names("billedDemand", "supplierName");
  private static final SerializableString UTILITY_NAME = new SerializedString("utilityName");
  private static final SerializableString COUNTRY = new SerializedString("country");
  private static final SerializableString DOCUMENT = new SerializedString("document");

  private UsageView() {}

  private static SerializableString[] names(String... names) {
    return Arrays.stream(names).map(SerializedString::new).toArray(SerializableString[]::new);
  }

  /** Renders a usage row as its own object, with the {@code document} it comes from. */
  public static ObjectNode render(UsageDetails d, ApiVersion version, DocumentLinks links) {
    return (ObjectNode) Json.tree(g -> write(g, d, version, links, JsonFragments.NONE));
  }

  /**
   * Writes a usage row. Its site, its meter's identifiers and its document's summary are the same for
   * many rows of one response: {@code shared} writes each of them once.
   */
  public static void write(JsonGenerator g, UsageDetails d, ApiVersion version, DocumentLinks links,
      JsonFragments shared) throws IOException {
    writeFields(g, d, version, shared);
    if (d.document() != null) {
      g.writeFieldName(DOCUMENT);
      Document document = d.document();
      shared.write(g, Map.entry("document", document.id()),
          dg -> DocumentView.writeSummary(dg, document, version, links));
    }
    g.writeEndObject();
  }

  /** Writes a usage row inside its document's {@code usageData}, where it does not repeat the document. */
  static void writeWithinDocument(JsonGenerator g, UsageDetails d, ApiVersion version, JsonFragments shared)
      throws IOException {
    writeFields(g, d, version, shared);
    g.writeEndObject();
  }

  /** Opens the row's object and writes every field but the document; the caller closes it. */
  private static void writeFields(JsonGenerator g, UsageDetails d, ApiVersion version, JsonFragments shared)
      throws IOException {
    UsageData u = d.usage();
    Meter meter = d.meter();
    g.writeStartObject();
    Json.field(g, ID, u.id().toString());
    Json.field(g, CREATED, Json.timestamp(u.created()));
    if (version.atLeast(ApiVersion.V2_1)) {
      Json.field(g, UPDATED, Json.timestamp(u.updated()));
    }
    Json.field(g, START_DATE, Json.date(u.startDate()));
    Json.field(g, END_DATE, Json.date(u.endDate()));
    Json.field(g, USAGE, Json.decimal(u.usage()));
    Json.field(g, USAGE_UNITS, u.usageUnits());
    if (version.atLeast(ApiVersion.V2_1)) {
      g.writeFieldName(IS_ESTIMATED);
      g.writeBoolean(u.isEstimated());
      Json.field(g, NET_METERING_GENERATED_KWH, Json.decimal(u.netMeteringGeneratedKwh()));
      Json.field(g, NET_METERING_GRID_IMPORT_KWH, Json.decimal(u.netMeteringGridImportKwh()));
      g.writeFieldName(EXCLUSION);
      g.writeBoolean(u.exclusion());
    }
    if (version.atLeast(ApiVersion.V2_2)) {
      g.writeFieldName(TIME_OF_USE_BREAKDOWN);
      if (u.timeOfUseBreakdown() == null) {
        g.writeStartArray();
        g.writeEndArray();
      } else {
        g.writeTree(breakdown(u));
      }
      Json.field(g, SERVICE_ADDRESS, meter == null ? null : meter.address());
      g.writeFieldName(IS_IMPLIED);
      g.writeBoolean(u.isImplied());
      Json.field(g, CURRENT_READING, Json.decimal(u.currentReading()));
      Json.field(g, PREVIOUS_READING, Json.decimal(u.previousReading()));
      Json.field(g, MULTIPLIER, Json.decimal(u.multiplier()));
      for (SerializableString unheld : UNHELD_AFTER_MULTIPLIER) {
        Json.field(g, unheld, null);
      }
      Json.field(g, NET_METERING_GRID_EXPORT_KWH, Json.decimal(u.netMeteringGridExportKwh()));
      Json.field(g, TARIFF, u.tariff());
      for (SerializableString unheld : UNHELD_AFTER_TARIFF) {
        Json.field(g, unheld, null);
      }
      Json.field(g, UTILITY_NAME, u.utilityName());
      Json.field(g, COUNTRY, u.country());
    }
    // From here to additionalFields the row shows its meter and site: the same for each of a meter's rows.
    shared.writeFields(g, new MeterFieldsKey(u.meterId(), u.siteId(), u.datasourceType()),
        fg -> meterFields(fg, d, version, shared));
  }

  /** The fields a row shows of its meter and site, from {@code meter} to {@code additionalFields}. */
  private static void meterFields(JsonGenerator g, UsageDetails d, ApiVersion version, JsonFragments shared)
      throws IOException {
    UsageData u = d.usage();
    Meter meter = d.meter();
    Json.field(g, "meter", u.meterId() == null ? null : u.meterId().toString());
    Json.field(g, "meterAddress", meter == null ? null : meter.address());
    g.writeFieldName("site");
    if (d.site() == null) {
      g.writeNull();
    } else {
      shared.write(g, Map.entry("site", d.site().id()), sg -> SiteView.write(sg, d.site()));
    }
    g.writeFieldName("identifiers");
    if (meter == null) {
      MeterView.writeIdentifiers(g, List.of());
    } else {
      shared.write(g, Map.entry("identifiers", meter.id()), ig -> MeterView.writeIdentifiers(ig, meter.identifiers()));
    }
    Json.field(g, "datasourceType", u.datasourceType());
    for (String field : Meter.SUBTYPE_FIELDS) {
      if (!field.equals("timeOfUse") || !version.atLeast(ApiVersion.V2_2)) {
        Json.field(g, field, meter == null ? null : meter.subtypes().get(field));
      }
      if (field.equals("timeOfUse") && version.atLeast(ApiVersion.V2_1)) {
        Json.field(g, "electricityType", "ELECTRICITY".equals(u.datasourceType()) ? "USAGE" : null);
      }
    }
    g.writeNullField("wasteType");
    g.writeNullField("wasteStream");
    g.writeBooleanField("meterIsTracked", meter == null || meter.isTracked());
    g.writeObjectFieldStart("additionalFields");
    g.writeEndObject();
  }

  /**
   * What the meter fields of a row depend on within one response. Written out rather than a record:
   * a record's generated equals showed in profiles of a 1,680-row page.
   */
  private static final class MeterFieldsKey {
    private final UUID meterId;
    private final UUID siteId;
    private final String datasourceType;
    private final int hash;

    MeterFieldsKey(UUID meterId, UUID siteId, String datasourceType) {
      this.meterId = meterId;
      this.siteId = siteId;
      this.datasourceType = datasourceType;
      this.hash = Objects.hash(meterId, siteId, datasourceType);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof MeterFieldsKey k && hash == k.hash && Objects.equals(meterId, k.meterId)
          && Objects.equals(siteId, k.siteId) && Objects.equals(datasourceType, k.datasourceType);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static JsonNode breakdown(UsageData u) {
    if (u.timeOfUseBreakdown() == null) {
      return Json.array();
    }
    try {
      JsonNode parts = Json.MAPPER.readTree(u.timeOfUseBreakdown());
      for (JsonNode part : parts) {
        ((ObjectNode) part).put("startDate", (String) null).put("endDate", (String) null);
      }
      return parts;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable time-of-use breakdown of usage " + u.id(), e);
    }
  }
}

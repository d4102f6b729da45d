package io.nectar.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.documents.DocumentLinks;
import io.nectar.documents.DocumentView;
import io.nectar.http.ApiVersion;
import io.nectar.http.Json;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterView;
import io.nectar.sites.SiteView;

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
  private UsageView() {}

  /** Renders a usage row; {@code embedDocument} adds the {@code document} object (lists and details). */
  public static ObjectNode render(UsageDetails d, ApiVersion version, DocumentLinks links, boolean embedDocument) {
    UsageData u = d.usage();
    Meter meter = d.meter();
    ObjectNode json = Json.object();
    json.put("id", u.id().toString());
    json.put("created", Json.timestamp(u.created()));
    if (version.atLeast(ApiVersion.V2_1)) {
      json.put("updated", Json.timestamp(u.updated()));
    }
    json.put("startDate", Json.date(u.startDate()));
    json.put("endDate", Json.date(u.endDate()));
    json.put("usage", Json.decimal(u.usage()));
    json.put("usageUnits", u.usageUnits());
    if (version.atLeast(ApiVersion.V2_1)) {
      json.put("isEstimated", u.isEstimated());
      json.put("netMeteringGeneratedKwh", Json.decimal(u.netMeteringGeneratedKwh()));
      json.put("netMeteringGridImportKwh", Json.decimal(u.netMeteringGridImportKwh()));
      json.put("exclusion", u.exclusion());
    }
    if (version.atLeast(ApiVersion.V2_2)) {
      json.set("timeOfUseBreakdown", breakdown(u));
      json.put("serviceAddress", meter == null ? null : meter.address());
      json.put("isImplied", u.isImplied());
      json.put("currentReading", Json.decimal(u.currentReading()));
      json.put("previousReading", Json.decimal(u.previousReading()));
      json.put("multiplier", Json.decimal(u.multiplier()));
      json.putNull("multiplierDescription");
      json.putNull("multiplier2");
      json.putNull("multiplier2Description");
      json.putNull("fractionRenewable");
      json.put("netMeteringGridExportKwh", Json.decimal(u.netMeteringGridExportKwh()));
      json.put("tariff", u.tariff());
      json.putNull("billedDemand");
      json.putNull("supplierName");
      json.put("utilityName", u.utilityName());
      json.put("country", u.country());
    }
    json.put("meter", u.meterId() == null ? null : u.meterId().toString());
    json.put("meterAddress", meter == null ? null : meter.address());
    json.set("site", d.site() == null ? null : SiteView.render(d.site()));
    json.set("identifiers", MeterView.identifiers(meter == null ? java.util.List.of() : meter.identifiers()));
    json.put("datasourceType", u.datasourceType());
    for (String field : Meter.SUBTYPE_FIELDS) {
      if (!field.equals("timeOfUse") || !version.atLeast(ApiVersion.V2_2)) {
        json.put(field, meter == null ? null : meter.subtypes().get(field));
      }
      if (field.equals("timeOfUse") && version.atLeast(ApiVersion.V2_1)) {
        json.put("electricityType", "ELECTRICITY".equals(u.datasourceType()) ? "USAGE" : null);
      }
    }
    json.putNull("wasteType");
    json.putNull("wasteStream");
    json.put("meterIsTracked", meter == null || meter.isTracked());
    json.putObject("additionalFields");
    if (embedDocument && d.document() != null) {
      json.set("document", DocumentView.summary(d.document(), version, links));
    }
    return json;
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

package io.nectar.companies;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;
import io.nectar.sites.SiteView;

/** The Company object of every API version (nectar-api.md §3.1). */
final class CompanyView {
  private CompanyView() {}

  static ObjectNode render(CompanyDetails details) {
    Company c = details.company();
    ObjectNode json = Json.object();
    json.put("id", c.id().toString());
    json.put("name", c.name());
    json.put("isDemandEnabled", c.isDemandEnabled());
    ArrayNode sites = json.putArray("sites");
    details.sites().forEach(s -> sites.add(SiteView.render(s)));
    json.set("users", Json.strings(c.users()));
    json.put("externalId", c.externalId());
    json.put("dataCollectionStartDate", Json.date(c.dataCollectionStartDate()));
    json.put("isImpliedMeteringEnabled", c.isImpliedMeteringEnabled());
    json.put("impliedMeteringFraction", Json.decimal(c.impliedMeteringFraction()));
    json.put("isBasicIdentifierMappingEnabled", c.isBasicIdentifierMappingEnabled());
    json.put("isLowAccuracyModeEnabled", c.isLowAccuracyModeEnabled());
    return json;
  }
}

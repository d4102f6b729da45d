package io.nectar.sites;

import io.nectar.http.Fields;
import java.math.BigDecimal;
import java.util.List;

/** The writable fields of a site as a request gave them (nectar-api.md §4.2). */
record SiteInput(Fields fields, String name, String externalId, String address, List<String> path,
    BigDecimal occupancyPercent) {

  static SiteInput read(Fields fields, Fields.Purpose purpose) {
    if (purpose == Fields.Purpose.CREATE) {
      fields.require("name");
    }
    SiteInput input = new SiteInput(fields,
        fields.text("name", 255, Fields.Empty.REFUSED),
        fields.text("externalId", 255, Fields.Empty.ALLOWED),
        fields.text("address", 255, Fields.Empty.ALLOWED),
        fields.textList("path", 10, 100),
        fields.decimal("occupancyPercent", 3, 4, BigDecimal.ZERO, new BigDecimal(100), Fields.Empty.ALLOWED));
    fields.finish();
    return input;
  }

  boolean given(String field) {
    return fields.has(field);
  }
}

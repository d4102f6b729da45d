package io.nectar.accounts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;
import io.nectar.meters.Meter;
import java.util.List;

/** The Account object (nectar-api.md §6.1), as in responses and connection payloads. */
public final class AccountView {
  private AccountView() {}

  public static ObjectNode render(Account a, List<Meter> meters) {
    ObjectNode json = Json.object();
    json.put("id", a.id().toString());
    ArrayNode meterIds = json.putArray("meters");
    meters.forEach(m -> meterIds.add(m.id().toString()));
    json.put("isTracked", a.isTracked());
    json.put("isDuplicated", a.isDuplicated());
    json.put("accountNumber", a.accountNumber());
    json.put("trackingStatus", a.trackingStatus().name());
    json.put("dataCollectionStartDate", Json.date(a.dataCollectionStartDate()));
    json.put("isCollectingInvoiceData", a.isCollectingInvoiceData());
    json.put("isCollectingSmartMeterData", a.isCollectingSmartMeterData());
    json.set("datasourceTypes", Json.strings(meters.stream().map(m -> m.datasourceType().name()).distinct().toList()));
    json.put("lastServiceDate", Json.date(a.lastServiceDate()));
    return json;
  }
}

package io.nectar.collection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import io.nectar.http.Api;
import io.nectar.http.Json;
import io.nectar.providers.ProviderBill;
import java.util.List;
import java.util.UUID;

/** {@code POST /sandbox/connection/{id}/bill}: the bills the sandbox issues now (CONTRACT §11). */
public final class SandboxBillRoutes {
  private final SandboxBills bills;

  public SandboxBillRoutes(SandboxBills bills) {
    this.bills = bills;
  }

  public void register(Api api) {
    api.post("/sandbox/connection/{connectionId}/bill", this::issue);
  }

  private void issue(Context ctx) {
    UUID id = Api.id(ctx, "connectionId", "Connection");
    List<ProviderBill> issued = bills.issueNext(Api.caller(ctx), id, () -> Api.fields(ctx).finish());
    ArrayNode items = Json.array();
    for (ProviderBill bill : issued) {
      items.addObject()
          .put("accountNumber", bill.accountNumber())
          .put("startDate", Json.date(bill.startDate()))
          .put("endDate", Json.date(bill.endDate()))
          .put("billDate", Json.date(bill.billDate()))
          .put("totalCharges", Json.decimal(bill.totalCharges()))
          .put("chargesUnits", bill.chargesUnits());
    }
    Json.respond(ctx, 201, Json.object().put("connection", id.toString()).set("bills", items));
  }
}

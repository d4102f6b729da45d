package io.nectar.meters;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import io.nectar.http.Api;
import io.nectar.http.Json;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;

/**
 * Meters: {@code GET /meter/{id}}, and pages of {@code /meter/company/{id}} (alias
 * {@code /company/{id}/meter}), {@code /meter/site/{id}} and {@code /meter/connection/{id}}, in
 * creation order.
 */
public final class MeterRoutes {
  private final MeterService service;

  public MeterRoutes(MeterService service) {
    this.service = service;
  }

  public void register(Api api) {
    api.get("/meter/{meterId}", ctx ->
        Json.respond(ctx, 200, MeterView.render(service.get(Api.caller(ctx), Api.id(ctx, "meterId", "Meter")))));
    api.get("/meter/company/{companyId}", ctx -> list(ctx, MeterStore.Scope.COMPANY, "companyId", "Company"));
    api.get("/company/{companyId}/meter", ctx -> list(ctx, MeterStore.Scope.COMPANY, "companyId", "Company"));
    api.get("/meter/site/{siteId}", ctx -> list(ctx, MeterStore.Scope.SITE, "siteId", "Site"));
    api.get("/meter/connection/{connectionId}", ctx -> list(ctx, MeterStore.Scope.CONNECTION, "connectionId", "Connection"));
  }

  private void list(Context ctx, MeterStore.Scope scope, String param, String what) {
    var id = Api.id(ctx, param, what);
    var page = service.list(Api.caller(ctx), scope, id, PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE));
    ArrayNode items = Json.array();
    page.meters().forEach(m -> items.add(MeterView.render(m)));
    Json.respond(ctx, 200, page.window().envelope("totalMeters", "meters", items));
  }
}

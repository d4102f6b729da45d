package io.nectar.companies;

import io.javalin.http.Context;
import io.nectar.http.Api;
import io.nectar.http.Fields;
import io.nectar.http.Json;

/**
 * Companies: {@code GET /company} (a bare array), {@code POST /company}, {@code GET|PATCH|DELETE
 * /company/{id}}.
 *
 * <pre>curl -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
 *      -d '{"name": "Demo Company"}' http://localhost:8080/v2.2/company</pre>
 */
public final class CompanyRoutes {
  private final CompanyService service;

  public CompanyRoutes(CompanyService service) {
    this.service = service;
  }

  public void register(Api api) {
    api.get("/company", this::list);
    api.post("/company", this::create);
    api.get("/company/{companyId}", this::get);
    api.patch("/company/{companyId}", this::update);
    api.delete("/company/{companyId}", this::delete);
  }

  private void list(Context ctx) {
    var array = Json.array();
    service.list(Api.caller(ctx)).forEach(c -> array.add(CompanyView.render(c)));
    Json.respond(ctx, 200, array);
  }

  private void create(Context ctx) {
    CompanyInput input = CompanyInput.read(Api.fields(ctx), Fields.Purpose.CREATE, service.collectionStartDates());
    Json.respond(ctx, 201, CompanyView.render(service.create(Api.caller(ctx), input)));
  }

  private void get(Context ctx) {
    Json.respond(ctx, 200, CompanyView.render(service.get(Api.caller(ctx), Api.id(ctx, "companyId", "Company"))));
  }

  private void update(Context ctx) {
    var id = Api.id(ctx, "companyId", "Company");
    var updated = service.update(Api.caller(ctx), id,
        () -> CompanyInput.read(Api.fields(ctx), Fields.Purpose.CHANGE, service.collectionStartDates()));
    Json.respond(ctx, 200, CompanyView.render(updated));
  }

  private void delete(Context ctx) {
    service.delete(Api.caller(ctx), Api.id(ctx, "companyId", "Company"));
    Json.noContent(ctx);
  }
}

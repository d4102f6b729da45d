package io.nectar.sites;

import io.javalin.http.Context;
import io.nectar.http.Api;
import io.nectar.http.Fields;
import io.nectar.http.Json;

/**
 * Sites: {@code POST /site/company/{id}} (and the guide alias {@code POST /company/{id}/site}),
 * {@code GET|PATCH /site/{id}}, and {@code DELETE /site/{id}}, which archives.
 */
public final class SiteRoutes {
  private final SiteService service;

  public SiteRoutes(SiteService service) {
    this.service = service;
  }

  public void register(Api api) {
    api.post("/site/company/{companyId}", this::create);
    api.post("/company/{companyId}/site", this::create);
    api.get("/site/{siteId}", this::get);
    api.patch("/site/{siteId}", this::update);
    api.delete("/site/{siteId}", this::archive);
  }

  private void create(Context ctx) {
    var companyId = Api.id(ctx, "companyId", "Company");
    var site = service.create(Api.caller(ctx), companyId, () -> SiteInput.read(Api.fields(ctx), Fields.Purpose.CREATE));
    Json.respond(ctx, 201, SiteView.render(site));
  }

  private void get(Context ctx) {
    Json.respond(ctx, 200, SiteView.render(service.get(Api.caller(ctx), Api.id(ctx, "siteId", "Site"))));
  }

  private void update(Context ctx) {
    var id = Api.id(ctx, "siteId", "Site");
    var site = service.update(Api.caller(ctx), id, () -> SiteInput.read(Api.fields(ctx), Fields.Purpose.CHANGE));
    Json.respond(ctx, 200, SiteView.render(site));
  }

  private void archive(Context ctx) {
    service.archive(Api.caller(ctx), Api.id(ctx, "siteId", "Site"));
    Json.noContent(ctx);
  }
}

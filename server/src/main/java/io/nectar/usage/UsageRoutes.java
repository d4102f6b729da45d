package io.nectar.usage;

import io.javalin.http.Context;
import io.nectar.documents.DocumentLinks;
import io.nectar.http.Api;
import io.nectar.http.Json;
import io.nectar.http.JsonFragments;
import io.nectar.http.PageGate;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination;
import io.nectar.lists.ListFilter;
import io.nectar.lists.ListKind;

/**
 * Usage data: pages of {@code /usage/company/{id}} (alias {@code /company/{id}/usage}),
 * {@code /usage/site/{id}}, {@code /usage/connection/{id}} and {@code /usage/document/{id}};
 * {@code GET /usage/{id}} and {@code PATCH /usage/{id}}.
 */
public final class UsageRoutes {
  private final UsageService service;
  private final DocumentLinks links;
  private final PageGate pages;

  public UsageRoutes(UsageService service, DocumentLinks links, PageGate pages) {
    this.service = service;
    this.links = links;
    this.pages = pages;
  }

  public void register(Api api) {
    api.get("/usage/company/{companyId}", ctx -> list(ctx, UsageStore.Scope.COMPANY, "companyId", "Company"));
    api.get("/company/{companyId}/usage", ctx -> list(ctx, UsageStore.Scope.COMPANY, "companyId", "Company"));
    api.get("/usage/site/{siteId}", ctx -> list(ctx, UsageStore.Scope.SITE, "siteId", "Site"));
    api.get("/usage/connection/{connectionId}",
        ctx -> list(ctx, UsageStore.Scope.CONNECTION, "connectionId", "Connection"));
    api.get("/usage/document/{documentId}", ctx -> list(ctx, UsageStore.Scope.DOCUMENT, "documentId", "Document"));
    api.get("/usage/{usageId}", ctx -> Json.respond(ctx, 200, UsageView.render(
        service.get(Api.caller(ctx), Api.id(ctx, "usageId", "Usage data")), Api.version(ctx), links)));
    api.patch("/usage/{usageId}", ctx -> {
      var id = Api.id(ctx, "usageId", "Usage data");
      var updated = service.update(Api.caller(ctx), id, () -> UsagePatch.read(Api.fields(ctx)));
      Json.respond(ctx, 200, UsageView.render(updated, Api.version(ctx), links));
    });
  }

  private void list(Context ctx, UsageStore.Scope scope, String param, String what) {
    var id = Api.id(ctx, param, what);
    ListFilter filter = ListFilter.parse(ctx.queryParamMap(), ListKind.USAGE);
    PageRequest page = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
    pages.run(() -> {
      var result = service.list(Api.caller(ctx), scope, id, filter, page);
      var version = Api.version(ctx);
      JsonFragments shared = JsonFragments.perResponse();
      result.window().stream(ctx, "totalUsageData", "usageData", result.usage(),
          (g, u) -> UsageView.write(g, u, version, links, shared));
    });
  }
}

package io.nectar.documents;

import io.javalin.http.Context;
import io.nectar.http.Api;
import io.nectar.http.Json;
import io.nectar.http.JsonFragments;
import io.nectar.http.PageGate;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination;
import io.nectar.lists.ListFilter;
import io.nectar.lists.ListKind;

/**
 * Documents: pages of {@code /document/company/{id}} (alias {@code /company/{id}/document}),
 * {@code /document/site/{id}} and {@code /document/connection/{id}} with the filters of
 * {@link ListFilter}; {@code GET /document/{id}}; {@code DELETE /document/{id}} (soft delete).
 */
public final class DocumentRoutes {
  private final DocumentService service;
  private final DocumentLinks links;
  private final PageGate pages;

  public DocumentRoutes(DocumentService service, DocumentLinks links, PageGate pages) {
    this.service = service;
    this.links = links;
    this.pages = pages;
  }

  public void register(Api api) {
    api.get("/document/company/{companyId}", ctx -> list(ctx, DocumentStore.Scope.COMPANY, "companyId", "Company"));
    api.get("/company/{companyId}/document", ctx -> list(ctx, DocumentStore.Scope.COMPANY, "companyId", "Company"));
    api.get("/document/site/{siteId}", ctx -> list(ctx, DocumentStore.Scope.SITE, "siteId", "Site"));
    api.get("/document/connection/{connectionId}",
        ctx -> list(ctx, DocumentStore.Scope.CONNECTION, "connectionId", "Connection"));
    api.get("/document/{documentId}", ctx -> Json.respond(ctx, 200, DocumentView.render(
        service.get(Api.caller(ctx), Api.id(ctx, "documentId", "Document")), Api.version(ctx), links)));
    api.delete("/document/{documentId}", ctx -> {
      service.delete(Api.caller(ctx), Api.id(ctx, "documentId", "Document"));
      Json.noContent(ctx);
    });
  }

  private void list(Context ctx, DocumentStore.Scope scope, String param, String what) {
    var id = Api.id(ctx, param, what);
    ListFilter filter = ListFilter.parse(ctx.queryParamMap(), ListKind.DOCUMENTS);
    PageRequest page = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
    pages.run(() -> {
      var result = service.list(Api.caller(ctx), scope, id, filter, page);
      var version = Api.version(ctx);
      JsonFragments shared = JsonFragments.perResponse();
      result.window().stream(ctx, "totalDocuments", "documents", result.documents(),
          (g, d) -> DocumentView.write(g, d, version, links, shared));
    });
  }
}

package io.nectar.web.dashboard.data;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nectar.companies.CompanyDetails;
import io.nectar.documents.Document;
import io.nectar.documents.DocumentDetails;
import io.nectar.documents.DocumentEvent;
import io.nectar.documents.DocumentService.DocumentRows;
import io.nectar.errors.NotFound;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.insights.FlaggedBills;
import io.nectar.lists.ListFilter;
import io.nectar.lists.ListKind;
import io.nectar.meters.DatasourceType;
import io.nectar.sites.Site;
import io.nectar.usage.UsageDetails;
import io.nectar.web.dashboard.DashboardGate;
import io.nectar.web.dashboard.DashboardPage;
import io.nectar.web.dashboard.SignedIn;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Documents: a company's or site's bills, the flagged ones first, then the list filtered and paged as
 * the API's; and one bill, its original file beside the values read from it, and its audit trail.
 */
final class DocumentPagesRoutes {
  /** How many flagged bills the list shows above the others. */
  static final int FLAGGED_SHOWN = 25;

  private final DataServices services;
  private final DashboardGate gate;
  private final DashboardPage page;

  DocumentPagesRoutes(DataServices services, DashboardGate gate, DashboardPage page) {
    this.services = services;
    this.gate = gate;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/companies/{companyId}/documents", ctx -> {
      SignedIn who = gate.require(ctx);
      UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
      CompanyDetails company = Owned.get("Company", () -> services.companies().get(who.caller(), id));
      render(ctx, who, company, null, "/dashboard/companies/" + id + "/documents", new Lister() {
        public DocumentRows list(ListFilter filter, PageRequest request) {
          return services.documents().rowsOfCompany(who.caller(), id, filter, request);
        }

        public FlaggedBills flagged(ListFilter filter) {
          return services.insights().flaggedOfCompany(who.caller(), id, filter, FLAGGED_SHOWN);
        }
      });
    });
    routes.get("/dashboard/sites/{siteId}/documents", ctx -> {
      SignedIn who = gate.require(ctx);
      UUID id = Ids.of(ctx.pathParam("siteId"), "Site");
      Site site = Owned.get("Site", () -> services.sites().get(who.caller(), id));
      CompanyDetails company = Owned.get("Site", () -> services.companies().get(who.caller(), site.companyId()));
      render(ctx, who, company, site, "/dashboard/sites/" + id + "/documents", new Lister() {
        public DocumentRows list(ListFilter filter, PageRequest request) {
          return services.documents().rowsOfSite(who.caller(), id, filter, request);
        }

        public FlaggedBills flagged(ListFilter filter) {
          return services.insights().flaggedOfSite(who.caller(), id, filter, FLAGGED_SHOWN);
        }
      });
    });
    routes.get("/dashboard/documents/{documentId}", this::document);
  }

  private interface Lister {
    DocumentRows list(ListFilter filter, PageRequest request);

    FlaggedBills flagged(ListFilter filter);
  }

  private void render(Context ctx, SignedIn who, CompanyDetails company, Site site, String path, Lister lister) {
    ListFilters filters = ListFilters.parse(ctx.queryParamMap(), ListKind.DOCUMENTS);
    PageRequest request = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
    String what = site == null ? "Company" : "Site";
    Map<String, Object> model = new HashMap<>();
    model.put("who", who);
    model.put("company", company);
    model.put("site", site);
    model.put("documents", filters.valid() ? Owned.get(what, () -> lister.list(filters.filter(), request)) : null);
    // The flagged bills lead the first page only: later pages continue the list.
    model.put("flagged", filters.valid() && request.page() == 1
        ? Owned.get(what, () -> lister.flagged(filters.filter())) : null);
    model.put("problems", filters.problems());
    model.put("types", List.of(DatasourceType.values()));
    model.put("query", new ListQuery(path, ctx.queryParamMap(), ListFilters.DOCUMENT_PARAMETERS));
    page.render(ctx, filters.valid() ? 200 : 400, "dashboard/data/documents.jte", model);
  }

  /**
   * One bill: the original (a PDF in a frame, a picture as an image) beside what was read from it, and
   * its audit trail (the history {@code /audit/documents/{id}} shows, read the same way).
   */
  private void document(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("documentId"), "Document");
    DocumentDetails details = Owned.get("Document", () -> services.documents().get(who.caller(), id));
    Document d = details.document();
    CompanyDetails company = Owned.get("Document", () -> services.companies().get(who.caller(), d.companyId()));
    List<DocumentEvent> events = services.documents().history(id).map(Map.Entry::getValue)
        .orElseThrow(() -> new NotFound("Document"));
    String fileUrl = services.documentLinks().fileUrl(d);
    Map<String, Object> model = new HashMap<>();
    model.put("who", who);
    model.put("company", company);
    model.put("details", details);
    model.put("usage", details.usage().stream().filter(UsageDetails.class::isInstance).map(UsageDetails.class::cast)
        .toList());
    model.put("events", events);
    model.put("fileUrl", fileUrl);
    model.put("fileKind", kind(d));
    model.put("auditUrl", services.documentLinks().auditTrailUrl(d));
    page.render(ctx, "dashboard/data/document.jte", model);
    if (fileUrl != null) {
      // The page frames the bill's file: from this server (a signed /files/ link) or the object store's
      // presigned address. Only that one origin may be framed; everything else stays as the gate set it.
      String policy = ctx.res().getHeader("Content-Security-Policy");
      String origin = origin(fileUrl);
      ctx.header("Content-Security-Policy", policy + "; frame-src 'self' " + origin + "; object-src 'self' " + origin);
    }
  }

  /** How the page shows the original: PDF, IMAGE, or NONE when there is no file. */
  private static String kind(Document d) {
    String name = (d.blobKey() == null ? "" : d.blobKey()).toLowerCase(Locale.ROOT);
    if (d.blobKey() == null) {
      return "NONE";
    }
    if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "IMAGE";
    }
    return "PDF";
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}

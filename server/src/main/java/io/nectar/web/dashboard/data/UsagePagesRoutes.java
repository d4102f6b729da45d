package io.nectar.web.dashboard.data;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nectar.companies.CompanyDetails;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.lists.ListKind;
import io.nectar.meters.DatasourceType;
import io.nectar.sites.Site;
import io.nectar.usage.UsageService.UsagePage;
import io.nectar.web.dashboard.DashboardGate;
import io.nectar.web.dashboard.DashboardPage;
import io.nectar.web.dashboard.SignedIn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Usage rows of a company or a site, filtered and paged as the API's usage lists are. */
final class UsagePagesRoutes {
  private final DataServices services;
  private final DashboardGate gate;
  private final DashboardPage page;

  UsagePagesRoutes(DataServices services, DashboardGate gate, DashboardPage page) {
    this.services = services;
    this.gate = gate;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/companies/{companyId}/usage", ctx -> {
      SignedIn who = gate.require(ctx);
      UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
      CompanyDetails company = Owned.get("Company", () -> services.companies().get(who.caller(), id));
      render(ctx, who, company, null, "/dashboard/companies/" + id + "/usage",
          (filter, request) -> services.usage().listOfCompany(who.caller(), id, filter, request));
    });
    routes.get("/dashboard/sites/{siteId}/usage", ctx -> {
      SignedIn who = gate.require(ctx);
      UUID id = Ids.of(ctx.pathParam("siteId"), "Site");
      Site site = Owned.get("Site", () -> services.sites().get(who.caller(), id));
      CompanyDetails company = Owned.get("Site", () -> services.companies().get(who.caller(), site.companyId()));
      render(ctx, who, company, site, "/dashboard/sites/" + id + "/usage",
          (filter, request) -> services.usage().listOfSite(who.caller(), id, filter, request));
    });
  }

  @FunctionalInterface
  private interface Lister {
    UsagePage list(io.nectar.lists.ListFilter filter, PageRequest request);
  }

  private void render(Context ctx, SignedIn who, CompanyDetails company, Site site, String path, Lister lister) {
    ListFilters filters = ListFilters.parse(ctx.queryParamMap(), ListKind.USAGE);
    PageRequest request = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
    UsagePage usage = filters.valid() ? Owned.get(site == null ? "Company" : "Site",
        () -> lister.list(filters.filter(), request)) : null;
    Map<String, Object> model = new HashMap<>();
    model.put("who", who);
    model.put("company", company);
    model.put("site", site);
    model.put("usage", usage);
    model.put("problems", filters.problems());
    model.put("types", List.of(DatasourceType.values()));
    model.put("query", new ListQuery(path, ctx.queryParamMap(), ListFilters.USAGE_PARAMETERS));
    page.render(ctx, filters.valid() ? 200 : 400, "dashboard/data/usage.jte", model);
  }
}

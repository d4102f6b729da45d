package io.nectar.web.dashboard.data;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nectar.companies.CompanyDetails;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.insights.Figures;
import io.nectar.insights.MissingBills;
import io.nectar.insights.Period;
import io.nectar.sites.Site;
import io.nectar.web.dashboard.DashboardGate;
import io.nectar.web.dashboard.DashboardPage;
import io.nectar.web.dashboard.SignedIn;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Companies and sites: the list of companies, a company's overview (totals by utility and site, a
 * chart per utility, the bills still missing), its sites, and a site's page (its charts and meters).
 */
final class CompanyPagesRoutes {
  private final DataServices services;
  private final DashboardGate gate;
  private final DashboardPage page;

  CompanyPagesRoutes(DataServices services, DashboardGate gate, DashboardPage page) {
    this.services = services;
    this.gate = gate;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/companies", this::companies);
    routes.get("/dashboard/companies/{companyId}", this::overview);
    routes.get("/dashboard/companies/{companyId}/sites", this::sites);
    routes.get("/dashboard/sites/{siteId}", this::site);
  }

  private void companies(Context ctx) {
    SignedIn who = gate.require(ctx);
    page.render(ctx, "dashboard/data/companies.jte", Map.of("who", who,
        "companies", services.companies().list(who.caller())));
  }

  private void overview(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
    CompanyDetails company = company(who, id);
    Optional<Period> asked = Period.parse(ctx.queryParam("from"), ctx.queryParam("to"));
    Figures figures = Owned.get("Company", () -> services.insights().company(who.caller(), id, asked));
    MissingBills missing = Owned.get("Company", () -> services.insights().missing(who.caller(), id,
        Optional.empty(), figures.period()));
    Map<UUID, String> siteNames = company.sites().stream().collect(Collectors.toMap(Site::id, Site::name));
    page.render(ctx, "dashboard/data/company.jte", Map.of("who", who, "company", company, "figures", figures,
        "missing", missing, "siteNames", siteNames, "chartUrl", "/dashboard/companies/" + id
            + "/charts/monthly?" + periodQuery(figures.period())));
  }

  private void sites(Context ctx) {
    SignedIn who = gate.require(ctx);
    CompanyDetails company = company(who, Ids.of(ctx.pathParam("companyId"), "Company"));
    page.render(ctx, "dashboard/data/sites.jte", Map.of("who", who, "company", company));
  }

  private void site(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("siteId"), "Site");
    Site site = Owned.get("Site", () -> services.sites().get(who.caller(), id));
    CompanyDetails company = company(who, site.companyId());
    Optional<Period> asked = Period.parse(ctx.queryParam("from"), ctx.queryParam("to"));
    Figures figures = Owned.get("Site", () -> services.insights().site(who.caller(), id, asked));
    MissingBills missing = Owned.get("Site", () -> services.insights().missing(who.caller(), site.companyId(),
        Optional.of(id), figures.period()));
    PageRequest request = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
    var meters = Owned.get("Site", () -> services.meters().listOfSite(who.caller(), id, request));
    page.render(ctx, "dashboard/data/site.jte", Map.of("who", who, "company", company, "site", site,
        "figures", figures, "missing", missing, "meters", meters,
        "pages", new ListQuery("/dashboard/sites/" + id, ctx.queryParamMap(), java.util.Set.of("from", "to")),
        "chartUrl", "/dashboard/sites/" + id + "/charts/monthly?" + periodQuery(figures.period())));
  }

  private CompanyDetails company(SignedIn who, UUID id) {
    return Owned.get("Company", () -> services.companies().get(who.caller(), id));
  }

  static String periodQuery(Period period) {
    return "from=" + period.first() + "&to=" + period.last();
  }

  static Function<Period, String> periodLink(String path) {
    return p -> path + "?" + periodQuery(p);
  }
}

package io.nectar.web.dashboard.data;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.nectar.companies.CompanyDetails;
import io.nectar.web.dashboard.DashboardGate;
import io.nectar.web.dashboard.DashboardPage;
import io.nectar.web.dashboard.SignedIn;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's data browser: companies, sites, connections, accounts and meters, documents, usage,
 * charts, uploads, invitations and webhooks. Every route starts at the gate and calls the API's own
 * services with the signed-in person's caller; another tenant's id answers 404 ({@link Owned}).
 *
 * <p>The sections that belong to one company (documents, usage, uploads, invitations) open on the
 * company's page; with several companies the section first asks which one.
 */
public final class DataDashboardRoutes {
  /** Sections of the navigation that live under a company, and the company page each opens. */
  private static final Map<String, String> COMPANY_SECTIONS = Map.of(
      "documents", "Documents", "usage", "Usage", "uploads", "Uploads", "invitations", "Invitations");

  private final DataServices services;
  private final DashboardGate gate;
  private final DashboardPage page;

  public DataDashboardRoutes(DataServices services, DashboardGate gate, DashboardPage page) {
    this.services = services;
    this.gate = gate;
    this.page = page;
  }

  public void register(RoutesConfig routes) {
    COMPANY_SECTIONS.keySet().forEach(section -> routes.get("/dashboard/" + section, ctx -> choose(ctx, section)));
    new CompanyPagesRoutes(services, gate, page).register(routes);
    new ConnectionPagesRoutes(services, gate, page).register(routes);
    new DocumentPagesRoutes(services, gate, page).register(routes);
    new UsagePagesRoutes(services, gate, page).register(routes);
    new ChartDataRoutes(services, gate).register(routes);
    new UploadPagesRoutes(services, gate, page).register(routes);
    new InvitationPagesRoutes(services, gate, page).register(routes);
    new WebhookPagesRoutes(services, gate, page).register(routes);
  }

  private void choose(Context ctx, String section) {
    SignedIn who = gate.require(ctx);
    List<CompanyDetails> companies = services.companies().list(who.caller());
    if (companies.size() == 1) {
      DashboardPage.secure(ctx, null);
      ctx.redirect("/dashboard/companies/" + companies.get(0).company().id() + "/" + section, HttpStatus.SEE_OTHER);
      return;
    }
    page.render(ctx, "dashboard/data/choose.jte", Map.of("who", who, "companies", companies, "section", section,
        "label", COMPANY_SECTIONS.get(section)));
  }
}

package io.nectar.web.dashboard.data;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.nectar.accounts.TrackingChange;
import io.nectar.companies.CompanyDetails;
import io.nectar.errors.InvalidInput;
import io.nectar.http.ApiError;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.RequestBody;
import io.nectar.insights.Period;
import io.nectar.invitations.InvitationService;
import io.nectar.lists.ListFilter;
import io.nectar.meters.Meter;
import io.nectar.providers.ConnectionStatus;
import io.nectar.web.dashboard.DashboardGate;
import io.nectar.web.dashboard.DashboardPage;
import io.nectar.web.dashboard.SignedIn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Connections (their status and, in plain words, what the customer must do), accounts with their
 * tracking switches, and meters with their charts and usage.
 */
final class ConnectionPagesRoutes {
  private static final long MAX_FORM_BYTES = 16 * 1024;
  /** Accounts per page: each shows its meters, and an account may have dozens. */
  static final int ACCOUNTS_PER_PAGE = 25;

  private final DataServices services;
  private final DashboardGate gate;
  private final DashboardPage page;

  ConnectionPagesRoutes(DataServices services, DashboardGate gate, DashboardPage page) {
    this.services = services;
    this.gate = gate;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/companies/{companyId}/connections", this::connections);
    routes.get("/dashboard/connections/{connectionId}", ctx -> connection(ctx, null, List.of()));
    routes.post("/dashboard/connections/{connectionId}/reconnect-invitation", this::reconnect);
    routes.get("/dashboard/companies/{companyId}/accounts", this::accounts);
    routes.post("/dashboard/accounts/{accountId}/tracking", this::track);
    routes.get("/dashboard/companies/{companyId}/meters", this::meters);
    routes.get("/dashboard/meters/{meterId}", this::meter);
  }

  private void connections(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
    CompanyDetails company = company(who, id);
    String rawStatus = ctx.queryParam("status");
    Optional<ConnectionStatus> status = rawStatus == null || rawStatus.isBlank() ? Optional.empty()
        : Optional.of(ConnectionStatus.parse(rawStatus).orElseThrow(() -> InvalidInput.field("status",
            "Choose one of the statuses listed.")));
    PageRequest request = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
    var connections = Owned.get("Company", () -> services.connections().rowsOfCompany(who.caller(), id, status,
        request));
    page.render(ctx, "dashboard/data/connections.jte", Map.of("who", who, "company", company,
        "connections", connections, "statuses", List.of(ConnectionStatus.values()),
        "query", new ListQuery("/dashboard/companies/" + id + "/connections", ctx.queryParamMap(), Set.of("status"))));
  }

  /** The connection's page; after a reconnect invitation is made, with its link (shown this once) or the problems. */
  private void connection(Context ctx, InvitationService.Issued issued, List<String> problems) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("connectionId"), "Connection");
    var connection = Owned.get("Connection", () -> services.connections().connection(who.caller(), id));
    CompanyDetails company = company(who, connection.companyId());
    PageRequest request = PageRequest.parse(ctx.queryParam("page"), ACCOUNTS_PER_PAGE);
    var accounts = Owned.get("Connection", () -> services.accounts().listOfConnection(who.caller(), id, request));
    Map<String, Object> model = new HashMap<>();
    model.put("who", who);
    model.put("connection", connection);
    model.put("company", company);
    model.put("accounts", accounts);
    model.put("advice", ConnectionAdvice.of(connection.status()));
    model.put("query", new ListQuery("/dashboard/connections/" + id, ctx.queryParamMap(), Set.of()));
    model.put("back", "/dashboard/connections/" + id + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
    model.put("issued", issued);
    model.put("problems", problems);
    page.render(ctx, problems.isEmpty() ? 200 : 400, "dashboard/data/connection.jte", model);
  }

  /**
   * A reconnect (EDIT_CONNECTION) invitation for the connection, as {@code POST /invitation/connection/{id}}
   * makes one: {@code emails} (optional; empty: anyone with the link) and {@code send} (e-mail them).
   */
  private void reconnect(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("connectionId"), "Connection");
    var form = RequestBody.of(ctx, MAX_FORM_BYTES).fields();
    List<String> emails = InvitationPagesRoutes.emails(text(form, "emails"));
    InvitationService.Mailing mailing = "on".equals(text(form, "send"))
        ? InvitationService.Mailing.SEND_EMAIL : InvitationService.Mailing.NONE;
    InvitationService.Issued issued;
    try {
      issued = Owned.get("Connection", () -> services.invitations().issueReconnect(
          InvitationPagesRoutes.namedCaller(who), id, emails, null, null, mailing, InvitationPagesRoutes.actor(who)));
    } catch (ApiError e) {
      connection(ctx, null, InvitationPagesRoutes.messages(e.errors(), e.detail()));
      return;
    } catch (InvalidInput e) {
      connection(ctx, null, InvitationPagesRoutes.messages(e.errors(), e.getMessage()));
      return;
    }
    connection(ctx, issued, List.of());
  }

  private void accounts(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
    CompanyDetails company = company(who, id);
    PageRequest request = PageRequest.parse(ctx.queryParam("page"), ACCOUNTS_PER_PAGE);
    var accounts = Owned.get("Company", () -> services.accounts().listOfCompany(who.caller(), id, request));
    page.render(ctx, "dashboard/data/accounts.jte", Map.of("who", who, "company", company, "accounts", accounts,
        "query", new ListQuery("/dashboard/companies/" + id + "/accounts", ctx.queryParamMap(), Set.of()),
        "back", ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())));
  }

  /** A tracking switch: {@code tracked} true or false, {@code meters} when the account's meters follow. */
  private void track(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("accountId"), "Account");
    var form = RequestBody.of(ctx, MAX_FORM_BYTES).fields();
    String tracked = text(form, "tracked");
    if (!"true".equals(tracked) && !"false".equals(tracked)) {
      throw InvalidInput.field("tracked", "Choose to track the account or not.");
    }
    boolean meters = "on".equals(text(form, "meters")) || "true".equals(text(form, "meters"));
    Owned.get("Account", () -> services.accounts().setTracked(who.caller(), id,
        () -> new TrackingChange(List.of(id), Boolean.parseBoolean(tracked), meters)));
    DashboardPage.secure(ctx, null);
    ctx.redirect(localPage(text(form, "back")), HttpStatus.SEE_OTHER);
  }

  private void meters(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
    CompanyDetails company = company(who, id);
    PageRequest request = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
    var meters = Owned.get("Company", () -> services.meters().listOfCompany(who.caller(), id, request));
    page.render(ctx, "dashboard/data/meters.jte", Map.of("who", who, "company", company, "meters", meters,
        "query", new ListQuery("/dashboard/companies/" + id + "/meters", ctx.queryParamMap(), Set.of())));
  }

  /** A meter: its monthly chart, its hourly readings where there are any, and its usage rows. */
  private void meter(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("meterId"), "Meter");
    Meter meter = Owned.get("Meter", () -> services.meters().get(who.caller(), id));
    CompanyDetails company = company(who, meter.companyId());
    Optional<Period> asked = Period.parse(ctx.queryParam("from"), ctx.queryParam("to"));
    var figures = Owned.get("Meter", () -> services.insights().meter(who.caller(), id, asked));
    Map<String, Object> model = new HashMap<>();
    model.put("who", who);
    model.put("company", company);
    model.put("meter", meter);
    model.put("site", company.sites().stream().filter(s -> s.id().equals(meter.siteId())).findFirst().orElse(null));
    model.put("figures", figures);
    model.put("chartUrl", "/dashboard/meters/" + id + "/charts/monthly?" + CompanyPagesRoutes.periodQuery(
        figures.period()));
    model.put("hourlyUrl", "/dashboard/meters/" + id + "/charts/hourly");
    // The meter's usage rows: the company's usage list filtered by the meter's identifier, as the API filters.
    if (!meter.identifiers().isEmpty()) {
      String identifier = meter.identifiers().get(0).value();
      ListFilter filter = ListFilter.parse(Map.of("identifier", List.of(identifier)),
          io.nectar.lists.ListKind.USAGE);
      PageRequest request = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
      model.put("usage", Owned.get("Meter", () -> services.usage().listOfCompany(who.caller(), meter.companyId(),
          filter, request)));
      model.put("usageLink", "/dashboard/companies/" + meter.companyId() + "/usage?identifier="
          + java.net.URLEncoder.encode(identifier, java.nio.charset.StandardCharsets.UTF_8));
    } else {
      model.put("usage", null);
      model.put("usageLink", null);
    }
    model.put("query", new ListQuery("/dashboard/meters/" + id, ctx.queryParamMap(), Set.of("from", "to")));
    page.render(ctx, "dashboard/data/meter.jte", model);
  }

  private CompanyDetails company(SignedIn who, UUID id) {
    return Owned.get("Company", () -> services.companies().get(who.caller(), id));
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode form, String name) {
    var value = form.get(name);
    return value != null && value.isTextual() ? value.asText().trim() : null;
  }

  /** Where a form returns: a dashboard page of this server, never another site. */
  static String localPage(String path) {
    return path != null && path.matches("/dashboard(/[A-Za-z0-9._~%/-]*)?(\\?[A-Za-z0-9._~%&=+-]*)?")
        && !path.contains("//") && !path.contains("..") ? path : "/dashboard";
  }
}

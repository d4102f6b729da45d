package io.nectar.web.dashboard.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.nectar.companies.CompanyDetails;
import io.nectar.errors.InvalidInput;
import io.nectar.http.ApiError;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.RequestBody;
import io.nectar.invitations.InvitationService;
import io.nectar.keys.Caller;
import io.nectar.web.dashboard.DashboardGate;
import io.nectar.web.dashboard.DashboardPage;
import io.nectar.web.dashboard.SignedIn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A company's invitations to connect a utility: the list, a form to make one (its link is shown once,
 * as the API shows it once), and revoking one. The invitation service applies the API's checks; the
 * event log names the dashboard user instead of a key.
 */
final class InvitationPagesRoutes {
  private static final long MAX_FORM_BYTES = 16 * 1024;
  private static final long DAY_SECONDS = 24L * 60 * 60;

  private final DataServices services;
  private final DashboardGate gate;
  private final DashboardPage page;

  InvitationPagesRoutes(DataServices services, DashboardGate gate, DashboardPage page) {
    this.services = services;
    this.gate = gate;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/companies/{companyId}/invitations", ctx -> show(ctx, null, List.of()));
    routes.post("/dashboard/companies/{companyId}/invitations", this::create);
    routes.post("/dashboard/invitations/{invitationId}/revoke", this::revoke);
  }

  private void show(Context ctx, InvitationService.Issued issued, List<String> problems) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
    CompanyDetails company = Owned.get("Company", () -> services.companies().get(who.caller(), id));
    PageRequest request = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
    var invitations = Owned.get("Company", () -> services.invitations().summaries(who.caller(), id, request));
    Map<String, Object> model = new HashMap<>();
    model.put("who", who);
    model.put("company", company);
    model.put("invitations", invitations);
    model.put("issued", issued);
    model.put("problems", problems);
    model.put("query", new ListQuery("/dashboard/companies/" + id + "/invitations", ctx.queryParamMap(), Set.of()));
    page.render(ctx, problems.isEmpty() ? 200 : 400, "dashboard/data/invitations.jte", model);
  }

  /** {@code emails} (commas or lines; empty: anyone with the link), {@code days}, {@code maxUses}, {@code send}. */
  private void create(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
    JsonNode form = RequestBody.of(ctx, MAX_FORM_BYTES).fields();
    List<String> emails = emails(text(form, "emails"));
    InvitationService.Issued issued;
    try {
      Long days = number(text(form, "days"), "days");
      Long expires = days == null ? null : days * DAY_SECONDS;
      Long maxUses = number(text(form, "maxUses"), "maxUses");
      InvitationService.Mailing mailing = "on".equals(text(form, "send"))
          ? InvitationService.Mailing.SEND_EMAIL : InvitationService.Mailing.NONE;
      issued = Owned.get("Company", () -> services.invitations().issue(namedCaller(who), id, emails, expires,
          maxUses == null ? null : Math.toIntExact(Math.min(maxUses, Integer.MAX_VALUE)), mailing, actor(who)));
    } catch (ApiError e) {
      show(ctx, null, messages(e.errors(), e.detail()));
      return;
    } catch (InvalidInput e) {
      show(ctx, null, messages(e.errors(), e.getMessage()));
      return;
    }
    show(ctx, issued, List.of());
  }

  private void revoke(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("invitationId"), "Invitation");
    Owned.get("Invitation", () -> services.invitations().revoke(who.caller(), id, actor(who)));
    JsonNode form = RequestBody.of(ctx, MAX_FORM_BYTES).fields();
    DashboardPage.secure(ctx, null);
    ctx.redirect(ConnectionPagesRoutes.localPage(text(form, "back")), HttpStatus.SEE_OTHER);
  }

  /** The addresses of the form's {@code emails} field: separated by commas, semicolons or white space. */
  static List<String> emails(String field) {
    return Arrays.stream(String.valueOf(field).split("[,;\\s]+"))
        .map(String::trim).filter(e -> !e.isEmpty() && !e.equals("null")).toList();
  }

  /** The e-mail names the organization: this caller carries its name for that (same tenancy as who.caller()). */
  static Caller namedCaller(SignedIn who) {
    return new Caller(null, who.user().organizationId(), who.user().organizationName(), who.environment());
  }

  /** Who did it, for the invitation's event log: the dashboard user, by id (never a password or token). */
  static Map<String, String> actor(SignedIn who) {
    return Map.of("dashboardUserId", who.user().id().toString());
  }

  private static Long number(String raw, String field) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (!raw.matches("\\d{1,9}")) {
      throw InvalidInput.field(field, "Enter a whole number.");
    }
    return Long.parseLong(raw);
  }

  static List<String> messages(Map<String, List<String>> errors, String detail) {
    if (errors == null || errors.isEmpty()) {
      return List.of(detail);
    }
    return errors.entrySet().stream().flatMap(e -> e.getValue().stream().map(m -> label(e.getKey()) + ": " + m))
        .toList();
  }

  private static String label(String field) {
    return switch (field) {
      case "allowedEmails" -> "E-mail addresses";
      case "expiresInSeconds", "days" -> "Valid for";
      case "maxUses" -> "Uses";
      default -> field;
    };
  }

  private static String text(JsonNode form, String name) {
    JsonNode value = form.get(name);
    return value != null && value.isTextual() ? value.asText().trim() : null;
  }
}

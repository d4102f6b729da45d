package io.nectar.web.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.nectar.errors.InvalidInput;
import io.nectar.keys.Branding;
import io.nectar.keys.BrandingChange;
import io.nectar.keys.BrandingChange.Setting;
import io.nectar.keys.KeyService;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings > Organization > White label and embedding: the name, colour and logo of the hosted
 * connection pages, and which sites may frame them. The rules are the API's
 * ({@code PATCH /organization/branding}): the same {@link KeyService#changeBranding} checks both.
 */
public final class BrandingDashboardRoutes {
  static final String PATH = "/dashboard/settings/branding";

  /** Which sites may embed the hosted pages. */
  public enum Embedding { ANY, NONE, LISTED }

  /** The form's values (shown again with their errors). */
  public record Form(String name, String colour, String logoUrl, Embedding embedding, String sites) {
    static Form of(Branding branding) {
      List<String> sources = branding.frameAncestors();
      Embedding embedding = sources.equals(Branding.DEFAULT_FRAME_ANCESTORS) ? Embedding.ANY
          : sources.isEmpty() || sources.equals(List.of("'none'")) ? Embedding.NONE : Embedding.LISTED;
      return new Form(branding.name(), branding.colour(), branding.logoUrl() == null ? "" : branding.logoUrl(),
          embedding, embedding == Embedding.LISTED ? String.join("\n", sources) : "");
    }
  }

  private final KeyService keys;
  private final DashboardGate gate;
  private final DashboardPage page;

  BrandingDashboardRoutes(KeyService keys, DashboardGate gate, DashboardPage page) {
    this.keys = keys;
    this.gate = gate;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, ctx -> {
      SignedIn who = gate.requireAdmin(ctx);
      show(ctx, 200, who, Form.of(keys.branding(who.user().organizationId())), Map.of(),
          ctx.queryParam("saved") != null ? "Saved. The hosted pages show it from their next visit on." : null);
    });
    routes.post(PATH, this::save);
  }

  private void save(Context ctx) {
    SignedIn who = gate.requireAdmin(ctx);
    Forms fields = Forms.of(ctx);
    Embedding embedding;
    try {
      embedding = Embedding.valueOf(String.valueOf(fields.text("embedding")));
    } catch (IllegalArgumentException e) {
      embedding = Embedding.ANY;
    }
    Form form = new Form(orEmpty(fields.exact("name")), orEmpty(fields.text("colour")), orEmpty(fields.text("logoUrl")),
        embedding, orEmpty(fields.text("sites")));
    List<String> sources = Arrays.stream(form.sites().split("[\\r\\n]+")).map(String::trim).filter(s -> !s.isEmpty())
        .toList();
    // An empty name or logo goes back to the default (the organization's name, no logo), as null does in the API.
    BrandingChange change = new BrandingChange(
        form.name().isBlank() ? Setting.reset() : Setting.set(form.name()),
        form.colour().isEmpty() ? Setting.reset() : Setting.set(form.colour()),
        form.logoUrl().isEmpty() ? Setting.reset() : Setting.set(form.logoUrl()),
        switch (embedding) {
          case ANY -> Setting.reset();
          case NONE -> Setting.set(List.of());
          case LISTED -> Setting.set(sources);
        });
    try {
      keys.changeBranding(who.user().organizationId(), change);
    } catch (InvalidInput e) {
      show(ctx, 400, who, form, e.errors().isEmpty() ? Map.of("name", List.of(e.detail())) : e.errors(), null);
      return;
    }
    DashboardPage.secure(ctx, null);
    ctx.redirect(PATH + "?saved", HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, int status, SignedIn who, Form form, Map<String, List<String>> errors, String done) {
    Map<String, Object> model = new HashMap<>();
    model.put("who", who);
    model.put("form", form);
    model.put("errors", errors);
    model.put("done", done);
    page.render(ctx, status, "dashboard/branding.jte", model);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}

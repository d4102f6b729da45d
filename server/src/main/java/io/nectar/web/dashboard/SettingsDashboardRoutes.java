package io.nectar.web.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.nectar.keys.KeyService;
import io.nectar.mail.Mailer;
import io.nectar.users.UserService;

/** Settings > Organization: API keys, white label and embedding, and the people of the organization. */
public final class SettingsDashboardRoutes {
  private final KeyService keys;
  private final UserService users;
  private final Mailer mailer;
  private final DashboardGate gate;
  private final DashboardPage page;

  public SettingsDashboardRoutes(KeyService keys, UserService users, Mailer mailer, DashboardGate gate,
      DashboardPage page) {
    this.keys = keys;
    this.users = users;
    this.mailer = mailer;
    this.gate = gate;
    this.page = page;
  }

  public void register(RoutesConfig routes) {
    routes.get("/dashboard/settings", ctx -> {
      gate.requireAdmin(ctx);
      DashboardPage.secure(ctx, null);
      ctx.redirect("/dashboard/settings/keys", HttpStatus.SEE_OTHER);
    });
  }
}

package io.nectar.web.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.nectar.keys.KeyService;
import io.nectar.users.UserService;
import java.time.Clock;

/**
 * Settings > Organization, for administrators: API keys, white label and embedding, and the people of
 * the organization. {@code /dashboard/settings} opens the keys.
 */
public final class SettingsDashboardRoutes {
  private final KeysDashboardRoutes keys;
  private final BrandingDashboardRoutes branding;
  private final UsersDashboardRoutes users;
  private final DashboardGate gate;

  public SettingsDashboardRoutes(KeyService keys, UserService users, Clock clock, DashboardGate gate,
      DashboardPage page) {
    this.keys = new KeysDashboardRoutes(keys, clock, gate, page);
    this.branding = new BrandingDashboardRoutes(keys, gate, page);
    this.users = new UsersDashboardRoutes(users, gate, page);
    this.gate = gate;
  }

  public void register(RoutesConfig routes) {
    routes.get("/dashboard/settings", ctx -> {
      gate.requireAdmin(ctx);
      DashboardPage.secure(ctx, null);
      ctx.redirect(KeysDashboardRoutes.PATH, HttpStatus.SEE_OTHER);
    });
    keys.register(routes);
    branding.register(routes);
    users.register(routes);
  }
}

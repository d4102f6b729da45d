package io.nectar.web.dashboard.data;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.nectar.web.dashboard.DashboardGate;
import io.nectar.web.dashboard.DashboardPage;
import io.nectar.web.dashboard.SignedIn;
import io.nectar.webhooks.Tenant;
import java.util.Map;

/**
 * Webhook endpoints: the organization's endpoints in this environment, and the way into the existing
 * webhook portal (add, change, test, replay) rather than a second copy of it. The portal's signed link
 * is made when asked for, never printed in a page, and its page refuses to be framed.
 */
final class WebhookPagesRoutes {
  private final DataServices services;
  private final DashboardGate gate;
  private final DashboardPage page;

  WebhookPagesRoutes(DataServices services, DashboardGate gate, DashboardPage page) {
    this.services = services;
    this.gate = gate;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/webhooks", ctx -> {
      SignedIn who = gate.require(ctx);
      page.render(ctx, "dashboard/data/webhooks.jte", Map.of("who", who,
          "endpoints", services.webhooks().list(Tenant.of(who.caller()))));
    });
    // A POST (with the form's token), so that another site cannot send a browser into the portal.
    routes.post("/dashboard/webhooks/portal", ctx -> {
      SignedIn who = gate.require(ctx);
      DashboardPage.secure(ctx, null);
      ctx.redirect(services.webhooks().portalLink(Tenant.of(who.caller())), HttpStatus.SEE_OTHER);
    });
  }
}

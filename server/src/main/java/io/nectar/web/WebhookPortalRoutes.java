package io.nectar.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.nectar.errors.Forbidden;
import io.nectar.http.Api;
import io.nectar.http.Fields;
import io.nectar.http.RequestBody;
import io.nectar.keys.Environment;
import io.nectar.storage.SignedLinks;
import io.nectar.webhooks.Tenant;
import io.nectar.webhooks.WebhookHandlers;
import io.nectar.webhooks.WebhookService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The webhook portal behind the link of {@code GET /webhook} (CONTRACT §9): a page listing the
 * tenant's endpoints, adding and removing them, showing attempts and replaying, and the JSON calls
 * it makes. The signed link is the authorization, as with Svix's app portal: every call carries its
 * {@code expires} and {@code signature}, which cover the tenant's portal path.
 */
public final class WebhookPortalRoutes {
  private static final String BASE = "/webhooks/portal/{organizationId}/{environment}";
  private static final long MAX_BODY_BYTES = 64 * 1024;

  private final SignedLinks links;
  private final WebhookHandlers handlers;
  private final String page;

  public WebhookPortalRoutes(WebhookService webhooks, SignedLinks links) {
    this.links = links;
    this.handlers = new WebhookHandlers(webhooks, this::tenant, WebhookPortalRoutes::fields);
    try (InputStream in = WebhookPortalRoutes.class.getResourceAsStream("/web/webhook-portal.html")) {
      this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void register(RoutesConfig routes) {
    routes.get(BASE, ctx -> {
      tenant(ctx);
      ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
          .header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
              + "style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'")
          .contentType("text/html; charset=utf-8").result(page);
    });
    routes.get(BASE + "/endpoints", json(handlers.list()));
    routes.post(BASE + "/endpoints", json(handlers.create()));
    routes.patch(BASE + "/endpoints/{endpointId}", json(handlers.update()));
    routes.delete(BASE + "/endpoints/{endpointId}", json(handlers.delete()));
    routes.post(BASE + "/endpoints/{endpointId}/rotate-secret", json(handlers.rotateSecret()));
    routes.post(BASE + "/endpoints/{endpointId}/test", json(handlers.sendTest()));
    routes.post(BASE + "/endpoints/{endpointId}/recover", json(handlers.recover()));
    routes.get(BASE + "/endpoints/{endpointId}/attempts", json(handlers.attempts()));
    routes.post(BASE + "/messages/{messageId}/replay", json(handlers.replay()));
  }

  private static Handler json(Handler handler) {
    return ctx -> {
      ctx.header("Cache-Control", "no-store");
      handler.handle(ctx);
    };
  }

  /** The tenant whose portal the link opens; 403 unless the link is genuine and current. */
  private Tenant tenant(Context ctx) {
    UUID organization = Api.uuid(ctx.pathParam("organizationId"))
        .orElseThrow(() -> new Forbidden(SignedLinks.INVALID));
    Environment environment;
    try {
      environment = Environment.valueOf(ctx.pathParam("environment"));
    } catch (IllegalArgumentException e) {
      throw new Forbidden(SignedLinks.INVALID);
    }
    Tenant tenant = new Tenant(organization, environment);
    links.verifyPage(WebhookService.portalPath(tenant), ctx.queryParam("expires"), ctx.queryParam("signature"));
    return tenant;
  }

  private static Fields fields(Context ctx) {
    return new Fields(RequestBody.of(ctx, MAX_BODY_BYTES));
  }
}

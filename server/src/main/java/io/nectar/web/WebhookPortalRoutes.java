package io.nectar.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.nectar.http.Api;
import io.nectar.http.ApiError;
import io.nectar.http.Fields;
import io.nectar.http.Json;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.RequestBody;
import io.nectar.keys.Environment;
import io.nectar.storage.SignedLinks;
import io.nectar.webhooks.EndpointInput;
import io.nectar.webhooks.EndpointView;
import io.nectar.webhooks.Tenant;
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

  private final WebhookService webhooks;
  private final SignedLinks links;
  private final String page;

  public WebhookPortalRoutes(WebhookService webhooks, SignedLinks links) {
    this.webhooks = webhooks;
    this.links = links;
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
    routes.get(BASE + "/endpoints", json(ctx -> {
      var array = Json.array();
      webhooks.list(tenant(ctx)).forEach(e -> array.add(EndpointView.render(e)));
      Json.respond(ctx, 200, array);
    }));
    routes.post(BASE + "/endpoints", json(ctx -> Json.respond(ctx, 201,
        EndpointView.render(webhooks.create(tenant(ctx), EndpointInput.read(fields(ctx), true))))));
    routes.patch(BASE + "/endpoints/{endpointId}", json(ctx -> Json.respond(ctx, 200, EndpointView.render(
        webhooks.update(tenant(ctx), endpointId(ctx), () -> EndpointInput.read(fields(ctx), false))))));
    routes.delete(BASE + "/endpoints/{endpointId}", json(ctx -> {
      webhooks.delete(tenant(ctx), endpointId(ctx));
      Json.noContent(ctx);
    }));
    routes.post(BASE + "/endpoints/{endpointId}/rotate-secret", json(ctx -> Json.respond(ctx, 200,
        EndpointView.render(webhooks.rotateSecret(tenant(ctx), endpointId(ctx), emptyBody(ctx))))));
    routes.post(BASE + "/endpoints/{endpointId}/test", json(ctx -> Json.respond(ctx, 202,
        Json.object().put("messageId", webhooks.sendTest(tenant(ctx), endpointId(ctx), emptyBody(ctx)).toString()))));
    routes.post(BASE + "/endpoints/{endpointId}/recover", json(ctx -> Json.respond(ctx, 202, Json.object()
        .put("queued", webhooks.recover(tenant(ctx), endpointId(ctx), () -> EndpointInput.recoverSince(fields(ctx)))))));
    routes.get(BASE + "/endpoints/{endpointId}/attempts", json(ctx -> {
      Tenant tenant = tenant(ctx);
      var result = webhooks.attempts(tenant, endpointId(ctx),
          PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE));
      var items = Json.array();
      result.attempts().forEach(a -> items.add(EndpointView.attempt(a)));
      Json.respond(ctx, 200, result.window().envelope("totalAttempts", "attempts", items));
    }));
    routes.post(BASE + "/messages/{messageId}/replay", json(ctx -> {
      Tenant tenant = tenant(ctx);
      UUID message = Api.id(ctx, "messageId", "Message");
      Json.respond(ctx, 202, Json.object().put("queued", webhooks.replay(tenant, message, emptyBody(ctx))));
    }));
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
        .orElseThrow(() -> new ApiError(403, SignedLinks.INVALID));
    Environment environment;
    try {
      environment = Environment.valueOf(ctx.pathParam("environment"));
    } catch (IllegalArgumentException e) {
      throw new ApiError(403, SignedLinks.INVALID);
    }
    Tenant tenant = new Tenant(organization, environment);
    links.verifyPage(WebhookService.portalPath(tenant), ctx.queryParam("expires"), ctx.queryParam("signature"));
    return tenant;
  }

  private static UUID endpointId(Context ctx) {
    return Api.id(ctx, "endpointId", "Webhook endpoint");
  }

  private static Runnable emptyBody(Context ctx) {
    return () -> fields(ctx).finish();
  }

  private static Fields fields(Context ctx) {
    return new Fields(RequestBody.of(ctx, MAX_BODY_BYTES));
  }
}

package io.nectar.webhooks;

import io.javalin.http.Context;
import io.nectar.http.Api;
import io.nectar.http.Json;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;
import java.util.UUID;

/**
 * Webhooks (CONTRACT §9): {@code GET /webhook} (the portal link) and the endpoint management API,
 * an extension under every version prefix.
 *
 * <pre>curl -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
 *      -d '{"url": "https://example.com/hooks/nectar"}' http://localhost:8080/v2.2/webhook/endpoint</pre>
 */
public final class WebhookRoutes {
  private final WebhookService service;

  public WebhookRoutes(WebhookService service) {
    this.service = service;
  }

  public void register(Api api) {
    api.get("/webhook", ctx -> Json.respond(ctx, 200,
        Json.object().put("url", service.portalLink(tenant(ctx)))));
    api.post("/webhook/endpoint", ctx -> Json.respond(ctx, 201, EndpointView.render(
        service.create(tenant(ctx), EndpointInput.read(Api.fields(ctx), true)))));
    api.get("/webhook/endpoint", ctx -> {
      var array = Json.array();
      service.list(tenant(ctx)).forEach(e -> array.add(EndpointView.render(e)));
      Json.respond(ctx, 200, array);
    });
    api.get("/webhook/endpoint/{endpointId}", ctx -> Json.respond(ctx, 200,
        EndpointView.render(service.get(tenant(ctx), endpointId(ctx)))));
    api.patch("/webhook/endpoint/{endpointId}", ctx -> Json.respond(ctx, 200, EndpointView.render(
        service.update(tenant(ctx), endpointId(ctx), () -> EndpointInput.read(Api.fields(ctx), false)))));
    api.delete("/webhook/endpoint/{endpointId}", ctx -> {
      service.delete(tenant(ctx), endpointId(ctx));
      Json.noContent(ctx);
    });
    api.post("/webhook/endpoint/{endpointId}/rotate-secret", ctx -> Json.respond(ctx, 200,
        EndpointView.render(service.rotateSecret(tenant(ctx), endpointId(ctx), emptyBody(ctx)))));
    api.post("/webhook/endpoint/{endpointId}/test", ctx -> {
      UUID message = service.sendTest(tenant(ctx), endpointId(ctx), emptyBody(ctx));
      Json.respond(ctx, 202, Json.object().put("messageId", message.toString())
          .put("eventType", WebhookEventType.TEST.wireName()));
    });
    api.post("/webhook/endpoint/{endpointId}/recover", ctx -> {
      int queued = service.recover(tenant(ctx), endpointId(ctx), () -> EndpointInput.recoverSince(Api.fields(ctx)));
      Json.respond(ctx, 202, Json.object().put("queued", queued));
    });
    api.get("/webhook/endpoint/{endpointId}/attempt", ctx -> {
      UUID id = endpointId(ctx);
      PageRequest page = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
      var result = service.attempts(tenant(ctx), id, page);
      var items = Json.array();
      result.attempts().forEach(a -> items.add(EndpointView.attempt(a)));
      Json.respond(ctx, 200, result.window().envelope("totalAttempts", "attempts", items));
    });
    api.post("/webhook/message/{messageId}/replay", ctx -> {
      int queued = service.replay(tenant(ctx), Api.id(ctx, "messageId", "Message"), emptyBody(ctx));
      Json.respond(ctx, 202, Json.object().put("queued", queued));
    });
  }

  private static Tenant tenant(Context ctx) {
    return Tenant.of(Api.caller(ctx));
  }

  /** For operations without input: an empty body or object passes, any field is refused. */
  private static Runnable emptyBody(Context ctx) {
    return () -> Api.fields(ctx).finish();
  }

  private static UUID endpointId(Context ctx) {
    return Api.id(ctx, "endpointId", "Webhook endpoint");
  }
}

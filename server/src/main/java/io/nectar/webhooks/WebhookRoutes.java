package io.nectar.webhooks;

import io.nectar.http.Api;
import io.nectar.http.Json;

/**
 * Webhooks (CONTRACT §9): {@code GET /webhook} (the portal link) and the endpoint management API,
 * an extension under every version prefix.
 *
 * <pre>curl -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
 *      -d '{"url": "https://example.com/hooks/nectar"}' http://localhost:8080/v2.2/webhook/endpoint</pre>
 */
public final class WebhookRoutes {
  private final WebhookService service;
  private final WebhookHandlers handlers;

  public WebhookRoutes(WebhookService service) {
    this.service = service;
    this.handlers = new WebhookHandlers(service, ctx -> Tenant.of(Api.caller(ctx)), Api::fields);
  }

  public void register(Api api) {
    api.get("/webhook", ctx -> Json.respond(ctx, 200,
        Json.object().put("url", service.portalLink(Tenant.of(Api.caller(ctx))))));
    api.post("/webhook/endpoint", handlers.create());
    api.get("/webhook/endpoint", handlers.list());
    api.get("/webhook/endpoint/{endpointId}", handlers.get());
    api.patch("/webhook/endpoint/{endpointId}", handlers.update());
    api.delete("/webhook/endpoint/{endpointId}", handlers.delete());
    api.post("/webhook/endpoint/{endpointId}/rotate-secret", handlers.rotateSecret());
    api.post("/webhook/endpoint/{endpointId}/test", handlers.sendTest());
    api.post("/webhook/endpoint/{endpointId}/recover", handlers.recover());
    api.get("/webhook/endpoint/{endpointId}/attempt", handlers.attempts());
    api.post("/webhook/message/{messageId}/replay", handlers.replay());
  }
}

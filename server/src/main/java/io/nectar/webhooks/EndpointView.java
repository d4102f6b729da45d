package io.nectar.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;

/** The webhook endpoint and attempt objects (CONTRACT §9), the same under every version prefix. */
final class EndpointView {
  private EndpointView() {}

  static ObjectNode render(WebhookEndpoint e) {
    ObjectNode json = Json.object();
    json.put("id", e.id().toString());
    json.put("url", e.url());
    json.set("eventTypes", Json.strings(e.eventTypes()));
    json.put("description", e.description());
    json.put("isDisabled", e.isDisabled());
    json.put("failingSince", Json.timestamp(e.failingSince()));
    json.put("created", Json.timestamp(e.created()));
    json.put("updated", Json.timestamp(e.updated()));
    return json;
  }

  /** With the signing secret: on creation and rotation only. */
  static ObjectNode render(WebhookService.EndpointWithSecret e) {
    return render(e.endpoint()).put("secret", e.secret());
  }

  static ObjectNode attempt(WebhookStore.Attempt a) {
    ObjectNode json = Json.object();
    json.put("id", a.id().toString());
    json.put("messageId", a.messageId().toString());
    json.put("eventType", a.eventType());
    json.put("attemptedAt", Json.timestamp(a.attemptedAt()));
    json.put("succeeded", a.succeeded());
    json.put("statusCode", a.statusCode());
    json.put("durationMs", a.durationMillis());
    json.put("responseExcerpt", a.responseExcerpt());
    json.put("error", a.error());
    return json;
  }
}

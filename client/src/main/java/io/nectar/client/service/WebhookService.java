package io.nectar.client.service;

import io.nectar.client.Page;
import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.NewWebhookEndpoint;
import io.nectar.client.model.WebhookAttempt;
import io.nectar.client.model.WebhookEndpoint;
import io.nectar.client.model.WebhookEndpointUpdate;
import io.nectar.client.model.WebhookPortalLink;
import io.nectar.client.model.WebhookQueued;
import io.nectar.client.model.WebhookTestSent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook endpoints and deliveries. {@link #portalLink()} is Nectar's call; the endpoint calls are
 * this server's extension (CONTRACT §9), for managing endpoints from code instead of a web page.
 * Verifying a received event is {@code io.nectar.client.Webhook}'s job, not this service's.
 */
public final class WebhookService {
  private final Api api;

  public WebhookService(Api api) {
    this.api = api;
  }

  /** A link (valid 7 days) to the page where a person manages endpoints. */
  public WebhookPortalLink portalLink() {
    return portalLink(RequestOptions.DEFAULT);
  }

  public WebhookPortalLink portalLink(RequestOptions options) {
    return api.get("/webhook", WebhookPortalLink.class, options);
  }

  public List<WebhookEndpoint> listEndpoints() {
    return listEndpoints(RequestOptions.DEFAULT);
  }

  public List<WebhookEndpoint> listEndpoints(RequestOptions options) {
    return api.getList("/webhook/endpoint", WebhookEndpoint.class, options);
  }

  /** Creates an endpoint; the answer carries its signing {@code secret}, shown only now. */
  public WebhookEndpoint createEndpoint(NewWebhookEndpoint endpoint) {
    return createEndpoint(endpoint, RequestOptions.DEFAULT);
  }

  public WebhookEndpoint createEndpoint(NewWebhookEndpoint endpoint, RequestOptions options) {
    return api.post("/webhook/endpoint", endpoint, WebhookEndpoint.class, options);
  }

  public WebhookEndpoint getEndpoint(UUID endpointId) {
    return getEndpoint(endpointId, RequestOptions.DEFAULT);
  }

  public WebhookEndpoint getEndpoint(UUID endpointId, RequestOptions options) {
    return api.get("/webhook/endpoint/" + endpointId, WebhookEndpoint.class, options);
  }

  public WebhookEndpoint updateEndpoint(UUID endpointId, WebhookEndpointUpdate update) {
    return updateEndpoint(endpointId, update, RequestOptions.DEFAULT);
  }

  public WebhookEndpoint updateEndpoint(UUID endpointId, WebhookEndpointUpdate update, RequestOptions options) {
    return api.patch("/webhook/endpoint/" + endpointId, update, WebhookEndpoint.class, options);
  }

  public void deleteEndpoint(UUID endpointId) {
    deleteEndpoint(endpointId, RequestOptions.DEFAULT);
  }

  public void deleteEndpoint(UUID endpointId, RequestOptions options) {
    api.delete("/webhook/endpoint/" + endpointId, options);
  }

  /** A new signing secret (in the answer); the old one keeps verifying for a while, for the switch-over. */
  public WebhookEndpoint rotateSecret(UUID endpointId) {
    return rotateSecret(endpointId, RequestOptions.DEFAULT);
  }

  public WebhookEndpoint rotateSecret(UUID endpointId, RequestOptions options) {
    return api.post("/webhook/endpoint/" + endpointId + "/rotate-secret", null, WebhookEndpoint.class, options);
  }

  /** Sends a {@code webhook.test} event to the endpoint. */
  public WebhookTestSent sendTest(UUID endpointId) {
    return sendTest(endpointId, RequestOptions.DEFAULT);
  }

  public WebhookTestSent sendTest(UUID endpointId, RequestOptions options) {
    return api.post("/webhook/endpoint/" + endpointId + "/test", null, WebhookTestSent.class, options);
  }

  /** Re-sends every message since {@code since} to the endpoint (after an outage of the receiver). */
  public WebhookQueued recover(UUID endpointId, Instant since) {
    return recover(endpointId, since, RequestOptions.DEFAULT);
  }

  public WebhookQueued recover(UUID endpointId, Instant since, RequestOptions options) {
    return api.post("/webhook/endpoint/" + endpointId + "/recover", Map.of("since", since), WebhookQueued.class,
        options);
  }

  /** The endpoint's delivery attempts, newest first. */
  public Page<WebhookAttempt> listAttempts(UUID endpointId) {
    return listAttempts(endpointId, RequestOptions.DEFAULT);
  }

  public Page<WebhookAttempt> listAttempts(UUID endpointId, RequestOptions options) {
    return api.page("/webhook/endpoint/" + endpointId + "/attempt", null, "attempts", WebhookAttempt.class,
        options, 1);
  }

  /** Delivers one message again (its {@code webhook-id}), to every endpoint it went to. */
  public WebhookQueued replay(UUID messageId) {
    return replay(messageId, RequestOptions.DEFAULT);
  }

  public WebhookQueued replay(UUID messageId, RequestOptions options) {
    return api.post("/webhook/message/" + messageId + "/replay", null, WebhookQueued.class, options);
  }
}

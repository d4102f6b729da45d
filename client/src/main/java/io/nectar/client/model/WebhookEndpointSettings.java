package io.nectar.client.model;

import java.util.List;

/**
 * The settings a webhook endpoint is created with and changed by: the setters of {@link NewWebhookEndpoint} and
 * {@link WebhookEndpointUpdate}.
 */
abstract class WebhookEndpointSettings<B extends WebhookEndpointSettings<B>> extends InputBuilder<B> {
  public B eventTypes(List<String> eventTypes) {
    return set("eventTypes", eventTypes);
  }

  public B description(String description) {
    return set("description", description);
  }
}

package io.nectar.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where an organization's events go; {@code eventTypes} empty means every event type. */
public record WebhookEndpoint(UUID id, Tenant tenant, String url, String description, List<String> eventTypes,
    boolean isDisabled, Instant failingSince, Instant created, Instant updated) {

  WebhookEndpoint with(String url, String description, List<String> eventTypes, boolean isDisabled, Instant now) {
    // Re-enabling starts a fresh failure window: the endpoint gets five more days.
    Instant failing = this.isDisabled && !isDisabled ? null : failingSince;
    return new WebhookEndpoint(id, tenant, url, description, eventTypes, isDisabled, failing, created, now);
  }
}

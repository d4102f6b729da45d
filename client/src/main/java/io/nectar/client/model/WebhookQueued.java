package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How many messages a recover or replay queued for delivery. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookQueued(int queued) {
}

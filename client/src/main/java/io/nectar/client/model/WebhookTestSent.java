package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** The test event queued for an endpoint: its message id shows up in the endpoint's attempts. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookTestSent(UUID messageId, String eventType) {
}

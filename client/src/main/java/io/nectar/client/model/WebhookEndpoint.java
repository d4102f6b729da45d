package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A URL that receives webhook events. {@code eventTypes} are strings (for example
 * {@code document.created.v2}); empty means every event. {@code secret} ({@code whsec_...}) is
 * present only in the answers to create and rotate: keep it then, it is not shown again.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookEndpoint(UUID id, String url, List<String> eventTypes, String description, boolean isDisabled,
    Instant failingSince, Instant created, Instant updated, String secret) {
  public WebhookEndpoint {
    eventTypes = Lists.copy(eventTypes);
  }
}

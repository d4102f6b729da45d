package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** One delivery attempt of a message to an endpoint, for debugging a receiver. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookAttempt(UUID id, UUID messageId, String eventType, Instant attemptedAt, boolean succeeded,
    Integer statusCode, long durationMs, String responseExcerpt, String error) {
}

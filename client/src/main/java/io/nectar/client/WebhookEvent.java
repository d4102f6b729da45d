package io.nectar.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A webhook whose signature and timestamp have been verified: its message id, the time it was sent,
 * its event type and its body.
 *
 * <p>The id stays the same when a message is retried or replayed, so a receiver that stores the ids it
 * has handled can ignore a second delivery (delivery is at least once). The body is the object the
 * event is about (a connection or a document, as the v2.2 API renders it) plus {@code eventType}.
 */
public final class WebhookEvent {
  /** Reads bodies into typed models: unknown fields ignored (Nectar adds fields), decimals exact. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private final String id;
  private final Instant timestamp;
  private final String payload;
  private final JsonNode json;

  private WebhookEvent(String id, Instant timestamp, String payload, JsonNode json) {
    this.id = id;
    this.timestamp = timestamp;
    this.payload = payload;
    this.json = json;
  }

  /** An event from a body whose signature was verified; the body must be a JSON object. */
  static WebhookEvent parse(String id, Instant timestamp, byte[] body) {
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new WebhookVerificationException("The webhook's body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("Reading a byte array cannot fail", e);
    }
    if (json == null || !json.isObject()) {
      throw new WebhookVerificationException("The webhook's body is not a JSON object.");
    }
    return new WebhookEvent(id, timestamp, new String(body, StandardCharsets.UTF_8), json);
  }

  /** The message id ({@code webhook-id}): the same for every delivery of one message. */
  public String id() {
    return id;
  }

  /** When this delivery was signed ({@code webhook-timestamp}); a retry has a later one. */
  public Instant timestamp() {
    return timestamp;
  }

  /**
   * The body's {@code eventType}, e.g. {@code document.created.v2} or {@code webhook.test}; empty if
   * the body has none.
   */
  public String eventType() {
    return json.path("eventType").asText("");
  }

  /** The body parsed; read-only by convention (a copy is not made). */
  public JsonNode json() {
    return json;
  }

  /** The body exactly as verified. */
  public String payload() {
    return payload;
  }

  /**
   * The body read as {@code type}, e.g. a connection or document model; fields the type does not have
   * are ignored.
   *
   * @throws IllegalArgumentException if the body does not fit the type
   */
  public <T> T data(Class<T> type) {
    Objects.requireNonNull(type, "type");
    try {
      return MAPPER.treeToValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The " + eventType() + " webhook's body is not a "
          + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "WebhookEvent{id=" + id + ", eventType=" + eventType() + ", timestamp=" + timestamp + "}";
  }
}

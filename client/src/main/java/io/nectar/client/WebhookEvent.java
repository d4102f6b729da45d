package io.nectar.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nectar.client.internal.Json;
import io.nectar.client.model.Connection;
import io.nectar.client.model.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A webhook whose signature and timestamp have been verified: its message id, the time it was sent,
 * its event type and its body.
 *
 * <p>The id stays the same when a message is retried or replayed, so a receiver that stores the ids it
 * has handled can ignore a second delivery (delivery is at least once). The body is the object the
 * event is about (a connection or a document, as the v2.2 API renders it) plus {@code eventType};
 * {@code connection.updated.v2} and {@code document.updated.v2} also carry {@code old}, the previous
 * values of what changed.
 */
public final class WebhookEvent {
  /**
   * A timestamp without an offset. Nectar's webhook bodies carry UTC timestamps without the
   * {@code Z} the API responses have, so they are completed before a body is read into the models.
   */
  private static final Pattern NAIVE_UTC =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

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
      json = Json.mapper().readTree(body);
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

  /** The body parsed, as sent (timestamps without their {@code Z}); do not change it. */
  public JsonNode json() {
    return json;
  }

  /** The body exactly as verified. */
  public String payload() {
    return payload;
  }

  /**
   * The document a {@code document.*} event is about.
   *
   * @throws IllegalStateException if this is not a document event
   */
  public Document document() {
    return about("document.", Document.class);
  }

  /**
   * The connection a {@code connection.*} event is about.
   *
   * @throws IllegalStateException if this is not a connection event
   */
  public Connection connection() {
    return about("connection.", Connection.class);
  }

  private <T> T about(String prefix, Class<T> type) {
    if (!eventType().startsWith(prefix)) {
      throw new IllegalStateException("A " + (eventType().isEmpty() ? "webhook without eventType" : eventType())
          + " event is not about a " + type.getSimpleName() + ".");
    }
    return data(type);
  }

  /**
   * The body read as {@code type} with the SDK's own rules: fields the type does not have are ignored,
   * decimals are exact, timestamps are UTC.
   *
   * @throws IllegalArgumentException if the body does not fit the type
   */
  public <T> T data(Class<T> type) {
    Objects.requireNonNull(type, "type");
    try {
      return Json.mapper().treeToValue(withUtcOffsets(json), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("The " + eventType() + " webhook's body is not a "
          + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** A copy of {@code node} with {@code Z} added to every timestamp that has no offset. */
  private static JsonNode withUtcOffsets(JsonNode node) {
    if (node.isTextual() && NAIVE_UTC.matcher(node.textValue()).matches()) {
      return TextNode.valueOf(node.textValue() + "Z");
    }
    if (node.isObject()) {
      ObjectNode copy = Json.mapper().createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), withUtcOffsets(field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.mapper().createArrayNode();
      node.forEach(element -> copy.add(withUtcOffsets(element)));
      return copy;
    }
    return node;
  }

  @Override
  public String toString() {
    return "WebhookEvent{id=" + id + ", eventType=" + eventType() + ", timestamp=" + timestamp + "}";
  }
}

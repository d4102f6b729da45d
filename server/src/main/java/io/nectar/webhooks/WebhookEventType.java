package io.nectar.webhooks;

import java.util.Arrays;
import java.util.List;

/** The events this server sends (CONTRACT §9), under their wire names. */
public enum WebhookEventType {
  CONNECTION_CREATED("connection.created.v2"),
  CONNECTION_UPDATED("connection.updated.v2"),
  CONNECTION_VALIDATED("connection.validated.v2"),
  DOCUMENT_CREATED("document.created.v2"),
  DOCUMENT_UPDATED("document.updated.v2"),
  DOCUMENT_DELETED("document.deleted.v2"),
  /** Sent only by {@code POST /webhook/endpoint/{id}/test}, to that endpoint, whatever it subscribes to. */
  TEST("webhook.test");

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The types an endpoint may subscribe to. */
  public static List<String> subscribable() {
    return Arrays.stream(values()).filter(t -> t != TEST).map(WebhookEventType::wireName).toList();
  }
}

package io.nectar.webhooks;

import java.util.Arrays;
import java.util.List;

/** The events this server sends (CONTRACT §9), under their wire names. */
public enum WebhookEventType {
  CONNECTION_CREATED("connection.created.v2", Audience.DEFAULT),
  CONNECTION_UPDATED("connection.updated.v2", Audience.DEFAULT),
  CONNECTION_VALIDATED("connection.validated.v2", Audience.DEFAULT),
  DOCUMENT_CREATED("document.created.v2", Audience.DEFAULT),
  DOCUMENT_UPDATED("document.updated.v2", Audience.DEFAULT),
  DOCUMENT_DELETED("document.deleted.v2", Audience.DEFAULT),
  /** Nectar's unversioned predecessors (nectar-api.md §13.2, §13.3), each the twin of a {@code .v2} event. */
  LEGACY_CONNECTION_CREATED("connection.created", Audience.NAMED_ONLY),
  LEGACY_CONNECTION_UPDATED("connection.updated", Audience.NAMED_ONLY),
  LEGACY_CONNECTION_VALIDATED("connection.validated", Audience.NAMED_ONLY),
  LEGACY_DOCUMENT_CREATED("document.created", Audience.NAMED_ONLY),
  /** Sent only by {@code POST /webhook/endpoint/{id}/test}, to that endpoint, whatever it subscribes to. */
  TEST("webhook.test", Audience.NAMED_ONLY);

  /** Which endpoints receive a type. */
  public enum Audience {
    /** Endpoints that name it, and endpoints that name no type (all). */
    DEFAULT,
    /**
     * Only endpoints that name it. The legacy types are the same changes as their {@code .v2} twins
     * in an older shape: an endpoint with no types (all) would get every change twice, so it gets
     * the current types only, and an integrator asks for a legacy type by naming it.
     */
    NAMED_ONLY
  }

  private final String wireName;
  private final Audience audience;

  WebhookEventType(String wireName, Audience audience) {
    this.wireName = wireName;
    this.audience = audience;
  }

  public String wireName() {
    return wireName;
  }

  public Audience audience() {
    return audience;
  }

  /** The types an endpoint may subscribe to. */
  public static List<String> subscribable() {
    return Arrays.stream(values()).filter(t -> t != TEST).map(WebhookEventType::wireName).toList();
  }

  /** The subscribable types an endpoint that names no type does not receive. */
  static List<String> namedOnly() {
    return Arrays.stream(values()).filter(t -> t != TEST && t.audience == Audience.NAMED_ONLY)
        .map(WebhookEventType::wireName).toList();
  }
}

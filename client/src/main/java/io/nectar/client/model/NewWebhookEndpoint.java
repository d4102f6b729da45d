package io.nectar.client.model;

import java.util.List;
import java.util.Map;

/**
 * A webhook endpoint to create. No event types means every event.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class NewWebhookEndpoint extends Input {
  private NewWebhookEndpoint(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder(String url) {
    return new Builder(url);
  }

  /** Builds a {@link NewWebhookEndpoint}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder(String url) {
      fields.put("url", Fields.requireText(url, "url"));
    }

    public Builder eventTypes(List<String> eventTypes) {
      fields.put("eventTypes", eventTypes);
      return this;
    }

    public Builder description(String description) {
      fields.put("description", description);
      return this;
    }

    public NewWebhookEndpoint build() {
      return new NewWebhookEndpoint(fields.snapshot());
    }
  }
}

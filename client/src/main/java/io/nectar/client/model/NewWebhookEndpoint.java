package io.nectar.client.model;

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
  public static final class Builder extends WebhookEndpointSettings<Builder> {
    private Builder(String url) {
      fields.put("url", Fields.requireText(url, "url"));
    }

    public NewWebhookEndpoint build() {
      return new NewWebhookEndpoint(fields.snapshot());
    }
  }
}

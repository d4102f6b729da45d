package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * A webhook endpoint to create. No event types means every event.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class NewWebhookEndpoint {
  private final Map<String, Object> fields;

  private NewWebhookEndpoint(Map<String, Object> fields) {
    this.fields = fields;
  }

  public static Builder builder(String url) {
    return new Builder(url);
  }

  /** The JSON body, field by field. */
  @JsonValue
  public Map<String, Object> toJson() {
    return fields;
  }

  @Override
  public String toString() {
    return "NewWebhookEndpoint" + fields.keySet();
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

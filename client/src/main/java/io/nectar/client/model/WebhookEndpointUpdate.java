package io.nectar.client.model;

import java.util.List;
import java.util.Map;

/**
 * Changes to a webhook endpoint. Only the fields set are sent; re-enabling a disabled endpoint is {@code disabled(false)}.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class WebhookEndpointUpdate extends Input {
  private WebhookEndpointUpdate(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WebhookEndpointUpdate}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder() {
    }

    public Builder url(String url) {
      fields.put("url", url);
      return this;
    }

    public Builder eventTypes(List<String> eventTypes) {
      fields.put("eventTypes", eventTypes);
      return this;
    }

    public Builder description(String description) {
      fields.put("description", description);
      return this;
    }

    public Builder disabled(boolean disabled) {
      fields.put("isDisabled", disabled);
      return this;
    }

    public WebhookEndpointUpdate build() {
      return new WebhookEndpointUpdate(fields.snapshot());
    }
  }
}

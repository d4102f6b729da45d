package io.nectar.client.model;

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
  public static final class Builder extends WebhookEndpointSettings<Builder> {
    private Builder() {
    }

    public Builder url(String url) {
      return set("url", url);
    }

    public Builder disabled(boolean disabled) {
      return set("isDisabled", disabled);
    }

    public WebhookEndpointUpdate build() {
      return new WebhookEndpointUpdate(fields.snapshot());
    }
  }
}

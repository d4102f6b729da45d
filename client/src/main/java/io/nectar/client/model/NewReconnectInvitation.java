package io.nectar.client.model;

import java.util.Map;

/**
 * Settings of an invitation to fix an existing connection (all optional; reconnect links are normally single use).
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class NewReconnectInvitation extends Input {
  private NewReconnectInvitation(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewReconnectInvitation}; each setter sends its field. */
  public static final class Builder extends LinkSettings<Builder> {
    private Builder() {
    }

    public NewReconnectInvitation build() {
      return new NewReconnectInvitation(fields.snapshot());
    }
  }
}

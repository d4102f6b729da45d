package io.nectar.client.model;

import java.util.List;
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
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder() {
    }

    public Builder allowedEmails(List<String> allowedEmails) {
      fields.put("allowedEmails", allowedEmails);
      return this;
    }

    public Builder expiresInSeconds(long expiresInSeconds) {
      fields.put("expiresInSeconds", expiresInSeconds);
      return this;
    }

    public Builder maxUses(int maxUses) {
      fields.put("maxUses", maxUses);
      return this;
    }

    public Builder sendEmail(boolean sendEmail) {
      fields.put("sendEmail", sendEmail);
      return this;
    }

    public NewReconnectInvitation build() {
      return new NewReconnectInvitation(fields.snapshot());
    }
  }
}

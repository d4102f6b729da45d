package io.nectar.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prefilled values for a legacy company magic link (deprecated; prefer invitations).
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class NewMagicLink extends Input {
  private NewMagicLink(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewMagicLink}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder() {
    }

    public Builder sites(List<UUID> sites) {
      fields.put("sites", sites);
      return this;
    }

    public Builder url(String url) {
      fields.put("url", url);
      return this;
    }

    public Builder dataCollectionStartDate(LocalDate dataCollectionStartDate) {
      fields.put("dataCollectionStartDate", dataCollectionStartDate);
      return this;
    }

    public NewMagicLink build() {
      return new NewMagicLink(fields.snapshot());
    }
  }
}

package io.nectar.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Settings of an invitation to create a connection, all optional: who may use it, for how long,
 * how often, whether the server emails it, and what the hosted form is prefilled with.
 * Serialized as exactly the fields set.
 */
public final class NewInvitation extends Input {
  private NewInvitation(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewInvitation}; each setter sends its field. */
  public static final class Builder extends LinkSettings<Builder> {
    private Builder() {
    }

    public Builder prefill(Prefill prefill) {
      return set("prefill", prefill.toJson());
    }

    public NewInvitation build() {
      return new NewInvitation(fields.snapshot());
    }
  }

  /** What the hosted form is filled in with for the customer. */
  public static final class Prefill extends Input {
    private Prefill(Map<String, Object> fields) {
      super(fields);
    }

    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Prefill}. */
    public static final class Builder {
      private final Fields fields = new Fields();

      private Builder() {
      }

      /** The utility's website, as for a connection's {@code url}. */
      public Builder url(String url) {
        fields.put("url", url);
        return this;
      }

      public Builder initialSites(List<UUID> initialSites) {
        fields.put("initialSites", initialSites);
        return this;
      }

      public Builder utilityTypes(List<DatasourceType> utilityTypes) {
        fields.put("utilityTypes", utilityTypes);
        return this;
      }

      public Builder country(String country) {
        fields.put("country", country);
        return this;
      }

      public Builder connectionOwnerEmail(String connectionOwnerEmail) {
        fields.put("connectionOwnerEmail", connectionOwnerEmail);
        return this;
      }

      public Builder dataCollectionStartDate(LocalDate dataCollectionStartDate) {
        fields.put("dataCollectionStartDate", dataCollectionStartDate);
        return this;
      }

      public Prefill build() {
        return new Prefill(fields.snapshot());
      }
    }
  }
}

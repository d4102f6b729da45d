package io.nectar.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A username/password connection to a utility's website. In the sandbox, use {@code https://nectarclimate.com} with {@code nectar-sandbox-username} / {@code nectar-sandbox-password}.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class NewConnection extends Input {
  private NewConnection(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder(String url, String username, String password, List<UUID> sites, String country) {
    return new Builder(url, username, password, sites, country);
  }

  /** Builds a {@link NewConnection}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder(String url, String username, String password, List<UUID> sites, String country) {
      fields.put("url", Fields.requireText(url, "url"));
      fields.put("username", Fields.requireText(username, "username"));
      fields.put("password", Fields.requireText(password, "password"));
      fields.put("sites", Objects.requireNonNull(sites, "sites"));
      fields.put("country", Fields.requireText(country, "country"));
    }

    public Builder datasourceTypes(List<DatasourceType> datasourceTypes) {
      fields.put("datasourceTypes", datasourceTypes);
      return this;
    }

    public Builder dataCollectionStartDate(LocalDate dataCollectionStartDate) {
      fields.put("dataCollectionStartDate", dataCollectionStartDate);
      return this;
    }

    public Builder workflowOwnerEmail(String workflowOwnerEmail) {
      fields.put("workflowOwnerEmail", workflowOwnerEmail);
      return this;
    }

    public Builder multiplyByOccupancy(boolean multiplyByOccupancy) {
      fields.put("multiplyByOccupancy", multiplyByOccupancy);
      return this;
    }

    public Builder externalId(String externalId) {
      fields.put("externalId", externalId);
      return this;
    }

    public NewConnection build() {
      return new NewConnection(fields.snapshot());
    }
  }
}

package io.nectar.client.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A company to create. Only the name is required; the key's user becomes its admin.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class NewCompany extends Input {
  private NewCompany(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link NewCompany}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder(String name) {
      fields.put("name", Fields.requireText(name, "name"));
    }

    public Builder externalId(String externalId) {
      fields.put("externalId", externalId);
      return this;
    }

    public Builder dataCollectionStartDate(LocalDate dataCollectionStartDate) {
      fields.put("dataCollectionStartDate", dataCollectionStartDate);
      return this;
    }

    public Builder demandEnabled(boolean demandEnabled) {
      fields.put("isDemandEnabled", demandEnabled);
      return this;
    }

    public Builder impliedMeteringEnabled(boolean impliedMeteringEnabled) {
      fields.put("isImpliedMeteringEnabled", impliedMeteringEnabled);
      return this;
    }

    public Builder impliedMeteringFraction(BigDecimal impliedMeteringFraction) {
      fields.put("impliedMeteringFraction", impliedMeteringFraction);
      return this;
    }

    public Builder basicIdentifierMappingEnabled(boolean basicIdentifierMappingEnabled) {
      fields.put("isBasicIdentifierMappingEnabled", basicIdentifierMappingEnabled);
      return this;
    }

    public Builder lowAccuracyModeEnabled(boolean lowAccuracyModeEnabled) {
      fields.put("isLowAccuracyModeEnabled", lowAccuracyModeEnabled);
      return this;
    }

    public Builder users(List<String> users) {
      fields.put("users", users);
      return this;
    }

    public NewCompany build() {
      return new NewCompany(fields.snapshot());
    }
  }
}

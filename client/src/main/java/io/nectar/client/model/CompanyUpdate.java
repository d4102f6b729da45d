package io.nectar.client.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Changes to a company. Only the fields set are sent; setting one to null clears it. {@code users}, if set, replaces the whole list.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class CompanyUpdate extends Input {
  private CompanyUpdate(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CompanyUpdate}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder() {
    }

    public Builder name(String name) {
      fields.put("name", name);
      return this;
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

    public CompanyUpdate build() {
      return new CompanyUpdate(fields.snapshot());
    }
  }
}

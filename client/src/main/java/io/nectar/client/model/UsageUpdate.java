package io.nectar.client.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A correction to a usage record. Only the fields set are sent.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class UsageUpdate extends Input {
  private UsageUpdate(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link UsageUpdate}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder() {
    }

    public Builder startDate(LocalDate startDate) {
      fields.put("startDate", startDate);
      return this;
    }

    public Builder endDate(LocalDate endDate) {
      fields.put("endDate", endDate);
      return this;
    }

    public Builder usage(BigDecimal usage) {
      fields.put("usage", usage);
      return this;
    }

    public Builder usageUnits(String usageUnits) {
      fields.put("usageUnits", usageUnits);
      return this;
    }

    public Builder isEstimated(boolean isEstimated) {
      fields.put("isEstimated", isEstimated);
      return this;
    }

    public Builder isImplied(boolean isImplied) {
      fields.put("isImplied", isImplied);
      return this;
    }

    public Builder exclusion(boolean exclusion) {
      fields.put("exclusion", exclusion);
      return this;
    }

    public Builder tariff(String tariff) {
      fields.put("tariff", tariff);
      return this;
    }

    public UsageUpdate build() {
      return new UsageUpdate(fields.snapshot());
    }
  }
}

package io.nectar.client.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Changes to a site. Only the fields set are sent; setting one to null clears it.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class SiteUpdate extends Input {
  private SiteUpdate(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SiteUpdate}; each setter sends its field. */
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

    public Builder address(String address) {
      fields.put("address", address);
      return this;
    }

    public Builder path(List<String> path) {
      fields.put("path", path);
      return this;
    }

    public Builder occupancyPercent(BigDecimal occupancyPercent) {
      fields.put("occupancyPercent", occupancyPercent);
      return this;
    }

    public SiteUpdate build() {
      return new SiteUpdate(fields.snapshot());
    }
  }
}

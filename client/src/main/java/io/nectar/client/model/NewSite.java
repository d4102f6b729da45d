package io.nectar.client.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A site to create in a company. Only the name is required.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class NewSite extends Input {
  private NewSite(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link NewSite}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder(String name) {
      fields.put("name", Fields.requireText(name, "name"));
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

    public NewSite build() {
      return new NewSite(fields.snapshot());
    }
  }
}

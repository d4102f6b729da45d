package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A site to create in a company. Only the name is required.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class NewSite {
  private final Map<String, Object> fields;

  private NewSite(Map<String, Object> fields) {
    this.fields = fields;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The JSON body, field by field. */
  @JsonValue
  public Map<String, Object> toJson() {
    return fields;
  }

  @Override
  public String toString() {
    return "NewSite" + fields.keySet();
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

package io.nectar.client.model;

import java.util.List;
import java.util.Map;

/**
 * Changes to the organization's branding. Only the fields set are sent; null resets a field to its default.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class BrandingUpdate extends Input {
  private BrandingUpdate(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BrandingUpdate}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder() {
    }

    public Builder name(String name) {
      fields.put("name", name);
      return this;
    }

    public Builder colour(String colour) {
      fields.put("colour", colour);
      return this;
    }

    public Builder logoUrl(String logoUrl) {
      fields.put("logoUrl", logoUrl);
      return this;
    }

    public Builder frameAncestors(List<String> frameAncestors) {
      fields.put("frameAncestors", frameAncestors);
      return this;
    }

    public BrandingUpdate build() {
      return new BrandingUpdate(fields.snapshot());
    }
  }
}

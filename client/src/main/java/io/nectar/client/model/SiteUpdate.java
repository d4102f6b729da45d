package io.nectar.client.model;

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
  public static final class Builder extends SiteSettings<Builder> {
    private Builder() {
    }

    public Builder name(String name) {
      return set("name", name);
    }

    public SiteUpdate build() {
      return new SiteUpdate(fields.snapshot());
    }
  }
}

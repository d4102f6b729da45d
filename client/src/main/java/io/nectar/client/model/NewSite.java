package io.nectar.client.model;

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
  public static final class Builder extends SiteSettings<Builder> {
    private Builder(String name) {
      fields.put("name", Fields.requireText(name, "name"));
    }

    public NewSite build() {
      return new NewSite(fields.snapshot());
    }
  }
}

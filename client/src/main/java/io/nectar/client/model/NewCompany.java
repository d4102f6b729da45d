package io.nectar.client.model;

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
  public static final class Builder extends CompanySettings<Builder> {
    private Builder(String name) {
      fields.put("name", Fields.requireText(name, "name"));
    }

    public NewCompany build() {
      return new NewCompany(fields.snapshot());
    }
  }
}

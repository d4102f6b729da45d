package io.nectar.client.model;

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
  public static final class Builder extends CompanySettings<Builder> {
    private Builder() {
    }

    public Builder name(String name) {
      return set("name", name);
    }

    public CompanyUpdate build() {
      return new CompanyUpdate(fields.snapshot());
    }
  }
}

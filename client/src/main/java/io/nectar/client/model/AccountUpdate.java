package io.nectar.client.model;

import java.util.Map;

/**
 * Whether to collect an account's data; {@code updateMeters} carries the choice to its meters too.
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class AccountUpdate extends Input {
  private AccountUpdate(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder(boolean isTracked) {
    return new Builder(isTracked);
  }

  /** Builds a {@link AccountUpdate}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder(boolean isTracked) {
      fields.put("isTracked", isTracked);
    }

    public Builder updateMeters(boolean updateMeters) {
      fields.put("updateMeters", updateMeters);
      return this;
    }

    public AccountUpdate build() {
      return new AccountUpdate(fields.snapshot());
    }
  }
}

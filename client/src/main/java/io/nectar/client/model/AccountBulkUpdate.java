package io.nectar.client.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The same tracking choice for several accounts of a company at once (all or none change).
 * Serialized as exactly the fields set, so absent and null stay distinct.
 */
public final class AccountBulkUpdate extends Input {
  private AccountBulkUpdate(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder(List<UUID> accounts, boolean isTracked) {
    return new Builder(accounts, isTracked);
  }

  /** Builds a {@link AccountBulkUpdate}; each setter sends its field. */
  public static final class Builder {
    private final Fields fields = new Fields();

    private Builder(List<UUID> accounts, boolean isTracked) {
      fields.put("accounts", Objects.requireNonNull(accounts, "accounts"));
      fields.put("isTracked", isTracked);
    }

    public Builder updateMeters(boolean updateMeters) {
      fields.put("updateMeters", updateMeters);
      return this;
    }

    public AccountBulkUpdate build() {
      return new AccountBulkUpdate(fields.snapshot());
    }
  }
}

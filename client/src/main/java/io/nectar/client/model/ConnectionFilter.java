package io.nectar.client.model;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The filters of the connection list: status ({@code INCORRECT_PASSWORD} also matches Nectar's
 * {@code PASSWORD_INCORRECT}), sites the connection was made for, the owner's email, and the page
 * size ({@code limit}, 1 to 500; the only list whose page size can be chosen). Immutable.
 */
public final class ConnectionFilter {
  /** No filter. */
  public static final ConnectionFilter NONE = builder().build();

  private final ConnectionStatus status;
  private final List<UUID> sites;
  private final String connectionOwnerEmail;
  private final Integer limit;

  private ConnectionFilter(Builder builder) {
    this.status = builder.status;
    this.sites = List.copyOf(builder.sites);
    this.connectionOwnerEmail = builder.connectionOwnerEmail;
    this.limit = builder.limit;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, List<String>> query() {
    return new Query().add("status", status).addAll("sites", sites)
        .add("connectionOwnerEmail", connectionOwnerEmail).add("limit", limit).build();
  }

  /** Builds a {@link ConnectionFilter}. */
  public static final class Builder {
    private ConnectionStatus status;
    private List<UUID> sites = List.of();
    private String connectionOwnerEmail;
    private Integer limit;

    private Builder() {
    }

    public Builder status(ConnectionStatus status) {
      this.status = DataFilter.known(status, ConnectionStatus.UNKNOWN, "status");
      return this;
    }

    public Builder sites(List<UUID> sites) {
      this.sites = List.copyOf(sites);
      return this;
    }

    public Builder connectionOwnerEmail(String connectionOwnerEmail) {
      this.connectionOwnerEmail = connectionOwnerEmail;
      return this;
    }

    public Builder limit(int limit) {
      if (limit < 1 || limit > 500) {
        throw new IllegalArgumentException("limit must be 1 to 500");
      }
      this.limit = limit;
      return this;
    }

    public ConnectionFilter build() {
      return new ConnectionFilter(this);
    }
  }
}

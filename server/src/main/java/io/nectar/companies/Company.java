package io.nectar.companies;

import io.nectar.keys.Environment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A company of an organization's environment: the root of its sites, connections and bills. */
public record Company(
    UUID id,
    UUID organizationId,
    Environment environment,
    String name,
    String externalId,
    LocalDate dataCollectionStartDate,
    boolean isDemandEnabled,
    boolean isImpliedMeteringEnabled,
    BigDecimal impliedMeteringFraction,
    boolean isBasicIdentifierMappingEnabled,
    boolean isLowAccuracyModeEnabled,
    List<String> users,
    Instant created,
    Instant updated,
    String publicId) {

  /** A builder preset with this value's fields, to change some of them by name. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .organizationId(organizationId)
        .environment(environment)
        .name(name)
        .externalId(externalId)
        .dataCollectionStartDate(dataCollectionStartDate)
        .isDemandEnabled(isDemandEnabled)
        .isImpliedMeteringEnabled(isImpliedMeteringEnabled)
        .impliedMeteringFraction(impliedMeteringFraction)
        .isBasicIdentifierMappingEnabled(isBasicIdentifierMappingEnabled)
        .isLowAccuracyModeEnabled(isLowAccuracyModeEnabled)
        .users(users)
        .created(created)
        .updated(updated)
        .publicId(publicId);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Company} by field name; unset fields are null, false or 0. */
  public static final class Builder {
    private UUID id;
    private UUID organizationId;
    private Environment environment;
    private String name;
    private String externalId;
    private LocalDate dataCollectionStartDate;
    private boolean isDemandEnabled;
    private boolean isImpliedMeteringEnabled;
    private BigDecimal impliedMeteringFraction;
    private boolean isBasicIdentifierMappingEnabled;
    private boolean isLowAccuracyModeEnabled;
    private List<String> users;
    private Instant created;
    private Instant updated;
    private String publicId;

    private Builder() {}

    public Builder id(UUID id) {
      this.id = id;
      return this;
    }

    public Builder organizationId(UUID organizationId) {
      this.organizationId = organizationId;
      return this;
    }

    public Builder environment(Environment environment) {
      this.environment = environment;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    public Builder dataCollectionStartDate(LocalDate dataCollectionStartDate) {
      this.dataCollectionStartDate = dataCollectionStartDate;
      return this;
    }

    public Builder isDemandEnabled(boolean isDemandEnabled) {
      this.isDemandEnabled = isDemandEnabled;
      return this;
    }

    public Builder isImpliedMeteringEnabled(boolean isImpliedMeteringEnabled) {
      this.isImpliedMeteringEnabled = isImpliedMeteringEnabled;
      return this;
    }

    public Builder impliedMeteringFraction(BigDecimal impliedMeteringFraction) {
      this.impliedMeteringFraction = impliedMeteringFraction;
      return this;
    }

    public Builder isBasicIdentifierMappingEnabled(boolean isBasicIdentifierMappingEnabled) {
      this.isBasicIdentifierMappingEnabled = isBasicIdentifierMappingEnabled;
      return this;
    }

    public Builder isLowAccuracyModeEnabled(boolean isLowAccuracyModeEnabled) {
      this.isLowAccuracyModeEnabled = isLowAccuracyModeEnabled;
      return this;
    }

    public Builder users(List<String> users) {
      this.users = users;
      return this;
    }

    public Builder created(Instant created) {
      this.created = created;
      return this;
    }

    public Builder updated(Instant updated) {
      this.updated = updated;
      return this;
    }

    /**
     * The id magic links and connection objects show ({@code publicCompanyId}): random, url-safe, and
     * unrelated to {@link #id}, which stays private to the organization's API keys.
     */
    public Builder publicId(String publicId) {
      this.publicId = publicId;
      return this;
    }

    public Company build() {
      return new Company(id, organizationId, environment, name, externalId, dataCollectionStartDate,
          isDemandEnabled, isImpliedMeteringEnabled, impliedMeteringFraction, isBasicIdentifierMappingEnabled,
          isLowAccuracyModeEnabled, users, created, updated, publicId);
    }
  }
}

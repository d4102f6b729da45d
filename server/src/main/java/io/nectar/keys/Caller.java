package io.nectar.keys;

import java.util.UUID;

/**
 * Who is calling: the organization and environment an authenticated key acts in. Services resolve
 * every id together with a caller, so that no object of another tenant is ever read or changed.
 */
public record Caller(UUID keyId, UUID organizationId, String organizationName, Environment environment) {

  /** True when an object of {@code organization} and {@code environment} is this caller's to see. */
  public boolean owns(UUID organization, Environment objectEnvironment) {
    return organizationId.equals(organization) && environment == objectEnvironment;
  }
}

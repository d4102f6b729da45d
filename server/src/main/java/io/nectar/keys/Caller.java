package io.nectar.keys;

import java.util.UUID;

/**
 * Who is calling: the organization and environment an authenticated key acts in. Services resolve
 * every id together with a caller, so that no object of another tenant is ever read or changed.
 */
public record Caller(UUID keyId, UUID organizationId, String organizationName, Environment environment) {

  /**
   * Acting for a tenant without a key: the hosted connection flow, where an invitation or a magic link
   * has proved which company the visitor may add to. Rate limits per key do not apply to it.
   */
  public static Caller acting(UUID organizationId, Environment environment) {
    return new Caller(null, organizationId, null, environment);
  }

  /** True when an object of {@code organization} and {@code environment} is this caller's to see. */
  public boolean owns(UUID organization, Environment objectEnvironment) {
    return organizationId.equals(organization) && environment == objectEnvironment;
  }
}

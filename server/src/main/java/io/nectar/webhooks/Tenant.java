package io.nectar.webhooks;

import io.nectar.keys.Caller;
import io.nectar.keys.Environment;
import java.util.UUID;

/** The organization and environment that webhook endpoints and messages belong to (CONTRACT §4). */
public record Tenant(UUID organizationId, Environment environment) {
  public static Tenant of(Caller caller) {
    return new Tenant(caller.organizationId(), caller.environment());
  }
}

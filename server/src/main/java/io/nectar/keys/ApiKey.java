package io.nectar.keys;

import java.time.Instant;
import java.util.UUID;

/** An API key as listed to its owner: everything but the secret, which only exists as a hash. */
public record ApiKey(
    UUID id,
    UUID organizationId,
    String organizationName,
    String name,
    Environment environment,
    String secretHint,
    Instant expires,
    Instant created,
    Instant lastUsed,
    Instant revoked) {

  public boolean isActiveAt(Instant now) {
    return revoked == null && (expires == null || now.isBefore(expires));
  }
}

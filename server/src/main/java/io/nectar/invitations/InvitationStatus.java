package io.nectar.invitations;

import java.time.Instant;

/**
 * Where an invitation stands (nectar-api.md §9.9). Computed, never stored, from the invitation's
 * revocation, uses and expiry, in this order of precedence: REVOKED beats FULFILLED beats EXPIRED
 * beats ACTIVE. So a revoked invitation reads REVOKED even once expired, and one that reached its
 * {@code maxUses} reads FULFILLED (what happened to it) rather than EXPIRED (what time did).
 */
public enum InvitationStatus {
  ACTIVE, EXPIRED, REVOKED, FULFILLED;

  /** The status of an invitation with these facts at {@code now}. */
  public static InvitationStatus of(Instant revokedAt, Integer maxUses, int useCount, Instant expiresAt,
      Instant now) {
    if (revokedAt != null) {
      return REVOKED;
    }
    if (maxUses != null && useCount >= maxUses) {
      return FULFILLED;
    }
    if (expiresAt != null && !now.isBefore(expiresAt)) {
      return EXPIRED;
    }
    return ACTIVE;
  }
}

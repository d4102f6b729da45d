package io.nectar.invitations;

import io.nectar.keys.Environment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An invitation as stored (without its token, of which only a hash is kept).
 *
 * @param connectionId the connection to fix, for EDIT_CONNECTION only
 * @param allowedEmails lower-case; empty: anyone with the link
 * @param expiresAt null: never
 * @param maxUses null: unlimited
 */
record Invitation(UUID id, UUID organizationId, Environment environment, UUID companyId, UUID connectionId,
    InvitationType type, List<String> allowedEmails, Instant expiresAt, Integer maxUses, int useCount,
    Prefill prefill, Instant revokedAt, Instant createdAt) {

  Invitation {
    allowedEmails = List.copyOf(allowedEmails);
  }

  InvitationStatus status(Instant now) {
    return InvitationStatus.of(revokedAt, maxUses, useCount, expiresAt, now);
  }

  /** A connection made through a CREATE_CONNECTION invitation, as the invitation object lists it. */
  record CreatedConnection(UUID id, String datasourceName, String status, Instant created) {}

  /** One entry of the invitation's event log. */
  record Event(UUID id, InvitationEventType type, String email, java.util.Map<String, String> metadata,
      Instant createdAt) {}
}

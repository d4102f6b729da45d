package io.nectar.hosted;

import io.nectar.invitations.Prefill;
import io.nectar.keys.Environment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One visit of the hosted connection flow, opened from an invitation or a legacy magic link: which
 * tenant and company it acts for, what the link fixed in advance, and how far the visitor got.
 *
 * @param allowedEmails the invitation's addresses when the visit began (lower-case); empty means anyone
 * @param prefill what the invitation or link filled in
 * @param targetConnectionId the connection a reconnect repairs; null when the visit creates connections
 * @param createdConnectionId the last connection this visit created
 * @param completedAt when a reconnect finished
 */
public record HostedSession(
    UUID id,
    UUID organizationId,
    Environment environment,
    UUID companyId,
    Entry entry,
    UUID invitationId,
    UUID targetConnectionId,
    UUID createdConnectionId,
    List<String> allowedEmails,
    Prefill prefill,
    String verifiedEmail,
    String pendingEmail,
    Instant emailCodeExpiresAt,
    int emailCodeAttempts,
    Instant completedAt,
    Instant createdAt,
    Instant expiresAt) {

  /** How the visit began. */
  public enum Entry { INVITATION, COMPANY_LINK, CONNECTION_LINK }

  public HostedSession {
    allowedEmails = List.copyOf(allowedEmails);
  }

  /** True when the visit repairs an existing connection (edit link or reconnect invitation). */
  public boolean isReconnect() {
    return targetConnectionId != null;
  }
}

package io.nectar.hosted;

import io.nectar.invitations.EmailProof;
import io.nectar.invitations.HostedInvitation;
import io.nectar.invitations.InvitationEventType;
import io.nectar.invitations.InvitationService;
import io.nectar.invitations.InvitationStatus;
import io.nectar.invitations.InvitationType;
import io.nectar.invitations.MagicLinks;
import io.nectar.invitations.Prefill;
import io.nectar.keys.Branding;
import io.nectar.keys.KeyService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * How a visit of the hosted flow begins: an invitation or a legacy magic link is checked and opened
 * into a visit, whose random token only the visitor's page address holds (the database keeps its
 * SHA-256); and how a later request finds its visit again by that token.
 */
public final class HostedEntry {
  /** How long a visit lives after it began: long enough to find a bill for its account number. */
  static final java.time.Duration VISIT_LIFETIME = java.time.Duration.ofHours(4);

  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final InvitationService invitations;
  private final EmailProof proofs;
  private final MagicLinks links;
  private final KeyService keys;
  private final HostedSessionStore store;
  private final SecureRandom random = new SecureRandom();

  HostedEntry(Jdbi jdbi, Clock clock, Supplier<UUID> ids, InvitationService invitations, EmailProof proofs,
      MagicLinks links, KeyService keys, HostedSessionStore store) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ids = ids;
    this.invitations = invitations;
    this.proofs = proofs;
    this.links = links;
    this.keys = keys;
    this.store = store;
  }

  /**
   * Opens the invitation of {@code token}. With the {@code email} and {@code proof} of the link an
   * invitation e-mail carries, that address counts as verified.
   */
  public Opening openInvitation(String token, String email, String proof) {
    Optional<HostedInvitation> found = invitations.findByToken(token);
    if (found.isEmpty()) {
      return Opening.closed(Opening.Closed.UNKNOWN, null);
    }
    HostedInvitation invitation = found.get();
    Branding branding = keys.branding(invitation.organizationId());
    if (invitation.status() != InvitationStatus.ACTIVE) {
      return Opening.closed(Opening.Closed.valueOf(invitation.status().name()), branding);
    }
    String address = EmailCheck.normalEmail(email);
    boolean proven = address != null && proof != null && invitation.allowedEmails().contains(address)
        && proofs.verify(invitation.id(), address, proof);
    HostedSession session = newSession(invitation.organizationId(), invitation, HostedSession.Entry.INVITATION,
        invitation.companyId(), invitation.id(),
        invitation.type() == InvitationType.EDIT_CONNECTION ? invitation.connectionId() : null,
        invitation.allowedEmails(), invitation.prefill(), proven ? address : null);
    invitations.recordEvent(invitation.id(), InvitationEventType.VIEWED, null, Map.of());
    if (proven) {
      invitations.recordEvent(invitation.id(), InvitationEventType.EMAIL_VERIFIED, address,
          Map.of("method", "link"));
    }
    return Opening.open(begin(session), branding);
  }

  /** Opens a legacy company magic link: anyone holding it may connect utilities for the company. */
  public Opening openCompanyLink(String publicCompanyId, String secret) {
    return links.openCompanyLink(publicCompanyId, secret)
        .map(link -> Opening.open(begin(newSession(link.organizationId(), link.environment(),
            HostedSession.Entry.COMPANY_LINK, link.companyId(), null, null, List.of(), link.prefill(), null)),
            keys.branding(link.organizationId())))
        .orElse(Opening.closed(Opening.Closed.UNKNOWN, null));
  }

  /** Opens a legacy edit magic link: its holder may give the connection new credentials. */
  public Opening openConnectionLink(String publicCompanyId, String secret) {
    return links.openConnectionLink(publicCompanyId, secret)
        .map(link -> Opening.open(begin(newSession(link.organizationId(), link.environment(),
            HostedSession.Entry.CONNECTION_LINK, link.companyId(), null, link.connectionId(), List.of(),
            Prefill.NONE, null)), keys.branding(link.organizationId())))
        .orElse(Opening.closed(Opening.Closed.UNKNOWN, null));
  }

  /** The live visit whose token this is. */
  public Optional<HostedSession> session(String token) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> store.find(h, tokenHash(token), clock.instant()));
  }

  private HostedSession newSession(UUID organizationId, io.nectar.keys.Environment environment,
      HostedSession.Entry entry, UUID companyId, UUID invitationId, UUID target, List<String> allowed,
      Prefill prefill, String verifiedEmail) {
    Instant now = now();
    return new HostedSession(ids.get(), organizationId, environment, companyId, entry, invitationId, target, null,
        allowed, prefill, verifiedEmail, null, null, 0, null, now, now.plus(VISIT_LIFETIME));
  }

  private HostedSession newSession(UUID organizationId, HostedInvitation invitation, HostedSession.Entry entry,
      UUID companyId, UUID invitationId, UUID target, List<String> allowed, Prefill prefill, String verifiedEmail) {
    return newSession(organizationId, invitation.environment(), entry, companyId, invitationId, target, allowed,
        invitation.type() == InvitationType.CREATE_CONNECTION ? prefill : Prefill.NONE, verifiedEmail);
  }

  /** Stores the visit and gives its token, which only the visitor's page address holds from now on. */
  private String begin(HostedSession session) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    jdbi.useTransaction(h -> store.insert(h, session, tokenHash(token)));
    return token;
  }

  private static byte[] tokenHash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

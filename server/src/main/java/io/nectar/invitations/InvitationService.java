package io.nectar.invitations;

import io.nectar.companies.Company;
import io.nectar.companies.CompanyService;
import io.nectar.connections.Connection;
import io.nectar.connections.ConnectionService;
import io.nectar.errors.Conflict;
import io.nectar.errors.InvalidInput;
import io.nectar.errors.NotFound;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import io.nectar.keys.Caller;
import io.nectar.sites.Site;
import io.nectar.sites.SiteService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Invitations (nectar-api.md §11.1): made, listed, read and revoked by API callers of the company's
 * organization and environment; opened, watched and used by the hosted pages through their token.
 *
 * <p>A token is 32 random bytes (base64url, 43 characters). Only its SHA-256 is stored, so the token
 * and the {@code invitationUrl} holding it are shown once, in the create response, as an API key's
 * secret is; every later read shows them as null.
 */
public final class InvitationService {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder TOKEN_ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** An invitation with what its object shows: its status now, its connections, and (detail only) events. */
  record Details(Invitation invitation, InvitationStatus status, List<Invitation.CreatedConnection> connections,
      List<Invitation.Event> events) {}

  /** A new invitation with its token (shown once) and what became of its e-mails. */
  record Created(Details details, String token, String invitationUrl, List<InvitationMails.Delivery> deliveries) {}

  /** A page of invitations and where it falls. */
  record InvitationPage(List<Details> invitations, PageWindow window) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final CompanyService companies;
  private final SiteService sites;
  private final ConnectionService connections;
  private final InvitationMails mails;
  private final String publicUrl;
  private final InvitationStore store = new InvitationStore();
  private final SecureRandom random = new SecureRandom();

  public InvitationService(Jdbi jdbi, Clock clock, Supplier<UUID> ids, CompanyService companies, SiteService sites,
      ConnectionService connections, io.nectar.mail.Mailer mailer, EmailProof proofs, String publicUrl) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ids = ids;
    this.companies = companies;
    this.sites = sites;
    this.connections = connections;
    this.mails = new InvitationMails(mailer, proofs);
    this.publicUrl = publicUrl;
  }

  /** A CREATE_CONNECTION invitation for the company; the company is checked before the body is read. */
  Created createForCompany(Caller caller, UUID companyId, Supplier<InvitationInput> body) {
    return create(caller, InvitationType.CREATE_CONNECTION, h -> new Target(companies.requireOwned(h, caller,
        companyId), null), body, apiKey(caller));
  }

  /** An EDIT_CONNECTION (reconnect) invitation for one connection of the caller's. */
  Created createForConnection(Caller caller, UUID connectionId, Supplier<InvitationInput> body) {
    return create(caller, InvitationType.EDIT_CONNECTION, h -> {
      Connection connection = connections.requireOwned(h, caller, connectionId);
      return new Target(companies.requireOwned(h, caller, connection.companyId()), connection);
    }, body, apiKey(caller));
  }

  private record Target(Company company, Connection connection) {}

  @FunctionalInterface
  private interface TargetLookup {
    Target find(Handle h);
  }

  private static Map<String, String> apiKey(Caller caller) {
    return Map.of("apiKeyId", caller.keyId().toString());
  }

  private Created create(Caller caller, InvitationType type, TargetLookup lookup, Supplier<InvitationInput> body,
      Map<String, String> actor) {
    String token = TOKEN_ENCODER.encodeToString(randomBytes());
    Instant now = now();
    record Made(Invitation invitation, Company company, InvitationInput.Delivery delivery) {}
    Made made = jdbi.inTransaction(h -> {
      Target target = lookup.find(h);
      InvitationInput input = body.get();
      checkPrefill(h, target.company(), input.prefill());
      Invitation invitation = new Invitation(ids.get(), target.company().organizationId(),
          target.company().environment(), target.company().id(),
          target.connection() == null ? null : target.connection().id(), type, input.allowedEmails(),
          input.expiresInSeconds() == null ? null : now.plusSeconds(input.expiresInSeconds()), input.maxUses(), 0,
          input.prefill(), null, now);
      store.insert(h, invitation, hash(token));
      event(h, invitation.id(), InvitationEventType.CREATED, null, actor);
      return new Made(invitation, target.company(), input.delivery());
    });
    Invitation invitation = made.invitation();
    String url = invitationUrl(token);
    // E-mails leave only once the invitation is committed: a link must never reach someone before it works.
    List<InvitationMails.Delivery> deliveries = List.of();
    if (made.delivery() == InvitationInput.Delivery.SEND_EMAIL && !invitation.allowedEmails().isEmpty()) {
      deliveries = mails.send(new InvitationMails.Invite(invitation.id(), caller.organizationName(),
          made.company().name(), type, url, invitation.expiresAt()), invitation.allowedEmails());
      List<InvitationMails.Delivery> outcomes = deliveries;
      jdbi.useTransaction(h -> outcomes.forEach(d -> event(h, invitation.id(),
          d.status() == InvitationMails.Outcome.SENT ? InvitationEventType.EMAIL_SENT
              : InvitationEventType.EMAIL_FAILED, d.email(),
          d.detail() == null ? Map.of() : Map.of("status", d.status().name(), "detail", d.detail()))));
    }
    Details details = jdbi.inTransaction(h -> details(h, invitation, false));
    return new Created(details, token, url, deliveries);
  }

  /** The prefill's sites must be the company's, and its start date within the server's bounds. */
  private void checkPrefill(Handle h, Company company, Prefill prefill) {
    if (prefill.dataCollectionStartDate() != null) {
      companies.collectionStartDates().require("prefill.dataCollectionStartDate", prefill.dataCollectionStartDate());
    }
    if (!prefill.initialSites().isEmpty()) {
      Set<UUID> own = sites.byCompanies(h, List.of(company.id())).stream().map(Site::id).collect(Collectors.toSet());
      Set<UUID> foreign = new LinkedHashSet<>(prefill.initialSites());
      foreign.removeAll(own);
      if (!foreign.isEmpty()) {
        throw InvalidInput.field("prefill.initialSites", "No site of this company has the id(s) " + foreign + ".");
      }
    }
  }

  InvitationPage list(Caller caller, UUID companyId, PageRequest page) {
    return jdbi.inTransaction(h -> {
      companies.requireOwned(h, caller, companyId);
      PageWindow window = page.window(store.count(h, companyId));
      List<Invitation> rows = store.page(h, companyId, window.offset(), window.limit());
      Map<UUID, List<Invitation.CreatedConnection>> made = store.createdConnections(h,
          rows.stream().map(Invitation::id).toList());
      Instant now = clock.instant();
      return new InvitationPage(rows.stream().map(i -> new Details(i, i.status(now),
          made.getOrDefault(i.id(), List.of()), List.of())).toList(), window);
    });
  }

  /** The invitation with its event log: 404 when there is none, 403 when it is another tenant's. */
  Details get(Caller caller, UUID id) {
    return jdbi.inTransaction(h -> details(h, requireOwned(h, caller, id), true));
  }

  /** Revokes it (again: no change, the first revocation stands) and shows it, now REVOKED. */
  Details revoke(Caller caller, UUID id, Runnable checkBody) {
    return revoke(caller, id, checkBody, apiKey(caller));
  }

  private Details revoke(Caller caller, UUID id, Runnable checkBody, Map<String, String> actor) {
    return jdbi.inTransaction(h -> {
      requireOwned(h, caller, id);
      checkBody.run();
      if (store.revoke(h, id, now())) {
        event(h, id, InvitationEventType.REVOKED, null, actor);
      }
      return details(h, store.find(h, id).orElseThrow(), true);
    });
  }

  private Invitation requireOwned(Handle h, Caller caller, UUID id) {
    Invitation invitation = store.find(h, id).orElseThrow(() -> new NotFound("Invitation"));
    companies.requireOwnedChild(h, caller, invitation.companyId(), "Invitation");
    return invitation;
  }

  private Details details(Handle h, Invitation invitation, boolean withEvents) {
    return new Details(invitation, invitation.status(clock.instant()),
        store.createdConnections(h, List.of(invitation.id())).getOrDefault(invitation.id(), List.of()),
        withEvents ? store.events(h, invitation.id()) : List.of());
  }

  // ---- The dashboard's side: a signed-in user instead of a key, named in the event log by {@code actor} ----

  /** What the dashboard shows of an invitation. */
  public record Summary(UUID id, InvitationType type, InvitationStatus status, UUID connectionId,
      List<String> allowedEmails, Instant expiresAt, Integer maxUses, int useCount, Instant createdAt,
      int connectionsMade) {}

  /** A page of summaries and where it falls. */
  public record SummaryPage(List<Summary> invitations, PageWindow window) {}

  /** A new invitation, its link (shown this once) and the addresses its e-mail reached or not. */
  public record Issued(Summary invitation, String invitationUrl, List<String> emailed, List<String> notEmailed) {}

  /** Whether a new invitation's allowed addresses are e-mailed their link. */
  public enum Mailing { SEND_EMAIL, NONE }

  /** The company's invitations, newest first, as {@code GET /invitation/company/{id}} pages them. */
  public SummaryPage summaries(Caller caller, UUID companyId, PageRequest page) {
    InvitationPage found = list(caller, companyId, page);
    return new SummaryPage(found.invitations().stream().map(InvitationService::summary).toList(), found.window());
  }

  /**
   * A CREATE_CONNECTION invitation for the company, made from the dashboard: the same checks as the
   * API's (the limits of {@code InvitationInput}), with {@code actor} (e.g. the user's id) in its log.
   */
  public Issued issue(Caller caller, UUID companyId, List<String> allowedEmails, Long expiresInSeconds,
      Integer maxUses, Mailing mailing, Map<String, String> actor) {
    return issued(create(caller, InvitationType.CREATE_CONNECTION,
        h -> new Target(companies.requireOwned(h, caller, companyId), null),
        dashboardInput(allowedEmails, expiresInSeconds, maxUses, mailing, InvitationType.CREATE_CONNECTION), actor));
  }

  /**
   * An EDIT_CONNECTION (reconnect) invitation for one of the caller's connections, made from the
   * dashboard: {@code POST /invitation/connection/{id}}'s checks, with {@code actor} in its log.
   */
  public Issued issueReconnect(Caller caller, UUID connectionId, List<String> allowedEmails, Long expiresInSeconds,
      Integer maxUses, Mailing mailing, Map<String, String> actor) {
    return issued(create(caller, InvitationType.EDIT_CONNECTION, h -> {
      Connection connection = connections.requireOwned(h, caller, connectionId);
      return new Target(companies.requireOwned(h, caller, connection.companyId()), connection);
    }, dashboardInput(allowedEmails, expiresInSeconds, maxUses, mailing, InvitationType.EDIT_CONNECTION), actor));
  }

  /** The dashboard form's values read as the API reads a body, so both apply one rule set. */
  private static Supplier<InvitationInput> dashboardInput(List<String> allowedEmails, Long expiresInSeconds,
      Integer maxUses, Mailing mailing, InvitationType type) {
    Map<String, Object> body = new LinkedHashMap<>();
    // Absent rather than null: each field then takes the API's default.
    if (!allowedEmails.isEmpty()) {
      body.put("allowedEmails", allowedEmails);
    }
    if (expiresInSeconds != null) {
      body.put("expiresInSeconds", expiresInSeconds);
    }
    if (maxUses != null) {
      body.put("maxUses", maxUses);
    }
    body.put("sendEmail", mailing == Mailing.SEND_EMAIL);
    return () -> InvitationInput.read(new io.nectar.http.Fields(new io.nectar.http.RequestBody(
        io.nectar.http.Json.MAPPER.valueToTree(body), false)), type);
  }

  private static Issued issued(Created created) {
    return new Issued(summary(created.details()), created.invitationUrl(),
        created.deliveries().stream().filter(d -> d.status() == InvitationMails.Outcome.SENT)
            .map(InvitationMails.Delivery::email).toList(),
        created.deliveries().stream().filter(d -> d.status() != InvitationMails.Outcome.SENT)
            .map(InvitationMails.Delivery::email).toList());
  }

  /** Revokes the invitation from the dashboard, {@code actor} named in its log. */
  public Summary revoke(Caller caller, UUID id, Map<String, String> actor) {
    return summary(revoke(caller, id, () -> { }, actor));
  }

  private static Summary summary(Details d) {
    Invitation i = d.invitation();
    return new Summary(i.id(), i.type(), d.status(), i.connectionId(), i.allowedEmails(), i.expiresAt(), i.maxUses(),
        i.useCount(), i.createdAt(), d.connections().size());
  }

  // ---- The public side, for the hosted pages (no API caller) ----

  /** The invitation whose token this is, with its status now; empty for an unknown or malformed token. */
  public Optional<HostedInvitation> findByToken(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return jdbi.inTransaction(h -> store.findByTokenHash(h, hash(token))
        .flatMap(i -> companies.find(h, i.companyId()).map(company -> new HostedInvitation(i.id(),
            i.organizationId(), i.environment(), i.companyId(), company.name(), i.type(), i.connectionId(),
            i.status(clock.instant()), i.allowedEmails(), i.prefill()))));
  }

  /** Adds an entry to the invitation's event log, in a transaction of its own. */
  public void recordEvent(UUID invitationId, InvitationEventType type, String email, Map<String, String> metadata) {
    jdbi.useTransaction(h -> event(h, invitationId, type, email, metadata));
  }

  /**
   * In the caller's transaction (the one that creates or updates the connection): counts one use,
   * links the connection (createdConnections, for CREATE_CONNECTION) and records USED.
   *
   * @throws Conflict when the invitation is no longer ACTIVE (revoked, used up, expired, or gone), so
   *     that the caller's whole transaction rolls back
   * @throws IllegalArgumentException when an EDIT_CONNECTION invitation is used on another connection
   */
  public void recordUse(Handle h, UUID invitationId, UUID connectionId, String email) {
    Invitation invitation = store.find(h, invitationId).orElseThrow(() -> new Conflict(
        "This invitation no longer exists."));
    if (invitation.type() == InvitationType.EDIT_CONNECTION && !invitation.connectionId().equals(connectionId)) {
      throw new IllegalArgumentException("Invitation " + invitationId + " is for connection "
          + invitation.connectionId() + ", not " + connectionId);
    }
    Instant now = now();
    if (!store.use(h, invitationId, now)) {
      InvitationStatus status = store.find(h, invitationId).map(i -> i.status(clock.instant()))
          .orElse(InvitationStatus.REVOKED);
      throw new Conflict("This invitation can no longer be used: it is " + status + ".");
    }
    if (invitation.type() == InvitationType.CREATE_CONNECTION) {
      store.linkConnection(h, invitationId, connectionId, now);
    }
    event(h, invitationId, InvitationEventType.USED, email, Map.of("connectionId", connectionId.toString()));
  }

  /** Where the hosted flow opens the invitation of {@code token}. */
  public String invitationUrl(String token) {
    return publicUrl + "/p/i/" + token;
  }

  private void event(Handle h, UUID invitationId, InvitationEventType type, String email,
      Map<String, String> metadata) {
    store.insertEvent(h, invitationId, new Invitation.Event(ids.get(), type, email,
        metadata == null ? Map.of() : new LinkedHashMap<>(metadata), now()));
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return bytes;
  }

  /** SHA-256 hex of the token: what the store keeps and looks up by. */
  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

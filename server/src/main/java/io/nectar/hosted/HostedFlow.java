package io.nectar.hosted;

import io.nectar.connections.Connection;
import io.nectar.connections.HostedConnections;
import io.nectar.errors.Conflict;
import io.nectar.errors.InvalidInput;
import io.nectar.invitations.EmailProof;
import io.nectar.invitations.InvitationEventType;
import io.nectar.invitations.InvitationService;
import io.nectar.invitations.MagicLinks;
import io.nectar.jobs.Job;
import io.nectar.jobs.JobService;
import io.nectar.keys.Branding;
import io.nectar.keys.KeyService;
import io.nectar.mail.MailFailure;
import io.nectar.providers.ConnectionStatus;
import io.nectar.providers.MfaAnswer;
import io.nectar.providers.ProviderRegistry;
import io.nectar.sites.SiteService;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosted connection flow's rules: opening an invitation or magic link into a visit, the e-mail
 * check, connecting or repairing a utility login, the one-time code, and uploading bills instead.
 * Every action answers with nothing (done: show the next step) or a notice for the visitor in plain
 * words. Passwords pass through to the connection's sealed column and are never kept, logged or shown.
 */
public final class HostedFlow {
  private static final Logger log = LoggerFactory.getLogger(HostedFlow.class);
  private static final String WRONG_LOGIN = "Your utility did not accept that username and password. Check both "
      + "(they are the ones you use on its website) and try again.";
  private static final String ODD_USERNAME = "That username has characters a utility login cannot have (or is "
      + "over 255 characters). Type it as you do on your utility's website.";
  private static final String TOO_MANY = "Too many attempts in a short time. Wait a quarter of an hour and try again.";

  /** What the visitor asked to see: a picked utility, a search of the list, the upload page, another connection. */
  public record VisitQuery(String utility, String search, boolean upload, boolean another) {
    public static final VisitQuery DEFAULT = new VisitQuery(null, null, false, false);
  }

  /** The account holder's login as the form sent it. */
  public record LoginForm(String url, String username, String password, List<UUID> sites, String country) {
    @Override
    public String toString() {
      return "LoginForm[" + url + ", " + username + "]";
    }
  }

  private final Jdbi jdbi;
  private final Clock clock;
  private final InvitationService invitations;
  private final io.nectar.companies.CompanyService companies;
  private final SiteService sites;
  private final HostedConnections connections;
  private final ProviderRegistry providers;
  private final JobService jobs;
  private final KeyService keys;
  private final EmailCheck emails;
  private final HostedSessionStore store = new HostedSessionStore();
  private final AttemptLimits limits;
  private final HostedEntry entry;

  public HostedFlow(Jdbi jdbi, Clock clock, Supplier<UUID> ids, InvitationService invitations, EmailProof proofs,
      MagicLinks links, io.nectar.companies.CompanyService companies, SiteService sites,
      HostedConnections connections, ProviderRegistry providers,
      JobService jobs, KeyService keys, io.nectar.mail.Mailer mailer) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.invitations = invitations;
    this.companies = companies;
    this.sites = sites;
    this.connections = connections;
    this.providers = providers;
    this.jobs = jobs;
    this.keys = keys;
    this.emails = new EmailCheck(mailer);
    this.limits = new AttemptLimits(jdbi, clock, store);
    this.entry = new HostedEntry(jdbi, clock, ids, invitations, proofs, links, keys, store);
  }

  /** Forgets visits past their lifetime and attempts past every window; run by the server's housekeeping. */
  public void purgeExpired() {
    limits.purge();
  }

  /** Opening invitations and magic links into visits, and finding a visit by its token. */
  public HostedEntry entry() {
    return entry;
  }

  // ---- What the visitor sees ----

  public Visit visit(HostedSession s, VisitQuery query, String notice) {
    Branding branding = keys.branding(s.organizationId());
    String companyName = jdbi.withHandle(h -> companyName(h, s));
    Optional<Connection> target = Optional.ofNullable(s.targetConnectionId()).flatMap(connections::find);
    Optional<Connection> created = Optional.ofNullable(s.createdConnectionId()).flatMap(connections::find);
    List<Visit.Utility> utilities = utilities(s, query.search());
    Visit.Utility chosen = chosenUtility(s, query.utility());
    List<Visit.SiteChoice> siteChoices = s.prefill().initialSites().isEmpty()
        ? jdbi.withHandle(h -> sites.byCompanies(h, List.of(s.companyId()))).stream()
            .map(site -> new Visit.SiteChoice(site.id(), site.name(), site.address())).toList()
        : List.of();
    Step step;
    Optional<Connection> shown = s.isReconnect() ? target : created;
    if (!s.allowedEmails().isEmpty() && s.verifiedEmail() == null) {
      step = s.pendingEmail() == null ? Step.EMAIL : Step.EMAIL_CODE;
    } else if (s.isReconnect()) {
      step = s.completedAt() != null ? Step.DONE
          : target.map(c -> c.status() == ConnectionStatus.MFA_TOKEN_EXPIRED ? Step.MFA : Step.CREDENTIALS)
              .orElse(Step.DONE);
    } else if (query.upload()) {
      step = Step.UPLOAD;
    } else if (created.isPresent() && !query.another() && blank(query.utility())) {
      // A utility picked after "connect another" opens its form; the bare address shows the outcome.
      step = created.get().status() == ConnectionStatus.MFA_TOKEN_EXPIRED ? Step.MFA : Step.DONE;
    } else {
      step = chosen == null ? Step.UTILITY : Step.CREDENTIALS;
    }
    return new Visit(s, branding, companyName, step, shown, utilities, chosen, siteChoices, !s.isReconnect(),
        notice);
  }

  // ---- E-mail check ----

  /** The visitor's address: a code goes to it if the invitation is for it. */
  public Optional<String> submitEmail(HostedSession s, String email, String clientAddress) {
    String address = EmailCheck.normalEmail(email);
    if (address == null) {
      return Optional.of("Enter your e-mail address, e.g. name@example.com.");
    }
    if (!s.allowedEmails().contains(address)) {
      invitations.recordEvent(s.invitationId(), InvitationEventType.EMAIL_REFUSED, address, Map.of());
      return Optional.of("This invitation is for a different e-mail address. Use the address it was sent to, "
          + "or ask the sender to invite " + address + ".");
    }
    if (!emails.canSend()) {
      log.warn("A visitor of invitation {} needs an e-mail code but no SMTP server is configured (NECTAR_SMTP_URL)",
          s.invitationId());
      return Optional.of("This server cannot send e-mail yet, so it cannot check your address. Ask the sender "
          + "for a link from their invitation e-mail, or for an invitation without an address check.");
    }
    if (!limits.tryAttempt(AttemptLimits.CODES_SENT_PER_LINK, link(s), AttemptLimits.CODES_SENT_PER_ADDRESS,
        clientAddress)) {
      return Optional.of(TOO_MANY);
    }
    String code = emails.newCode();
    try {
      emails.send(address, code, keys.branding(s.organizationId()), jdbi.withHandle(h -> companyName(h, s)));
    } catch (MailFailure e) {
      log.warn("Could not send an e-mail code for invitation {}: {}", s.invitationId(), e.getMessage());
      return Optional.of("The code could not be sent just now. Try again in a few minutes.");
    }
    jdbi.useTransaction(h -> store.pendCode(h, s.id(), address, EmailCheck.hash(s.id(), code),
        now().plus(EmailCheck.CODE_LIFETIME)));
    invitations.recordEvent(s.invitationId(), InvitationEventType.EMAIL_VERIFICATION_SENT, address, Map.of());
    return Optional.empty();
  }

  /** The code from the e-mail. */
  public Optional<String> submitCode(HostedSession s, String code) {
    String typed = code == null ? "" : code.replaceAll("\\s", "");
    Optional<byte[]> expected = jdbi.inTransaction(h -> store.tryCode(h, s.id(), EmailCheck.CODE_TRIES, now()));
    if (expected.isEmpty()) {
      return Optional.of("That code has expired or was tried too many times. Ask for a new one.");
    }
    if (!typed.matches("[0-9]{6}") || !MessageDigest.isEqual(expected.get(), EmailCheck.hash(s.id(), typed))) {
      return Optional.of("That is not the code we sent. Check the e-mail and try again.");
    }
    jdbi.useTransaction(h -> store.verify(h, s.id(), s.pendingEmail()));
    invitations.recordEvent(s.invitationId(), InvitationEventType.EMAIL_VERIFIED, s.pendingEmail(),
        Map.of("method", "code"));
    return Optional.empty();
  }

  /** Back to the address form, e.g. to correct a mistyped address. */
  public void restartEmail(HostedSession s) {
    jdbi.useTransaction(h -> store.pendCode(h, s.id(), null, null, null));
  }

  // ---- Connecting ----

  /** A new connection with the visitor's login; a refused login saves nothing and asks again. */
  public Optional<String> connect(HostedSession s, LoginForm form, String clientAddress) {
    requireEmailChecked(s);
    if (s.isReconnect()) {
      return Optional.of("This link repairs an existing connection; enter its new password instead.");
    }
    Visit.Utility utility = chosenUtility(s, form.url());
    if (utility == null) {
      return Optional.of("Pick your utility from the list.");
    }
    if (blank(form.username()) || blank(form.password())) {
      return Optional.of("Enter both the username and the password you use on your utility's website.");
    }
    if (unusableUsername(form.username().trim())) {
      return Optional.of(ODD_USERNAME);
    }
    List<UUID> chosenSites = s.prefill().initialSites().isEmpty() ? form.sites() : s.prefill().initialSites();
    if (chosenSites.isEmpty()) {
      return Optional.of("Choose at least one site this account supplies.");
    }
    String country = s.prefill().country() != null ? s.prefill().country() : form.country();
    if (country == null || !country.matches("[A-Za-z]{2}")) {
      return Optional.of("Choose the country of the account.");
    }
    if (!limits.tryAttempt(AttemptLimits.LOGINS_PER_LINK, link(s), AttemptLimits.LOGINS_PER_ADDRESS, clientAddress)) {
      return Optional.of(TOO_MANY);
    }
    String owner = s.prefill().connectionOwnerEmail() != null ? s.prefill().connectionOwnerEmail() : s.verifiedEmail();
    HostedConnections.Login login = new HostedConnections.Login(utility.url(), form.username().trim(),
        form.password(), chosenSites, country.toUpperCase(Locale.ROOT), s.prefill().utilityTypes(),
        s.prefill().dataCollectionStartDate(), owner);
    try {
      HostedConnections.Outcome outcome = connections.connect(s.companyId(), s.environment(), login,
          (h, connectionId) -> {
            if (s.invitationId() != null) {
              invitations.recordUse(h, s.invitationId(), connectionId, s.verifiedEmail());
            }
            store.created(h, s.id(), connectionId);
          });
      return outcome.refused() ? Optional.of(WRONG_LOGIN) : Optional.empty();
    } catch (InvalidInput e) {
      return Optional.of(plain(e));
    } catch (Conflict e) {
      return Optional.of(e.detail());
    }
  }

  /** New credentials for the connection a reconnect visit repairs. */
  public Optional<String> reconnect(HostedSession s, String username, String password, String clientAddress) {
    requireEmailChecked(s);
    if (!s.isReconnect() || s.completedAt() != null) {
      return Optional.of("There is no connection to repair on this page.");
    }
    if (blank(username) || blank(password)) {
      return Optional.of("Enter both the username and the password you use on your utility's website.");
    }
    if (unusableUsername(username.trim())) {
      return Optional.of(ODD_USERNAME);
    }
    if (!limits.tryAttempt(AttemptLimits.LOGINS_PER_LINK, link(s), AttemptLimits.LOGINS_PER_ADDRESS, clientAddress)) {
      return Optional.of(TOO_MANY);
    }
    try {
      HostedConnections.Outcome outcome = connections.reconnect(s.targetConnectionId(), username.trim(), password,
          (h, connectionId) -> completeRepair(h, s, connectionId));
      return outcome.refused() ? Optional.of(WRONG_LOGIN) : Optional.empty();
    } catch (Conflict e) {
      return Optional.of(e.detail());
    }
  }

  /** The one-time code the utility asked for, for the connection this visit made or repairs. */
  public Optional<String> answerMfa(HostedSession s, String code, String clientAddress) {
    requireEmailChecked(s);
    UUID connectionId = s.isReconnect() ? s.targetConnectionId() : s.createdConnectionId();
    if (connectionId == null) {
      return Optional.of("There is no login waiting for a code on this page.");
    }
    if (!limits.tryAttempt(AttemptLimits.MFA_PER_CONNECTION, connectionId.toString(),
        AttemptLimits.LOGINS_PER_ADDRESS, clientAddress)) {
      return Optional.of(TOO_MANY);
    }
    String typed = code == null ? "" : code.replaceAll("\\s", "");
    try {
      MfaAnswer answer = connections.answerMfa(connectionId, typed, (h, id) -> {
        if (s.isReconnect()) {
          completeRepair(h, s, id);
        }
      });
      return answer.isAccepted() ? Optional.empty() : Optional.of(answer.validation().errorDetail());
    } catch (Conflict e) {
      return Optional.of(e.detail());
    }
  }

  private void completeRepair(org.jdbi.v3.core.Handle h, HostedSession s, UUID connectionId) {
    if (s.invitationId() != null) {
      invitations.recordUse(h, s.invitationId(), connectionId, s.verifiedEmail());
    }
    store.completed(h, s.id(), now());
  }

  // ---- Uploading bills instead ----

  /** What an upload gave: a job per file, or a notice and none. */
  public record Uploaded(List<Job> jobs, String notice) {}

  /** Bills uploaded instead of connecting: one job each, for the visit's company. */
  public Uploaded upload(HostedSession s, List<NamedFile> files, String clientAddress) {
    requireEmailChecked(s);
    if (s.isReconnect()) {
      return new Uploaded(List.of(), "This link repairs a connection; it does not take bills.");
    }
    if (files.isEmpty()) {
      return new Uploaded(List.of(), "Choose one or more bills (PDF, PNG or JPEG) to upload.");
    }
    if (!limits.tryAttempt(AttemptLimits.UPLOADS_PER_LINK, link(s), AttemptLimits.UPLOADS_PER_ADDRESS,
        clientAddress)) {
      return new Uploaded(List.of(), TOO_MANY);
    }
    List<Job> submitted = files.stream().map(file -> jobs.submitHostedFile(s.organizationId(), s.environment(),
        s.companyId(), file.name(), file.bytes())).toList();
    if (s.invitationId() != null) {
      submitted.forEach(job -> invitations.recordEvent(s.invitationId(), InvitationEventType.UPLOADED,
          s.verifiedEmail(), Map.of("jobId", job.id().toString())));
    }
    return new Uploaded(submitted, null);
  }

  /** The visit's company's jobs among {@code ids}: the upload page's progress. */
  public List<Job> jobs(HostedSession s, List<UUID> jobIds) {
    return jobs.jobsOf(s.companyId(), jobIds);
  }

  /** A file the visitor uploads. */
  public record NamedFile(String name, byte[] bytes) {
    @Override
    public String toString() {
      return "NamedFile[" + name + ", " + bytes.length + " bytes]";
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** A username no utility login has: control characters (a NUL cannot even be stored) or over 255 characters. */
  private static boolean unusableUsername(String username) {
    return username.length() > 255 || username.chars().anyMatch(Character::isISOControl);
  }

  // ---- Helpers ----

  /** What this server can collect from in the visit's environment, the sandbox first, matching the search. */
  private List<Visit.Utility> utilities(HostedSession s, String search) {
    String needle = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
    return providers.all().stream()
        .filter(p -> s.environment() == io.nectar.keys.Environment.PRODUCTION
            || p.rootUrl().equals(io.nectar.connections.ConnectionService.SANDBOX_URL))
        .map(p -> new Visit.Utility(p.name(), p.rootUrl()))
        .filter(u -> needle.isEmpty() || u.name().toLowerCase(Locale.ROOT).contains(needle)
            || u.url().toLowerCase(Locale.ROOT).contains(needle))
        .toList();
  }

  /** The utility the link fixed, else the one picked ({@code url}) if this server collects from it. */
  private Visit.Utility chosenUtility(HostedSession s, String url) {
    String wanted = s.prefill().url() != null ? s.prefill().url() : url;
    if (wanted == null || wanted.isBlank()) {
      return null;
    }
    return providers.find(wanted).flatMap(p -> utilities(s, null).stream()
        .filter(u -> u.url().equals(p.rootUrl())).findFirst()).orElse(null);
  }

  private String companyName(org.jdbi.v3.core.Handle h, HostedSession s) {
    return companies.find(h, s.companyId()).map(io.nectar.companies.Company::name).orElse("");
  }



  private void requireEmailChecked(HostedSession s) {
    if (!s.allowedEmails().isEmpty() && s.verifiedEmail() == null) {
      throw new IllegalStateException("the e-mail check comes first");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** What the attempt limits count a visit's tries against: its invitation, link or connection. */
  private static String link(HostedSession s) {
    return s.invitationId() != null ? "invitation:" + s.invitationId()
        : s.targetConnectionId() != null ? "connection:" + s.targetConnectionId() : "company:" + s.companyId();
  }

  private static String plain(InvalidInput e) {
    return e.errors().isEmpty() ? e.detail()
        : e.errors().values().stream().flatMap(List::stream).findFirst().orElse(e.detail());
  }
}

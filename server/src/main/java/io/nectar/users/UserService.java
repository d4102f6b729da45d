package io.nectar.users;

import io.nectar.errors.Conflict;
import io.nectar.errors.Forbidden;
import io.nectar.errors.InvalidInput;
import io.nectar.errors.NotFound;
import io.nectar.keys.Environment;
import io.nectar.keys.KeyService;
import io.nectar.keys.Organization;
import io.nectar.mail.Mail;
import io.nectar.mail.MailFailure;
import io.nectar.mail.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people who sign in to the dashboard, and their sessions. Passwords are kept as Argon2id hashes;
 * sessions and one-time links as SHA-256 hashes of random tokens, in PostgreSQL, so that any server
 * behind a load balancer serves any request and signing out on one ends the session on all of them.
 */
public final class UserService {
  private static final Logger log = LoggerFactory.getLogger(UserService.class);
  /** The first administrator's lock: two servers starting at once must not both make one. */
  private static final long FIRST_ADMIN_LOCK = 0x4e44464aL;

  /**
   * How long things last. A session ends after {@code idle} without a request, and after
   * {@code absolute} whatever happens; links after their lifetime or first use.
   */
  public record Settings(Duration idle, Duration absolute, Duration setupLink, Duration invitationLink) {
    public static Settings defaults() {
      return new Settings(Duration.ofHours(2), Duration.ofHours(12), Duration.ofHours(24), Duration.ofDays(7));
    }
  }

  /** How a sign-in ended. The page says the same for an unknown e-mail and a wrong password. */
  public enum SignInOutcome { SIGNED_IN, REFUSED, RATE_LIMITED }

  /** The outcome of a sign-in, with the new session when it worked. */
  public record SignIn(SignInOutcome outcome, Optional<NewSession> session) {}

  /** What an open one-time link asks for: the e-mail too for the first administrator. */
  public record LinkView(LinkPurpose purpose, String organizationName, String email) {
    public boolean asksForEmail() {
      return purpose == LinkPurpose.FIRST_ADMIN;
    }
  }

  /** How an invitation reaches the colleague: by e-mail, or as a link the administrator passes on. */
  public enum Delivery { EMAILED, LINK_TO_COPY }

  /**
   * An invitation made: the link is for the administrator's eyes only when it was not e-mailed.
   *
   * @param mailProblem why the e-mail could not leave, when SMTP is configured but failed; else null
   */
  public record Invited(OneTimeLink link, Delivery delivery, String mailProblem) {}

  /** A person as an administrator sees them in the list. */
  public record Listed(DashboardUser user, Instant created, boolean hasPassword) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final KeyService keys;
  private final Mailer mailer;
  private final String publicUrl;
  private final Settings settings;
  private final UserStore store = new UserStore();
  private final Passwords passwords = new Passwords(Passwords.STANDARD);
  private final SignInLimits limits;

  public UserService(Jdbi jdbi, Clock clock, Supplier<UUID> ids, KeyService keys, Mailer mailer,
      String publicUrl, Settings settings) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ids = ids;
    this.keys = keys;
    this.mailer = mailer;
    this.publicUrl = publicUrl;
    this.settings = settings;
    this.limits = new SignInLimits(jdbi, clock, store);
  }

  // ---- signing in and out ----

  /**
   * Checks an e-mail and password, counting the attempt against both the client's address and the
   * e-mail. An unknown e-mail costs a hash all the same, so timing does not tell who has an account.
   */
  public SignIn signIn(String email, String password, String clientAddress) {
    String normal = normalEmail(email);
    if (!limits.tryAttempt(clientAddress == null ? "-" : clientAddress, normal)) {
      log.info("Dashboard sign-in refused: too many attempts from this address or for this e-mail");
      return new SignIn(SignInOutcome.RATE_LIMITED, Optional.empty());
    }
    Optional<UserStore.StoredUser> user = jdbi.withHandle(h -> store.userByEmail(h, normal));
    String given = password == null || password.length() > Passwords.MAX_LENGTH ? "" : password;
    boolean matches = passwords.matches(given, user.map(UserStore.StoredUser::passwordHash).orElse(null));
    if (!matches || user.isEmpty()) {
      log.info("Dashboard sign-in refused: unknown e-mail or wrong password");
      return new SignIn(SignInOutcome.REFUSED, Optional.empty());
    }
    limits.succeeded(normal);
    NewSession session = jdbi.inTransaction(h -> open(h, user.get().user()));
    log.info("Dashboard user {} signed in", user.get().user().id());
    return new SignIn(SignInOutcome.SIGNED_IN, Optional.of(session));
  }

  /** The live session a cookie's token stands for; an idle or expired one is deleted and empty. */
  public Optional<DashboardSession> session(String token) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    Instant now = now();
    return jdbi.inTransaction(h -> {
      Optional<UserStore.StoredSession> stored = store.sessionByHash(h, Tokens.hash(token));
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      UserStore.StoredSession s = stored.get();
      if (!now.isBefore(s.expires()) || !now.isBefore(s.lastSeen().plus(settings.idle()))) {
        store.deleteSession(h, s.session().id());
        return Optional.empty();
      }
      store.touchSession(h, s.session().id(), now);
      return Optional.of(s.session());
    });
  }

  /** Ends the session of this token on every server: its cookie is worthless from now on. */
  public void signOut(String token) {
    if (Tokens.wellFormed(token)) {
      jdbi.useHandle(h -> store.deleteSessionByHash(h, Tokens.hash(token)));
    }
  }

  /** Makes the session show {@code environment}'s data from its next page on. */
  public void switchEnvironment(DashboardSession session, Environment environment) {
    jdbi.useHandle(h -> store.setEnvironment(h, session.id(), environment));
  }

  private NewSession open(Handle h, DashboardUser user) {
    String token = Tokens.random();
    Instant now = now();
    UUID id = ids.get();
    store.insertSession(h, id, Tokens.hash(token), user.id(), Environment.SANDBOX, now, now.plus(settings.absolute()));
    return new NewSession(new DashboardSession(id, user, Environment.SANDBOX), token);
  }

  // ---- one-time links ----

  /**
   * While nobody can sign in yet, a link that makes its visitor the first administrator of the default
   * organization; empty once anyone has an account. Each start prints a new one (all valid for 24 h,
   * the first used wins), since a server may be restarted before anyone opened the last.
   */
  public Optional<OneTimeLink> firstAdministratorLink() {
    Organization organization = keys.organization(KeyService.DEFAULT_ORGANIZATION);
    return jdbi.inTransaction(h -> {
      if (store.anyUser(h)) {
        return Optional.empty();
      }
      return Optional.of(link(h, LinkPurpose.FIRST_ADMIN, organization.id(), null, null, settings.setupLink()));
    });
  }

  /**
   * Creates a person of {@code organization} without a password, with a link to choose it; for a person
   * who exists already in that organization, a new link (a reset). An address of another
   * organization's person is refused: one address signs in to one organization.
   */
  public OneTimeLink create(Organization organization, String email, Role role) {
    String normal = checkedEmail(email);
    return jdbi.inTransaction(h -> {
      Optional<UserStore.StoredUser> existing = store.userByEmail(h, normal);
      if (existing.isPresent() && !existing.get().user().organizationId().equals(organization.id())) {
        throw new Conflict("This e-mail address already belongs to a person of another organization.");
      }
      UUID userId = existing.map(u -> u.user().id()).orElseGet(() -> {
        UUID id = ids.get();
        store.insertUser(h, id, organization.id(), normal, role, now());
        return id;
      });
      return link(h, LinkPurpose.SET_PASSWORD, organization.id(), userId, normal, settings.setupLink());
    });
  }

  /**
   * An administrator adds a colleague, who chooses a password through a one-time link: e-mailed when SMTP
   * is configured, else (or when the e-mail cannot leave) returned for the administrator to pass on.
   */
  public Invited invite(DashboardUser admin, String email, Role role) {
    OneTimeLink link = inviteLink(admin, email, role);
    if (!mailer.configured()) {
      return new Invited(link, Delivery.LINK_TO_COPY, null);
    }
    try {
      mailer.send(invitationMail(admin, link));
      return new Invited(link, Delivery.EMAILED, null);
    } catch (MailFailure e) {
      log.warn("The dashboard invitation e-mail of user {} could not be sent: {}", admin.id(), e.getMessage());
      return new Invited(link, Delivery.LINK_TO_COPY, e.getMessage());
    }
  }

  private static Mail invitationMail(DashboardUser admin, OneTimeLink link) {
    String organization = admin.organizationName();
    String text = admin.email() + " invites you to the dashboard of " + organization + ".\n\n"
        + "Choose your password here (the link works once, until " + link.expires().truncatedTo(ChronoUnit.MINUTES)
        + "):\n\n" + link.url() + "\n\n"
        + "If you did not expect this e-mail, ignore it: nothing happens until the link is used.\n";
    return new Mail(link.email(), "You are invited to the " + organization + " dashboard", text, null);
  }

  private OneTimeLink inviteLink(DashboardUser admin, String email, Role role) {
    requireAdmin(admin);
    String normal = checkedEmail(email);
    return jdbi.inTransaction(h -> {
      if (store.userByEmail(h, normal).isPresent()) {
        throw InvalidInput.field("email", "This person already has an account.");
      }
      UUID id = ids.get();
      store.insertUser(h, id, admin.organizationId(), normal, role, now());
      log.info("Dashboard user {} invited a {} ({})", admin.id(), role, id);
      return link(h, LinkPurpose.INVITATION, admin.organizationId(), id, normal, settings.invitationLink());
    });
  }

  /** What a one-time link opens, or empty when it is unknown, used, expired or no longer needed. */
  public Optional<LinkView> openLink(String token) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> usable(h, token))
        .map(l -> new LinkView(l.purpose(), l.organizationName(), l.email()));
  }

  /**
   * Uses a one-time link: sets the password (and, for the first administrator, makes the account) and
   * signs in. Other sessions of the person end: choosing a password again is how one locks out a thief.
   *
   * @throws InvalidInput naming {@code email} or {@code password}, with nothing changed
   * @throws NotFound when the link cannot be used (any more)
   */
  public NewSession useLink(String token, String email, String password) {
    if (!Tokens.wellFormed(token)) {
      throw new NotFound("Link");
    }
    Map<String, List<String>> problems = new LinkedHashMap<>();
    Passwords.problem(password).ifPresent(p -> problems.put("password", List.of(p)));
    return jdbi.inTransaction(h -> {
      UserStore.StoredLink link = usable(h, token).orElseThrow(() -> new NotFound("Link"));
      String normal = null;
      if (link.purpose() == LinkPurpose.FIRST_ADMIN) {
        normal = normalEmail(email);
        emailProblem(normal).ifPresent(p -> problems.put("email", List.of(p)));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInput(problems);
      }
      if (!store.useLink(h, link.id(), now())) {
        throw new NotFound("Link");
      }
      UUID userId = link.userId();
      if (link.purpose() == LinkPurpose.FIRST_ADMIN) {
        h.createQuery("select pg_advisory_xact_lock(:lock)").bind("lock", FIRST_ADMIN_LOCK)
            .mapTo(String.class).list();
        if (store.anyUser(h)) {
          throw new NotFound("Link");
        }
        userId = ids.get();
        store.insertUser(h, userId, link.organizationId(), normal, Role.ADMIN, now());
      }
      store.setPassword(h, userId, passwords.hash(password), now());
      store.deleteSessionsOf(h, userId);
      DashboardUser user = store.userById(h, userId).orElseThrow().user();
      log.info("Dashboard user {} set a password through a one-time link", user.id());
      return open(h, user);
    });
  }

  private Optional<UserStore.StoredLink> usable(Handle h, String token) {
    Instant now = now();
    return store.linkByHash(h, Tokens.hash(token))
        .filter(l -> l.used() == null && now.isBefore(l.expires()))
        .filter(l -> l.purpose() != LinkPurpose.FIRST_ADMIN || !store.anyUser(h))
        .filter(l -> l.purpose() == LinkPurpose.FIRST_ADMIN || l.userId() != null);
  }

  private OneTimeLink link(Handle h, LinkPurpose purpose, UUID organizationId, UUID userId, String email,
      Duration lifetime) {
    String token = Tokens.random();
    Instant now = now();
    Instant expires = now.plus(lifetime);
    store.insertLink(h, ids.get(), Tokens.hash(token), purpose, organizationId, userId, now, expires);
    return new OneTimeLink(publicUrl + "/dashboard/welcome/" + token, purpose, email, expires);
  }

  // ---- the people of an organization ----

  public List<Listed> users(DashboardUser asking) {
    return jdbi.withHandle(h -> store.usersOf(h, asking.organizationId())).stream()
        .map(u -> new Listed(u.user(), u.created(), u.passwordHash() != null)).toList();
  }

  /** Removes a colleague, who is signed out everywhere at once; not oneself, nor the last administrator. */
  public void remove(DashboardUser admin, UUID userId) {
    requireAdmin(admin);
    if (admin.id().equals(userId)) {
      throw new InvalidInput("You cannot remove yourself; ask another administrator.");
    }
    jdbi.useTransaction(h -> {
      UserStore.StoredUser user = store.userById(h, userId)
          .filter(u -> u.user().organizationId().equals(admin.organizationId()))
          .orElseThrow(() -> new NotFound("User"));
      if (user.user().isAdmin() && store.countAdmins(h, admin.organizationId()) <= 1) {
        throw new InvalidInput("An organization keeps at least one administrator.");
      }
      store.deleteUser(h, admin.organizationId(), userId);
      log.info("Dashboard user {} removed user {}", admin.id(), userId);
    });
  }

  /** Whether anyone can sign in yet (an account exists). */
  public boolean anyUser() {
    return jdbi.withHandle(store::anyUser);
  }

  /** Forgets expired sessions, links and old attempts (hourly housekeeping). */
  public void purgeExpired() {
    Instant now = now();
    jdbi.useTransaction(h -> store.purge(h, now, now.minus(settings.idle()), now.minus(SignInLimits.LONGEST)));
  }

  private static void requireAdmin(DashboardUser user) {
    if (!user.isAdmin()) {
      throw new Forbidden("Only an administrator may do this.");
    }
  }

  static String normalEmail(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  private static String checkedEmail(String email) {
    String normal = normalEmail(email);
    emailProblem(normal).ifPresent(p -> {
      throw InvalidInput.field("email", p);
    });
    return normal;
  }

  private static Optional<String> emailProblem(String normal) {
    int at = normal.indexOf('@');
    if (normal.isEmpty() || normal.length() > 254 || at < 1 || at != normal.lastIndexOf('@')
        || at == normal.length() - 1 || normal.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      return Optional.of("Enter an e-mail address such as ann@example.com.");
    }
    return Optional.empty();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

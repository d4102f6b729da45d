package io.nectar.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * How often sign-in may be tried, counted in the database so that every server behind a load balancer
 * sees the same count: per client address (one address cannot sweep many accounts) and per e-mail
 * address (many addresses cannot guess one password at speed).
 */
final class SignInLimits {
  /** At most {@code max} attempts in any {@code window}. */
  record Limit(String name, int max, Duration window) {}

  static final Limit PER_ADDRESS = new Limit("address", 30, Duration.ofMinutes(15));
  static final Limit PER_EMAIL = new Limit("email", 10, Duration.ofMinutes(15));
  static final Duration LONGEST = Duration.ofMinutes(15);

  private final Jdbi jdbi;
  private final Clock clock;
  private final UserStore store;

  SignInLimits(Jdbi jdbi, Clock clock, UserStore store) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.store = store;
  }

  /** Counts one attempt for both the address and the e-mail; false, counting none, if either limit is reached. */
  boolean tryAttempt(String address, String email) {
    Instant now = clock.instant();
    String byAddress = PER_ADDRESS.name() + ":" + address;
    String byEmail = PER_EMAIL.name() + ":" + email;
    return jdbi.inTransaction(h -> {
      // Locked in one order everywhere, so two requests on the same pair never wait on each other.
      new TreeSet<>(List.of(byAddress, byEmail)).forEach(s -> store.lockAttempts(h, s));
      if (store.countAttempts(h, byAddress, now.minus(PER_ADDRESS.window())) >= PER_ADDRESS.max()
          || store.countAttempts(h, byEmail, now.minus(PER_EMAIL.window())) >= PER_EMAIL.max()) {
        return false;
      }
      store.addAttempt(h, byAddress, now);
      store.addAttempt(h, byEmail, now);
      return true;
    });
  }

  /**
   * Forgets the failures against an e-mail address once its owner got in, so that their own typos do
   * not lock them out later; the address's count stays (one's own account must not reset it).
   */
  void succeeded(String email) {
    jdbi.useHandle(h -> store.clearAttempts(h, PER_EMAIL.name() + ":" + email));
  }
}

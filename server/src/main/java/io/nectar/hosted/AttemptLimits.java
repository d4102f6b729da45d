package io.nectar.hosted;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * How often public pages may be tried, counted in the database so that every server behind a load
 * balancer sees the same count: per link (a leaked link cannot be used to guess passwords at speed)
 * and per client address (one address cannot sweep many links).
 */
final class AttemptLimits {
  /** At most {@code max} attempts in any {@code window}. */
  record Limit(String name, int max, Duration window) {}

  static final Limit LOGINS_PER_LINK = new Limit("login-link", 10, Duration.ofMinutes(15));
  static final Limit LOGINS_PER_ADDRESS = new Limit("login-address", 30, Duration.ofMinutes(15));
  static final Limit CODES_SENT_PER_LINK = new Limit("code-sent-link", 5, Duration.ofHours(1));
  static final Limit CODES_SENT_PER_ADDRESS = new Limit("code-sent-address", 20, Duration.ofHours(1));
  static final Limit MFA_PER_CONNECTION = new Limit("mfa-connection", 10, Duration.ofMinutes(15));
  static final Limit UPLOADS_PER_LINK = new Limit("upload-link", 100, Duration.ofHours(1));
  static final Limit UPLOADS_PER_ADDRESS = new Limit("upload-address", 200, Duration.ofHours(1));
  private static final Duration LONGEST = Duration.ofHours(1);

  private final Jdbi jdbi;
  private final Clock clock;
  private final HostedSessionStore store;

  AttemptLimits(Jdbi jdbi, Clock clock, HostedSessionStore store) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.store = store;
  }

  /** Counts one attempt against both {@code (limit, key)} pairs; false, counting none, if either limit is reached. */
  boolean tryAttempt(Limit limit, String key, Limit otherLimit, String otherKey) {
    Instant now = clock.instant();
    String scope = limit.name() + ":" + key;
    String otherScope = otherLimit.name() + ":" + otherKey;
    return jdbi.inTransaction(h -> {
      // Locked in one order everywhere, so two requests on the same pair never wait on each other.
      new TreeSet<>(List.of(scope, otherScope)).forEach(s -> store.lockAttempts(h, s));
      if (store.countAttempts(h, scope, now.minus(limit.window())) >= limit.max()
          || store.countAttempts(h, otherScope, now.minus(otherLimit.window())) >= otherLimit.max()) {
        return false;
      }
      store.addAttempt(h, scope, now);
      store.addAttempt(h, otherScope, now);
      return true;
    });
  }

  /** Forgets attempts older than the longest window, and visits past their lifetime. */
  void purge() {
    Instant now = clock.instant();
    jdbi.useTransaction(h -> store.purge(h, now, now.minus(LONGEST)));
  }
}

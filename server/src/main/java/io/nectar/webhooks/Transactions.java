package io.nectar.webhooks;

import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again, a few times, when PostgreSQL aborted it for a deadlock or a
 * serialization failure. Writers of deliveries take their locks in one order ({@link WebhookStore}),
 * so these should not happen between them; this covers what the order cannot, such as a purge or an
 * organization's deletion cascading into the same rows. Safe only for transactions that do nothing
 * outside the database, since the whole callback runs again.
 */
final class Transactions {
  private static final Logger log = LoggerFactory.getLogger(Transactions.class);
  /** Enough for a victim to go after the transaction that won; more would only hide a lock-order bug. */
  static final int ATTEMPTS = 3;
  private static final String DEADLOCK_DETECTED = "40P01";
  private static final String SERIALIZATION_FAILURE = "40001";

  private Transactions() {}

  static <T> T inTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(work);
      } catch (RuntimeException e) {
        Optional<String> reason = abortReason(e);
        if (attempt >= ATTEMPTS || reason.isEmpty()) {
          throw e;
        }
        // Worth knowing: between writers that keep the lock order this does not happen.
        log.warn("PostgreSQL aborted a webhook transaction ({}); running it again", reason.get());
      }
    }
  }

  /**
   * Why PostgreSQL gave up on the transaction, if for a deadlock or a serialization failure: the
   * cases that running it again resolves. Empty for any other failure.
   */
  static Optional<String> abortReason(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth++ < 32; cause = cause.getCause()) { // a cycle ends too
      // A batch reports its statement's failure as the next exception, not as the cause.
      for (Throwable e = cause; e instanceof SQLException sql; e = sql.getNextException()) {
        if (DEADLOCK_DETECTED.equals(sql.getSQLState())) {
          return Optional.of("deadlock detected");
        }
        if (SERIALIZATION_FAILURE.equals(sql.getSQLState())) {
          return Optional.of("serialization failure");
        }
      }
    }
    return Optional.empty();
  }
}

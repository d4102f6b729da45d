package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.testing.TestDatabase;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class TransactionsTest {
  private static final Jdbi jdbi = Jdbi.create(TestDatabase.freshDatabaseUrl());

  @Test
  void aTransactionAbortedForADeadlockRunsAgain() {
    AtomicInteger runs = new AtomicInteger();

    int answer = Transactions.inTransaction(jdbi, h -> {
      if (runs.incrementAndGet() == 1) {
        throw aborted("40P01");
      }
      return h.createQuery("select 42").mapTo(Integer.class).one();
    });

    assertThat(answer).isEqualTo(42);
    assertThat(runs).hasValue(2);
  }

  @Test
  void itGivesUpAfterAFewAttempts() {
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(() -> Transactions.inTransaction(jdbi, h -> {
      runs.incrementAndGet();
      throw aborted("40001");
    })).hasRootCauseMessage("aborted");
    assertThat(runs).hasValue(Transactions.ATTEMPTS);
  }

  @Test
  void anyOtherFailureIsNotRunAgain() {
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(() -> Transactions.inTransaction(jdbi, h -> {
      runs.incrementAndGet();
      throw aborted("23505"); // a unique violation: running again would fail the same way
    })).isInstanceOf(IllegalStateException.class);
    assertThat(runs).hasValue(1);
  }

  @Test
  void theReasonIsFoundInTheCausesAndInABatchsNextException() {
    BatchUpdateException batch = new BatchUpdateException("Batch entry 2 was aborted", "", new int[0]);
    batch.setNextException(new SQLException("deadlock detected", "40P01"));

    assertThat(Transactions.abortReason(new IllegalStateException(batch))).contains("deadlock detected");
    assertThat(Transactions.abortReason(aborted("40001"))).contains("serialization failure");
    assertThat(Transactions.abortReason(aborted("57014"))).isEmpty();
    assertThat(Transactions.abortReason(new IllegalStateException("no SQL here"))).isEmpty();
  }

  private static RuntimeException aborted(String sqlState) {
    return new IllegalStateException(new SQLException("aborted", sqlState));
  }
}

package io.nectar.companies;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes deleted companies in the background. The deletion mark is durable, so a purge that a
 * restart interrupted is picked up again by {@link #resumePending()} at the next start.
 */
public final class CompanyPurger implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CompanyPurger.class);

  private final Jdbi jdbi;
  private final CompanyStore store = new CompanyStore();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "company-purger");
    thread.setDaemon(true);
    return thread;
  });

  public CompanyPurger(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void schedule(UUID companyId) {
    executor.execute(() -> purge(companyId));
  }

  /** Schedules every company whose deletion did not finish before the last stop. */
  public void resumePending() {
    jdbi.withHandle(store::pendingPurge).forEach(this::schedule);
  }

  private void purge(UUID companyId) {
    try {
      jdbi.useTransaction(h -> store.purge(h, companyId));
    } catch (RuntimeException e) {
      log.error("Could not purge deleted company {}; it will be retried at the next start", companyId, e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(30, TimeUnit.SECONDS);
  }
}

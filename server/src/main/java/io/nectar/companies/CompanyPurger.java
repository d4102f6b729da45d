package io.nectar.companies;

import io.nectar.companies.CompanyStore.QueuedFile;
import io.nectar.storage.BlobStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes deleted companies in the background: first their rows, then their files.
 *
 * <p>The order is what keeps a crash harmless. Deleting the rows queues the files of their
 * documents in the same transaction (a trigger fills {@code blob_deletion}); only after that commit
 * are the files deleted, each leaving the queue once it is gone. A crash can therefore leave files
 * without rows (invisible, and still queued), never a row whose file is missing. Both the deletion
 * mark and the queue are durable, so {@link #resumePending()} finishes, at the next start, whatever
 * a stop interrupted.
 */
public final class CompanyPurger implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CompanyPurger.class);
  /** Files deleted per read of the queue: keeps a purge of a large company from loading every key at once. */
  private static final int FILE_BATCH = 500;

  private final Jdbi jdbi;
  private final BlobStore blobs;
  private final CompanyStore store = new CompanyStore();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "company-purger");
    thread.setDaemon(true);
    return thread;
  });

  public CompanyPurger(Jdbi jdbi, BlobStore blobs) {
    this.jdbi = jdbi;
    this.blobs = blobs;
  }

  void schedule(UUID companyId) {
    executor.execute(() -> {
      purgeRows(companyId);
      deleteQueuedFiles();
    });
  }

  /**
   * Schedules every company whose deletion did not finish before the last stop, then the files
   * still queued, whether by those purges or by one that stopped between its rows and its files.
   */
  public void resumePending() {
    jdbi.withHandle(store::pendingPurge).forEach(id -> executor.execute(() -> purgeRows(id)));
    executor.execute(this::deleteQueuedFiles);
  }

  private void purgeRows(UUID companyId) {
    try {
      jdbi.useTransaction(h -> store.purge(h, companyId));
    } catch (RuntimeException e) {
      log.error("Could not purge deleted company {}; it will be retried at the next start", companyId, e);
    }
  }

  /**
   * Deletes the queued files. A file leaves the queue only after it is deleted, so one that fails
   * stays queued for the next run while the others go on; a key that a row still refers to leaves
   * without its file.
   */
  private void deleteQueuedFiles() {
    String after = "";
    List<QueuedFile> batch;
    do {
      String from = after;
      batch = jdbi.withHandle(h -> store.queuedFiles(h, from, FILE_BATCH));
      for (QueuedFile file : batch) {
        try {
          delete(file);
          jdbi.useHandle(h -> store.forgetQueuedFile(h, file.blobKey()));
        } catch (RuntimeException e) {
          log.error("Could not delete the file {} of a purged company; it stays queued and is retried after the "
              + "next purge or start", file.blobKey(), e);
        }
        after = file.blobKey();
      }
    } while (!batch.isEmpty());
  }

  private void delete(QueuedFile file) {
    if (file.stillReferenced()) {
      return; // another document uses the same file: it goes when that one does
    }
    try {
      blobs.delete(file.blobKey());
    } catch (IllegalArgumentException e) {
      // No file can exist under a key the store refuses; keeping it queued would only retry it forever.
      log.warn("Dropping an invalid blob key from the deletion queue: {}", e.getMessage());
    }
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(30, TimeUnit.SECONDS);
  }
}

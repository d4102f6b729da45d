package io.nectar.storage;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies every blob of one store to another (a one-machine folder to an S3 bucket, usually), so that an
 * install can move its files without losing one:
 * <ul>
 *   <li>resumable: a key the target already holds with the same SHA-256 is skipped, so a run that was
 *       interrupted (or one made again after the servers switched, to pick up the files written in
 *       between) copies only what is missing or different;</li>
 *   <li>verified: each copy is checked by the target's own {@link BlobStore#head} (size and SHA-256
 *       of the bytes read from the source), and a key that fails is reported, not retried silently;</li>
 *   <li>never destructive: nothing is deleted, at the source or the target.</li>
 * </ul>
 * Keys are listed twice (once to count them, once to copy), never held all at once; a few are copied
 * at a time, since an object store answers each request in tens of milliseconds.
 */
public final class BlobMigration {
  /** What happened to one key. */
  public enum Outcome {
    /** Copied and verified. */
    COPIED,
    /** The target already held the same bytes. */
    ALREADY_THERE,
    /** Not copied, or the copy did not verify; the run goes on with the next key. */
    FAILED
  }

  /** Where a run stands: {@code total} is the count of the first listing (keys added since are extra). */
  public record Tally(long total, long done, long copied, long alreadyThere, long failed, long bytesCopied) {
    public boolean complete() {
      return failed == 0;
    }
  }

  /** Told of each key as it is done, one call at a time; {@code problem} is empty unless it FAILED. */
  public interface Progress {
    void after(String key, Outcome outcome, Optional<String> problem, Tally soFar);
  }

  private final BlobStore from;
  private final BlobStore to;
  private final int parallelism;

  public BlobMigration(BlobStore from, BlobStore to, int parallelism) {
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be 1 to 64, got " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /** Copies every key; returns the final tally. Throws only if the source cannot be listed. */
  public Tally run(Progress progress) throws InterruptedException {
    AtomicLong total = new AtomicLong();
    from.forEachKey("", key -> total.incrementAndGet());
    Counts counts = new Counts(total.get());
    ExecutorService workers = Executors.newFixedThreadPool(parallelism, r -> {
      Thread thread = new Thread(r, "blob-migration");
      thread.setDaemon(true);
      return thread;
    });
    Semaphore queued = new Semaphore(parallelism * 2); // bounds the keys waiting, not only those copying
    try {
      from.forEachKey("", key -> {
        queued.acquireUninterruptibly();
        workers.execute(() -> {
          try {
            Result result = copy(key);
            synchronized (counts) {
              Tally soFar = counts.add(result);
              progress.after(key, result.outcome(), result.problem(), soFar);
            }
          } finally {
            queued.release();
          }
        });
      });
    } finally {
      workers.shutdown();
    }
    if (!workers.awaitTermination(7, TimeUnit.DAYS)) {
      throw new IllegalStateException("the copies did not finish");
    }
    synchronized (counts) {
      return counts.tally();
    }
  }

  private record Result(Outcome outcome, long bytes, Optional<String> problem) {
    static Result failed(String problem) {
      return new Result(Outcome.FAILED, 0, Optional.of(problem));
    }
  }

  private Result copy(String key) {
    try {
      Optional<BlobStore.BlobInfo> source = from.head(key);
      if (source.isEmpty()) {
        return Result.failed("gone from the source while the migration ran");
      }
      if (to.head(key).filter(target -> sameBytes(source.get(), target)).isPresent()) {
        return new Result(Outcome.ALREADY_THERE, 0, Optional.empty());
      }
      Optional<BlobStore.Blob> blob = from.get(key);
      if (blob.isEmpty()) {
        return Result.failed("gone from the source while the migration ran");
      }
      byte[] bytes = blob.get().bytes();
      // The bytes read are the truth: the source's head may be older than them.
      String sha256 = Sha256.of(bytes);
      to.put(key, bytes, blob.get().contentType());
      Optional<BlobStore.BlobInfo> copied = to.head(key);
      if (copied.isEmpty()) {
        return Result.failed("the target does not have it after the copy");
      }
      if (copied.get().size() != bytes.length || !copied.get().sha256().equals(sha256)) {
        return Result.failed("the copy does not verify: " + copied.get().size() + " bytes, sha256 "
            + copied.get().sha256() + " at the target; " + bytes.length + " bytes, sha256 " + sha256 + " read");
      }
      return new Result(Outcome.COPIED, bytes.length, Optional.empty());
    } catch (RuntimeException e) {
      return Result.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static boolean sameBytes(BlobStore.BlobInfo source, BlobStore.BlobInfo target) {
    return source.size() == target.size() && source.sha256().equals(target.sha256());
  }

  /** The running counts; guarded by its own monitor. */
  private static final class Counts {
    private final long total;
    private long copied;
    private long alreadyThere;
    private long failed;
    private long bytesCopied;

    Counts(long total) {
      this.total = total;
    }

    Tally add(Result result) {
      switch (result.outcome()) {
        case COPIED -> {
          copied++;
          bytesCopied += result.bytes();
        }
        case ALREADY_THERE -> alreadyThere++;
        case FAILED -> failed++;
      }
      return tally();
    }

    Tally tally() {
      long done = copied + alreadyThere + failed;
      return new Tally(Math.max(total, done), done, copied, alreadyThere, failed, bytesCopied);
    }
  }
}

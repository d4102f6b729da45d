package io.nectar.jobs;

import io.nectar.documents.Document;
import io.nectar.parsing.BillReader;
import io.nectar.parsing.FileSniffer;
import io.nectar.parsing.FileType;
import io.nectar.parsing.Reading;
import io.nectar.parsing.UnreadableFile;
import io.nectar.storage.BlobStoreUnavailable;
import io.nectar.webhooks.TargetGuard;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the files of upload jobs: each of {@code concurrency} threads claims one file at a time from
 * the database ({@link JobStore#claim}), fetches it if it came by URL, and then: same bytes as an
 * earlier document of the company is a DUPLICATE without reading; otherwise {@link BillReader#read}
 * and {@link BillFiling#file}. The outcome is recorded only while the claim is still this worker's,
 * and the job concludes in the same transaction as its last file.
 *
 * <p>Nothing lives only in memory: a claim is a lease renewed by a heartbeat, so when a server dies
 * (kill -9) its files are claimed again by any server once their leases run out, and filing is
 * idempotent per upload, so a file filed just before the death is not filed twice. A file that is
 * claimed {@code maxAttempts} times without an outcome (it crashes the reader) FAILS.
 */
public final class UploadWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UploadWorker.class);
  /** How long a file whose filing failed (the database away, a bug) waits before it is tried again. */
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final FilingServices services;
  private final UploadEngine.Settings settings;
  private final BillReader reader;
  private final BillFiling filing;
  private final DocumentFetcher fetcher;
  private final JobStore store = new JobStore();
  private final Set<UUID> held = ConcurrentHashMap.newKeySet();
  private final Semaphore signals = new Semaphore(0);
  private final List<Thread> threads = new ArrayList<>();
  private final ScheduledExecutorService heartbeat;
  private volatile boolean running;

  public UploadWorker(UploadEngine engine, FilingServices services, TargetGuard.Reach reach) {
    this.services = services;
    this.settings = engine.settings();
    this.reader = engine.reader();
    this.filing = engine.filing(services);
    this.fetcher = new DocumentFetcher(new TargetGuard(reach), JobService.MAX_FILE_BYTES,
        settings.fetchTimeout(), engine.fetchTrust());
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "upload-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts the threads and the heartbeat that keeps their claims. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    long every = settings.lease().toMillis() / 3;
    heartbeat.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    for (int i = 0; i < settings.concurrency(); i++) {
      Thread thread = new Thread(this::run, "upload-worker-" + (i + 1));
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Files are waiting: an idle thread looks now rather than at its next poll. */
  public void wake() {
    signals.release();
  }

  private void run() {
    while (running) {
      try {
        UUID token = UUID.randomUUID();
        held.add(token);
        Optional<JobFile> claimed;
        try {
          claimed = services.jdbi().inTransaction(h -> store.claim(h, token, settings.lease(), now()));
          if (claimed.isPresent()) {
            // There may be more: let another idle thread look too.
            wake();
            processOrPostpone(claimed.get(), token);
          }
        } finally {
          held.remove(token);
        }
        if (claimed.isEmpty()) {
          signals.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        if (!running) {
          return;
        }
        log.error("The upload worker failed; it goes on after a pause", e);
        pause();
      }
    }
  }

  /**
   * Processes the file; when the store of files cannot be reached, gives it back to the queue without
   * counting the attempt. An outage is not the file's fault: counted, a long one would end every file
   * waiting in the queue as FAILED.
   */
  private void processOrPostpone(JobFile file, UUID token) {
    try {
      process(file, token);
    } catch (BlobStoreUnavailable e) {
      log.warn("Upload {} waits for the store of files: {}", file.id(), e.getMessage());
      services.jdbi().useTransaction(h -> store.postpone(h, file.id(), token, RETRY_AFTER, now()));
    }
  }

  private void process(JobFile file, UUID token) {
    if (file.attempts() > settings.maxAttempts()) {
      finish(file, token, Result.of(FileOutcome.FAILED, "the server stopped while reading this file "
          + settings.maxAttempts() + " times; it was not read"));
      return;
    }
    Optional<Job> job = services.jdbi().withHandle(h -> store.find(h, file.jobId()));
    if (job.isEmpty()) {
      return; // the company was deleted meanwhile, and its jobs with it
    }
    Result result;
    JobFile stored = file;
    byte[] bytes;
    if (file.blobKey() == null) {
      try {
        bytes = fetcher.fetch(file.sourceUrl());
      } catch (DocumentFetcher.FetchFailed e) {
        finish(file, token, Result.of(FileOutcome.FETCH_FAILED, "could not download " + file.sourceUrl() + ": "
            + e.getMessage()));
        return;
      }
      Optional<JobFile> kept = store(file, token, bytes);
      if (kept.isEmpty()) {
        return; // the claim was lost: another worker has the file now
      }
      stored = kept.get();
    } else {
      Optional<byte[]> blob = services.blobs().get(file.blobKey()).map(b -> b.bytes());
      if (blob.isEmpty()) {
        finish(file, token, Result.of(FileOutcome.FAILED, "the stored file is missing"));
        return;
      }
      bytes = blob.get();
    }
    result = read(stored, job.get().siteId(), bytes, token);
    if (result != null) {
      finish(stored, token, result);
    }
  }

  /** Stores a fetched file as an uploaded one is stored, and records where. */
  private Optional<JobFile> store(JobFile file, UUID token, byte[] bytes) {
    FileType type = sniff(bytes);
    String key = "uploads/" + file.companyId() + "/" + file.id() + "." + (type == null ? "bin" : type.extension());
    String sha = JobService.sha256(bytes);
    if (bytes.length > 0) {
      services.blobs().put(key, bytes, type == null ? "application/octet-stream" : type.mediaType());
    }
    String blobKey = bytes.length > 0 ? key : null;
    boolean mine = services.jdbi().inTransaction(h -> store.stored(h, file.id(), token, blobKey, sha, type, now()));
    return mine ? Optional.of(new JobFile(file.id(), file.jobId(), file.companyId(), file.position(),
        file.fileName(), file.sourceUrl(), blobKey, sha, type, file.state(), null, null, null, file.attempts()))
        : Optional.empty();
  }

  /** The file's outcome, or null when it goes back to the queue to be tried again. */
  private Result read(JobFile file, UUID siteId, byte[] bytes, UUID token) {
    try {
      FileSniffer.sniff(bytes);
    } catch (UnreadableFile e) {
      return Result.of(e.isServerFault() ? FileOutcome.FAILED : FileOutcome.UNREADABLE, e.getMessage());
    }
    Optional<UUID> earlier = sameFile(file);
    if (earlier.isPresent()) {
      return new Result(FileOutcome.DUPLICATE, earlier.get(), "the same file as document " + earlier.get());
    }
    if (reader == null || filing == null) {
      return Result.of(FileOutcome.FAILED, "this server has no bill reader configured; the file was kept");
    }
    Reading reading;
    try {
      reading = reader.read(file.fileName(), bytes);
    } catch (UnreadableFile e) {
      return Result.of(e.isServerFault() ? FileOutcome.FAILED : FileOutcome.UNREADABLE, e.getMessage());
    } catch (RuntimeException e) {
      log.error("Reading upload {} failed", file.id(), e);
      return Result.of(FileOutcome.FAILED, "the server could not read the file (an internal error)");
    }
    try {
      Filed filed = filing.file(file.upload(siteId), reading);
      return new Result(FileOutcome.of(filed.outcome()), filed.documentId(), filed.detail());
    } catch (RuntimeException e) {
      if (file.attempts() >= settings.maxAttempts()) {
        log.error("Filing upload {} failed for the last time", file.id(), e);
        return Result.of(FileOutcome.FAILED, "the server could not file the bill (an internal error)");
      }
      log.warn("Filing upload {} failed; it is tried again in {}", file.id(), RETRY_AFTER, e);
      services.jdbi().useTransaction(h -> store.release(h, file.id(), token, RETRY_AFTER, now()));
      return null;
    }
  }

  /** The live document an earlier file of the company with the same bytes became. */
  private Optional<UUID> sameFile(JobFile file) {
    return services.jdbi().withHandle(h -> {
      List<UUID> candidates = store.documentsOfSameFile(h, file.companyId(), file.sha256(), file.id());
      if (candidates.isEmpty()) {
        return Optional.empty();
      }
      Map<UUID, Document> live = services.documents().byIds(h, candidates);
      return candidates.stream().filter(id -> live.containsKey(id) && live.get(id).deletedAt() == null).findFirst();
    });
  }

  /** Records the outcome and, with the job's last file, the job's; nothing if the claim was lost. */
  private void finish(JobFile file, UUID token, Result result) {
    services.jdbi().useTransaction(h -> {
      // The job row first: two workers finishing a job's last two files conclude it once, in turn.
      Optional<Job> job = store.lock(h, file.jobId());
      if (job.isEmpty() || !store.finish(h, file.id(), token, result.outcome(), result.documentId(),
          result.reason(), file.type(), now())) {
        return;
      }
      Job after = store.find(h, file.jobId()).orElseThrow();
      if (after.files().stream().allMatch(f -> f.state() == JobFile.State.DONE)) {
        JobOutcomes.Conclusion conclusion = JobOutcomes.conclude(after.kind(), after.files());
        store.conclude(h, after.id(), conclusion.status(), conclusion.reason(), now());
      }
    });
  }

  private void renewLeases() {
    try {
      services.jdbi().useHandle(h -> store.renew(h, List.copyOf(held), settings.lease()));
    } catch (RuntimeException e) {
      log.warn("Could not renew the leases of the uploads being read", e);
    }
  }

  private static FileType sniff(byte[] bytes) {
    try {
      return FileSniffer.sniff(bytes);
    } catch (UnreadableFile e) {
      return null;
    }
  }

  private void pause() {
    try {
      Thread.sleep(settings.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Instant now() {
    return services.clock().instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Stops claiming and interrupts the threads. A file being read keeps its claim until the lease runs
   * out, as after a crash; then any server takes it again.
   */
  @Override
  public synchronized void close() {
    running = false;
    heartbeat.shutdownNow();
    threads.forEach(Thread::interrupt);
    for (Thread thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    fetcher.close();
  }

  /** A file's outcome before it is recorded. */
  private record Result(FileOutcome outcome, UUID documentId, String reason) {
    static Result of(FileOutcome outcome, String reason) {
      return new Result(outcome, null, reason);
    }
  }
}

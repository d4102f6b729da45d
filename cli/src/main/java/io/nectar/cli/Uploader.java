package io.nectar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.cli.BillFolder.BillFile;
import io.nectar.cli.UploadManifest.Entry;
import io.nectar.cli.UploadManifest.State;
import io.nectar.client.ApiException;
import io.nectar.client.AuthenticationException;
import io.nectar.client.NectarClient;
import io.nectar.client.NotFoundException;
import io.nectar.client.PermissionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sends the files of an upload at most {@link #MAX_IN_FLIGHT} at a time, then polls their jobs until
 * each has an outcome or the time is up. Everything learnt goes into the manifest as it happens, so an
 * interrupted run loses nothing: the next one skips what was sent and polls what was pending.
 *
 * <p>A failure that is not about one file (a wrong key, no such company, the server unreachable) stops
 * the run at once with that one error, rather than repeating it for every file.
 */
final class Uploader {
  /** Nectar asks clients to keep at most ten requests in flight. */
  static final int MAX_IN_FLIGHT = 10;
  private static final Duration FIRST_POLL = Duration.ofMillis(500);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(5);

  private final NectarClient client;
  private final Context context;
  private final UploadManifest manifest;
  private final int concurrency;

  Uploader(NectarClient client, Context context, UploadManifest manifest, int concurrency) {
    this.client = client;
    this.context = context;
    this.manifest = manifest;
    this.concurrency = concurrency;
  }

  /** A file whose job is known: its name, its hash and the job's id. */
  private record Sent(String name, String sha256, String jobId) {}

  UploadSummary run(List<BillFile> files, UUID company, UUID site, Duration timeout) throws InterruptedException {
    List<BillFile> toSend = new ArrayList<>();
    List<Sent> toPoll = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    for (BillFile file : files) {
      String sha = file.sha256();
      String copyOf = seen.putIfAbsent(sha, file.name());
      var known = manifest.find(sha);
      if (copyOf != null) {
        // Two copies of one file in the folder: the first is sent, the second would only be a duplicate.
        skipped.add(file.name());
      } else if (known.isEmpty() || known.get().state().sendAgain()) {
        toSend.add(file);
      } else if (known.get().state() == State.PENDING) {
        toPoll.add(new Sent(file.name(), sha, known.get().jobId()));
      } else {
        skipped.add(file.name());
      }
    }
    UploadSummary summary = new UploadSummary(files.size(), skipped);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread thread = new Thread(r, "upload");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Sent> sent = send(pool, toSend, company, site, summary);
      summary.sent(sent.size());
      toPoll.addAll(sent);
      await(pool, toPoll, timeout, summary);
    } finally {
      pool.shutdownNow();
    }
    return summary;
  }

  private List<Sent> send(ExecutorService pool, List<BillFile> files, UUID company, UUID site,
      UploadSummary summary) throws InterruptedException {
    List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    try (Progress progress = new Progress(context, "Uploading", "files", files.size())) {
      runAll(pool, files, file -> {
        try {
          String sha = file.sha256();
          JsonNode job = ApiCommand.tree(client.jobs().upload(company, file.path(), site));
          Sent one = new Sent(file.name(), sha, job.path("id").asText());
          manifest.record(new Entry(sha, file.name(), one.jobId(), State.PENDING));
          sent.add(one);
        } catch (ApiException e) {
          if (aboutTheRun(e)) {
            throw e;
          }
          // The server refused this file (too large, empty...): the others go on.
          summary.add(new UploadSummary.Line(State.FAILED, file.name(), null, "refused: " + Failure.describe(e)));
        } finally {
          progress.advance(1);
        }
      });
    }
    return sent;
  }

  /** Polls the jobs until each has an outcome or {@code timeout} has passed. */
  private void await(ExecutorService pool, List<Sent> jobs, Duration timeout, UploadSummary summary)
      throws InterruptedException {
    Instant deadline = context.clock().instant().plus(timeout);
    List<Sent> pending = new ArrayList<>(jobs);
    Duration pause = FIRST_POLL;
    try (Progress progress = new Progress(context, "Reading", "bills", pending.size())) {
      while (!pending.isEmpty()) {
        List<Sent> still = java.util.Collections.synchronizedList(new ArrayList<>());
        runAll(pool, pending, one -> {
          JobOutcome outcome;
          try {
            outcome = JobOutcome.of(ApiCommand.tree(client.jobs().get(UUID.fromString(one.jobId()))));
          } catch (NotFoundException e) {
            // The job is gone (the server's data was reset): the file is sent again next time.
            outcome = new JobOutcome(State.FAILED, "job " + one.jobId() + " not found");
          }
          if (outcome.state() == State.PENDING) {
            still.add(one);
            return;
          }
          manifest.record(new Entry(one.sha256(), one.name(), one.jobId(), outcome.state()));
          summary.add(new UploadSummary.Line(outcome.state(), one.name(), one.jobId(), outcome.detail()));
          progress.advance(1);
        });
        pending = new ArrayList<>(still);
        Duration left = Duration.between(context.clock().instant(), deadline);
        if (pending.isEmpty() || left.isNegative() || left.isZero()) {
          break;
        }
        context.pause().pause(pause.compareTo(left) < 0 ? pause : left);
        pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) < 0 ? pause.multipliedBy(2) : LONGEST_POLL;
      }
    }
    for (Sent one : pending) {
      summary.add(new UploadSummary.Line(State.PENDING, one.name(), one.jobId(),
          "job " + one.jobId() + " is still being read; run the same upload again to wait for it"));
    }
  }

  /**
   * Runs {@code action} for every item on the pool and waits for all; the first failure that is about
   * the whole run (see {@link #aboutTheRun}) cancels the rest and is thrown.
   */
  private static <T> void runAll(ExecutorService pool, List<T> items, Consumer<T> action) throws InterruptedException {
    AtomicReference<RuntimeException> stop = new AtomicReference<>();
    List<Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> {
        if (stop.get() != null) {
          return;
        }
        try {
          action.accept(item);
        } catch (RuntimeException e) {
          stop.compareAndSet(null, e);
        }
      }));
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        stop.compareAndSet(null, new IllegalStateException(e.getCause()));
      }
    }
    if (stop.get() != null) {
      throw stop.get();
    }
  }

  /** A wrong key, a company that is not there or not the key's: every file would fail the same way. */
  private static boolean aboutTheRun(ApiException e) {
    return e instanceof AuthenticationException || e instanceof PermissionException || e instanceof NotFoundException;
  }

  /** What a job's JSON says became of its file, in Nectar's own fields (so it works against Nectar too). */
  record JobOutcome(State state, String detail) {
    static JobOutcome of(JsonNode job) {
      String status = job.path("status").asText();
      String reason = Column.text(job.path("terminationReason"));
      switch (status) {
        case "PENDING":
          return new JobOutcome(State.PENDING, null);
        case "COMPLETED":
          if (!job.path("parsedDocumentIds").isEmpty()) {
            return new JobOutcome(State.PARSED, "document " + ids(job.path("parsedDocumentIds")));
          }
          if (!job.path("duplicateDocumentIds").isEmpty() || job.path("duplicates").asInt() > 0) {
            String of = ids(job.path("duplicateDocumentIds"));
            return new JobOutcome(State.DUPLICATE, of.isEmpty() ? "a duplicate" : "same as document " + of);
          }
          if (!job.path("nonUtilityDocumentIds").isEmpty()) {
            return new JobOutcome(State.NOT_A_BILL, "read, and not a utility bill");
          }
          return new JobOutcome(State.FAILED, reason.isEmpty() ? "completed without a document" : reason);
        default:
          return new JobOutcome(State.FAILED, status + (reason.isEmpty() ? "" : ": " + reason));
      }
    }

    private static String ids(JsonNode array) {
      List<String> ids = new ArrayList<>();
      array.forEach(id -> ids.add(id.asText()));
      return String.join(" ", ids);
    }
  }
}

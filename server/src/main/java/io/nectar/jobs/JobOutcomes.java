package io.nectar.jobs;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How the outcomes of a job's files add up to the job's status, once every file has one.
 *
 * <p>A single file: read (a document, a duplicate, not a bill) is COMPLETED; refused or unreadable
 * because of the file itself is TERMINATED with the engine's message as {@code terminationReason};
 * unreadable because of the server (no OCR program, repeated crashes) is FAILED, Nectar's "contact
 * support". A bulk job is COMPLETED once every file has an outcome, whatever they are, and its
 * {@code terminationReason} lists the files that were not read; only when every file failed for the
 * server's reasons is it FAILED.
 */
final class JobOutcomes {
  /** Keeps the summary of a large bulk job readable. */
  private static final int LISTED = 10;

  private JobOutcomes() {}

  /** The job's status and reason. */
  record Conclusion(JobStatus status, String reason) {}

  static Conclusion conclude(JobKind kind, List<JobFile> files) {
    if (kind == JobKind.FILE && files.size() == 1) {
      JobFile file = files.get(0);
      return switch (file.outcome()) {
        case DOCUMENT, REVISION, DUPLICATE, NOT_A_BILL -> new Conclusion(JobStatus.COMPLETED, null);
        case UNREADABLE, FETCH_FAILED -> new Conclusion(JobStatus.TERMINATED, file.reason());
        case FAILED -> new Conclusion(JobStatus.FAILED, file.reason());
      };
    }
    List<JobFile> unread = files.stream().filter(f -> !f.outcome().isRead()).toList();
    if (unread.isEmpty()) {
      return new Conclusion(JobStatus.COMPLETED, null);
    }
    String listed = unread.stream().limit(LISTED).map(f -> f.fileName() + ": " + f.reason())
        .collect(Collectors.joining("; "));
    String more = unread.size() > LISTED ? "; and " + (unread.size() - LISTED) + " more" : "";
    String reason = unread.size() + " of " + files.size() + (files.size() == 1 ? " file was" : " files were")
        + " not read: " + listed + more;
    boolean serverOnly = unread.size() == files.size()
        && unread.stream().allMatch(f -> f.outcome() == FileOutcome.FAILED);
    return new Conclusion(serverOnly ? JobStatus.FAILED : JobStatus.COMPLETED, reason);
  }
}

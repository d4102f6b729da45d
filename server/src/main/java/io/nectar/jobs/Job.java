package io.nectar.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An upload job: one or more files on their way to documents (nectar-api.md §10.1).
 *
 * @param siteId the site every file of the job goes to, or null to match by service address
 * @param terminationReason why a job TERMINATED or FAILED, or which files of a bulk job failed
 * @param files in the order they were sent
 */
public record Job(
    UUID id,
    UUID companyId,
    UUID siteId,
    JobKind kind,
    JobStatus status,
    String terminationReason,
    Instant created,
    Instant updated,
    List<JobFile> files) {

  public Job {
    Objects.requireNonNull(status, "status");
    files = List.copyOf(files);
  }

  /** The names of the job's files, in the order they were sent. */
  public List<String> fileNames() {
    return files.stream().map(JobFile::fileName).toList();
  }

  /** The documents the job's files became (a duplicate's is the earlier one), in the files' order. */
  public List<UUID> documentIds() {
    return files.stream().map(JobFile::documentId).filter(Objects::nonNull).toList();
  }

  Job withFiles(List<JobFile> of) {
    return new Job(id, companyId, siteId, kind, status, terminationReason, created, updated, of);
  }
}

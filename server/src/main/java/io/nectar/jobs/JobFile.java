package io.nectar.jobs;

import io.nectar.parsing.FileType;
import java.util.UUID;

/**
 * One file of a job as the job shows it (and as the worker claims it).
 *
 * @param position order within the job, from 0
 * @param sourceUrl the https URL a bulk file is fetched from; null for a multipart file
 * @param blobKey where the original is stored; null until a bulk file is fetched
 * @param type null until sniffed, and when the content is not a PDF, PNG or JPEG
 * @param outcome null until {@link State#DONE}
 */
record JobFile(
    UUID id,
    UUID jobId,
    UUID companyId,
    int position,
    String fileName,
    String sourceUrl,
    String blobKey,
    String sha256,
    FileType type,
    State state,
    FileOutcome outcome,
    UUID documentId,
    String reason,
    int attempts) {

  /** Where a file is in the queue. */
  enum State {
    PENDING,
    PROCESSING,
    DONE
  }

  /** The upload handed to filing, once the file is stored, hashed and sniffed. */
  Upload upload(UUID siteId) {
    return new Upload(id, jobId, companyId, siteId, fileName, type, blobKey, sha256);
  }
}

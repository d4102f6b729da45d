package io.nectar.jobs;

/** A job's status (nectar-api.md §9.7): PENDING until every file of it has an outcome. */
public enum JobStatus {
  PENDING,
  /** Every file has an outcome; for a bulk job, failed files are summarised in {@code terminationReason}. */
  COMPLETED,
  /** The server could not read the file (e.g. no OCR program): not the file's fault; "contact support". */
  FAILED,
  /** The single file was refused or unreadable; {@code terminationReason} says why. */
  TERMINATED
}

package io.nectar.jobs;

/** How a job's files arrived, which decides how their outcomes add up to the job's status. */
enum JobKind {
  /** One file sent as multipart ({@code POST /job/company/{id}}). */
  FILE,
  /** Files named by https URLs and fetched by the worker ({@code POST /job/company/{id}/bulk}). */
  URLS
}

package io.nectar.client.service;

import io.nectar.client.NetworkException;
import io.nectar.client.Page;
import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.internal.Multipart;
import io.nectar.client.model.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Upload jobs: send bill files (one file as multipart, or several by https URL), then follow the
 * job until the server has read them. {@link #waitFor} does the polling every integrator would
 * otherwise write.
 */
public final class JobService {
  static final Duration FIRST_POLL = Duration.ofMillis(500);
  static final Duration MAX_POLL = Duration.ofSeconds(5);

  private final Api api;

  public JobService(Api api) {
    this.api = api;
  }

  /** Uploads one file (PDF, PNG or JPEG, at most 25 MB) to the company, with no site. */
  public Job upload(UUID companyId, Path file) {
    return upload(companyId, file, null, RequestOptions.DEFAULT);
  }

  /** Uploads one file to the company; every document read from it goes to {@code siteId} (may be null). */
  public Job upload(UUID companyId, Path file, UUID siteId) {
    return upload(companyId, file, siteId, RequestOptions.DEFAULT);
  }

  public Job upload(UUID companyId, Path file, UUID siteId, RequestOptions options) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return upload(companyId, file.getFileName().toString(), content, siteId, options);
  }

  /** Uploads file content held in memory under the given file name (its extension picks the type). */
  public Job upload(UUID companyId, String fileName, byte[] content, UUID siteId, RequestOptions options) {
    Multipart body = new Multipart().file("document", fileName, contentType(fileName), content);
    if (siteId != null) {
      body.field("siteId", siteId.toString());
    }
    return api.postMultipart("/job/company/" + companyId, body, Job.class, options);
  }

  /** One job for several files the server fetches itself (each URL must be https). */
  public Job uploadUrls(UUID companyId, List<URI> documents, UUID siteId) {
    return uploadUrls(companyId, documents, siteId, RequestOptions.DEFAULT);
  }

  public Job uploadUrls(UUID companyId, List<URI> documents, UUID siteId, RequestOptions options) {
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("documents must name at least one URL");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("documents", documents.stream().map(URI::toString).toList());
    if (siteId != null) {
      body.put("siteId", siteId);
    }
    return api.post("/job/company/" + companyId + "/bulk", body, Job.class, options);
  }

  public Job get(UUID jobId) {
    return get(jobId, RequestOptions.DEFAULT);
  }

  public Job get(UUID jobId, RequestOptions options) {
    return api.get("/job/" + jobId, Job.class, options);
  }

  public Page<Job> list(UUID companyId) {
    return list(companyId, RequestOptions.DEFAULT);
  }

  public Page<Job> list(UUID companyId, RequestOptions options) {
    return api.page("/job/company/" + companyId, null, "jobs", Job.class, options, 1);
  }

  /**
   * Polls the job until it leaves {@code PENDING} or {@code timeout} has passed, and returns the
   * last state seen: check {@link Job#isTerminal()} to tell the two apart. Polls start at half a
   * second and slow down to every five seconds, so a long OCR job costs few requests. Time and
   * waiting come from the client's clock and sleeper.
   */
  public Job waitFor(UUID jobId, Duration timeout) {
    return waitFor(jobId, timeout, RequestOptions.DEFAULT);
  }

  public Job waitFor(UUID jobId, Duration timeout, RequestOptions options) {
    Instant deadline = api.transport().clock().instant().plus(timeout);
    Duration pause = FIRST_POLL;
    while (true) {
      Job job = get(jobId, options);
      Instant now = api.transport().clock().instant();
      if (job.isTerminal() || !now.isBefore(deadline)) {
        return job;
      }
      Duration left = Duration.between(now, deadline);
      sleep(pause.compareTo(left) < 0 ? pause : left);
      pause = pause.multipliedBy(3).dividedBy(2);
      if (pause.compareTo(MAX_POLL) > 0) {
        pause = MAX_POLL;
      }
    }
  }

  private void sleep(Duration duration) {
    try {
      api.transport().sleeper().sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException("Interrupted while waiting for a job", e);
    }
  }

  static String contentType(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (name.endsWith(".png")) {
      return "image/png";
    }
    if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    return "application/octet-stream";
  }
}

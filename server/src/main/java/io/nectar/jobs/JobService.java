package io.nectar.jobs;

import io.nectar.companies.CompanyService;
import io.nectar.errors.InvalidInput;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import io.nectar.keys.Caller;
import io.nectar.keys.Environment;
import io.nectar.parsing.FileSniffer;
import io.nectar.parsing.FileType;
import io.nectar.parsing.UnreadableFile;
import io.nectar.sites.Site;
import io.nectar.sites.SiteService;
import io.nectar.storage.BlobStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Upload jobs: accepting files (stored and hashed at once) or https URLs (fetched by the worker),
 * and showing jobs, scoped to the caller's companies. The reading happens in {@link UploadWorker}.
 */
public final class JobService {
  /** Nectar's limit for one file (nectar-api.md §10.1). */
  public static final long MAX_FILE_BYTES = 25L * 1024 * 1024;
  /** The most URLs one bulk job takes: each is a fetch and a reading, and a job is shown whole. */
  public static final int MAX_URLS = 100;

  /** A page of jobs and where it falls. */
  public record JobPage(List<Job> jobs, PageWindow window) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final CompanyService companies;
  private final SiteService sites;
  private final BlobStore blobs;
  private final Runnable newWork;
  private final JobStore store = new JobStore();

  /** {@code newWork} tells this server's workers that files are waiting (others find them by polling). */
  public JobService(Jdbi jdbi, Clock clock, Supplier<UUID> ids, CompanyService companies, SiteService sites,
      BlobStore blobs, Runnable newWork) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ids = ids;
    this.companies = companies;
    this.sites = sites;
    this.blobs = blobs;
    this.newWork = newWork;
  }

  /**
   * Accepts one file: stores it under a key of its own, hashes it and sniffs its type, and queues it.
   * A file that is not a PDF, PNG or JPEG is accepted too and TERMINATES with the reason, as a file
   * whose content turns out unreadable later does: the answer is the same however deep the problem is.
   */
  Job submitFile(Caller caller, UUID companyId, Supplier<UploadInput.File> read) {
    // The company first: another tenant's company is a 403 whatever the body holds.
    jdbi.useHandle(h -> companies.requireOwned(h, caller, companyId));
    UploadInput.File input = read.get();
    UUID siteId = input.siteId();
    String fileName = input.fileName();
    byte[] bytes = input.bytes();
    jdbi.useHandle(h -> authorize(h, caller, companyId, siteId));
    UUID jobId = ids.get();
    UUID fileId = ids.get();
    FileType type = sniff(bytes);
    String name = FileNames.of(fileName, type);
    String blobKey = "uploads/" + companyId + "/" + fileId + "." + (type == null ? "bin" : type.extension());
    // The file is stored before its row exists: a crash in between leaves an unused file, never a row
    // pointing at a missing one.
    blobs.put(blobKey, bytes, type == null ? "application/octet-stream" : type.mediaType());
    JobFile file = new JobFile(fileId, jobId, companyId, 0, name, null, blobKey, sha256(bytes), type,
        JobFile.State.PENDING, null, null, null, 0);
    Instant now = now();
    return queue(caller, new Job(jobId, companyId, siteId, JobKind.FILE, JobStatus.PENDING, null, now, now,
        List.of(file)));
  }

  /**
   * A bill the account holder uploads in the hosted connection flow instead of connecting: a job of
   * the company their link is for, read like any other upload. The link proved the company; no key is involved.
   */
  public Job submitHostedFile(UUID organizationId, Environment environment, UUID companyId, String fileName,
      byte[] bytes) {
    return submitFile(Caller.acting(organizationId, environment), companyId,
        () -> new UploadInput.File(fileName, bytes, null));
  }

  /** One bill uploaded from the dashboard: a job like {@code POST /job/company/{id}}'s, for the site or none. */
  public Job upload(Caller caller, UUID companyId, UUID siteId, String fileName, byte[] bytes) {
    return submitFile(caller, companyId, () -> new UploadInput.File(fileName, bytes, siteId));
  }

  /** Those of {@code ids} that are jobs of {@code companyId}, for the hosted upload page's progress. */
  public List<Job> jobsOf(UUID companyId, List<UUID> ids) {
    return jdbi.withHandle(h -> ids.stream().map(id -> store.find(h, id)).flatMap(Optional::stream)
        .filter(job -> job.companyId().equals(companyId)).toList());
  }

  /** Accepts https URLs, already checked one by one ({@link UploadInput}); the worker fetches each. */
  Job submitUrls(Caller caller, UUID companyId, Supplier<UploadInput.Urls> read) {
    jdbi.useHandle(h -> companies.requireOwned(h, caller, companyId));
    UploadInput.Urls input = read.get();
    UUID siteId = input.siteId();
    List<String> urls = input.urls();
    jdbi.useHandle(h -> authorize(h, caller, companyId, siteId));
    UUID jobId = ids.get();
    List<JobFile> files = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      files.add(new JobFile(ids.get(), jobId, companyId, i, FileNames.ofUrl(urls.get(i), i), urls.get(i), null,
          null, null, JobFile.State.PENDING, null, null, null, 0));
    }
    Instant now = now();
    return queue(caller, new Job(jobId, companyId, siteId, JobKind.URLS, JobStatus.PENDING, null, now, now, files));
  }

  private Job queue(Caller caller, Job job) {
    jdbi.useTransaction(h -> {
      // Again inside the transaction: the company may have been deleted while the file was stored.
      authorize(h, caller, job.companyId(), job.siteId());
      store.insert(h, job);
    });
    newWork.run();
    return job;
  }

  /** The job {@code id}: 404 when there is none, 403 when it belongs to another tenant. */
  public Job get(Caller caller, UUID id) {
    return jdbi.withHandle(h -> {
      Job job = store.find(h, id).orElseThrow(() -> new io.nectar.errors.NotFound("Job"));
      companies.requireOwnedChild(h, caller, job.companyId(), "Job");
      return job;
    });
  }

  public JobPage list(Caller caller, UUID companyId, PageRequest page) {
    return jdbi.inTransaction(h -> {
      companies.requireOwned(h, caller, companyId);
      PageWindow window = page.window(store.count(h, companyId));
      return new JobPage(store.page(h, companyId, window.offset(), window.limit()), window);
    });
  }

  /**
   * The company must be the caller's and live (a deleted company is gone: 404); the site, when named,
   * one of that company's.
   */
  private void authorize(Handle h, Caller caller, UUID companyId, UUID siteId) {
    companies.requireOwned(h, caller, companyId);
    if (siteId != null) {
      List<Site> found = sites.byIds(h, List.of(siteId));
      if (found.isEmpty() || !found.get(0).companyId().equals(companyId)) {
        throw InvalidInput.field("siteId", "No site with id \"" + siteId + "\" in this company.");
      }
    }
  }

  private static FileType sniff(byte[] bytes) {
    try {
      return FileSniffer.sniff(bytes);
    } catch (UnreadableFile e) {
      return null;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

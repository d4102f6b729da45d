package io.nectar.jobs;

import io.nectar.parsing.FileType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The SQL of jobs and their files (migration V11). */
final class JobStore {
  private static final String FILE_COLUMNS = "id, job_id, company_id, position, file_name, source_url, blob_key, "
      + "sha256, file_type, state, outcome, document_id, reason, attempts";

  void insert(Handle h, Job job) {
    h.createUpdate("""
            insert into upload_job (id, company_id, site_id, kind, status, termination_reason, created, updated)
            values (:id, :company, cast(:site as uuid), :kind, :status, :reason, :created, :updated)""")
        .bind("id", job.id()).bind("company", job.companyId()).bind("site", job.siteId())
        .bind("kind", job.kind().name()).bind("status", job.status().name()).bind("reason", job.terminationReason())
        .bind("created", job.created()).bind("updated", job.updated()).execute();
    for (JobFile f : job.files()) {
      h.createUpdate("""
              insert into job_upload (id, job_id, company_id, position, file_name, source_url, blob_key, sha256,
                                      file_type, state, created, updated)
              values (:id, :job, :company, :position, :name, :url, :blob, :sha, :type, 'PENDING', :now, :now)""")
          .bind("id", f.id()).bind("job", job.id()).bind("company", job.companyId()).bind("position", f.position())
          .bind("name", f.fileName()).bind("url", f.sourceUrl()).bind("blob", f.blobKey()).bind("sha", f.sha256())
          .bind("type", f.type() == null ? null : f.type().name()).bind("now", job.created()).execute();
    }
  }

  Optional<Job> find(Handle h, UUID id) {
    return h.createQuery("select * from upload_job where id = :id").bind("id", id).map(JobStore::job).findOne()
        .map(job -> job.withFiles(filesOf(h, List.of(id)).getOrDefault(id, List.of())));
  }

  /** The job {@code id} with its row locked until the transaction ends. */
  Optional<Job> lock(Handle h, UUID id) {
    return h.createQuery("select * from upload_job where id = :id for update").bind("id", id).map(JobStore::job)
        .findOne().map(job -> job.withFiles(filesOf(h, List.of(id)).getOrDefault(id, List.of())));
  }

  long count(Handle h, UUID companyId) {
    return h.createQuery("select count(*) from upload_job where company_id = :company").bind("company", companyId)
        .mapTo(Long.class).one();
  }

  /** A page of a company's jobs, newest first (the id breaks ties), each with its files. */
  List<Job> page(Handle h, UUID companyId, long offset, int limit) {
    List<Job> jobs = h.createQuery("""
            select * from upload_job where company_id = :company
            order by created desc, id desc offset :offset limit :limit""")
        .bind("company", companyId).bind("offset", offset).bind("limit", limit).map(JobStore::job).list();
    Map<UUID, List<JobFile>> files = filesOf(h, jobs.stream().map(Job::id).toList());
    return jobs.stream().map(j -> j.withFiles(files.getOrDefault(j.id(), List.of()))).toList();
  }

  private Map<UUID, List<JobFile>> filesOf(Handle h, Collection<UUID> jobIds) {
    if (jobIds.isEmpty()) {
      return Map.of();
    }
    return h.createQuery("select " + FILE_COLUMNS + " from job_upload where job_id = any(:ids) order by position")
        .bind("ids", jobIds.toArray(UUID[]::new)).map(JobStore::file).list().stream()
        .collect(Collectors.groupingBy(JobFile::jobId));
  }

  /**
   * Claims the oldest file no live worker holds: one still pending whose wait (if any) is over, or one
   * whose worker's lease ran out. SKIP LOCKED lets any number of workers on any number of servers claim
   * side by side, each a different row. Lease times are the database's, the one clock all servers share.
   */
  Optional<JobFile> claim(Handle h, UUID token, Duration lease, Instant now) {
    return h.createQuery("""
            update job_upload set state = 'PROCESSING', attempts = attempts + 1, claim_token = :token,
                   lease_until = clock_timestamp() + :lease * interval '1 millisecond', updated = :now
            where id = (select id from job_upload
                        where state <> 'DONE' and (lease_until is null or lease_until < clock_timestamp())
                        order by created, position limit 1 for update skip locked)
            returning""" + " " + FILE_COLUMNS)
        .bind("token", token).bind("lease", lease.toMillis()).bind("now", now).map(JobStore::file).findOne();
  }

  /** Extends the leases of the files {@code tokens} still hold. */
  int renew(Handle h, Collection<UUID> tokens, Duration lease) {
    if (tokens.isEmpty()) {
      return 0;
    }
    return h.createUpdate("""
            update job_upload set lease_until = clock_timestamp() + :lease * interval '1 millisecond'
            where claim_token = any(:tokens) and state = 'PROCESSING'""")
        .bind("tokens", tokens.toArray(UUID[]::new)).bind("lease", lease.toMillis()).execute();
  }

  /** Gives a claimed file back to the queue, to be tried again after {@code wait}. */
  boolean release(Handle h, UUID fileId, UUID token, Duration wait, Instant now) {
    return h.createUpdate("""
            update job_upload set state = 'PENDING', claim_token = null,
                   lease_until = clock_timestamp() + :wait * interval '1 millisecond', updated = :now
            where id = :id and claim_token = :token and state = 'PROCESSING'""")
        .bind("id", fileId).bind("token", token).bind("wait", wait.toMillis()).bind("now", now).execute() == 1;
  }

  /** As {@link #release}, and the attempt that claimed the file no longer counts. */
  boolean postpone(Handle h, UUID fileId, UUID token, Duration wait, Instant now) {
    return h.createUpdate("""
            update job_upload set state = 'PENDING', claim_token = null, attempts = greatest(attempts - 1, 0),
                   lease_until = clock_timestamp() + :wait * interval '1 millisecond', updated = :now
            where id = :id and claim_token = :token and state = 'PROCESSING'""")
        .bind("id", fileId).bind("token", token).bind("wait", wait.toMillis()).bind("now", now).execute() == 1;
  }

  /** Records a fetched file's place in the blob store, digest and type, while the claim is held. */
  boolean stored(Handle h, UUID fileId, UUID token, String blobKey, String sha256, FileType type, Instant now) {
    return h.createUpdate("""
            update job_upload set blob_key = :blob, sha256 = :sha, file_type = :type, updated = :now
            where id = :id and claim_token = :token and state = 'PROCESSING'""")
        .bind("id", fileId).bind("token", token).bind("blob", blobKey).bind("sha", sha256)
        .bind("type", type == null ? null : type.name()).bind("now", now).execute() == 1;
  }

  /** Records a file's outcome, if the claim is still {@code token}'s (a worker past its lease records nothing). */
  boolean finish(Handle h, UUID fileId, UUID token, FileOutcome outcome, UUID documentId, String reason,
      FileType type, Instant now) {
    return h.createUpdate("""
            update job_upload set state = 'DONE', outcome = :outcome, document_id = cast(:document as uuid),
                   reason = :reason, file_type = coalesce(cast(:type as text), file_type), claim_token = null,
                   lease_until = null, updated = :now
            where id = :id and claim_token = :token and state = 'PROCESSING'""")
        .bind("id", fileId).bind("token", token).bind("outcome", outcome.name()).bind("document", documentId)
        .bind("reason", reason).bind("type", type == null ? null : type.name()).bind("now", now).execute() == 1;
  }

  void conclude(Handle h, UUID jobId, JobStatus status, String reason, Instant now) {
    h.createUpdate("""
            update upload_job set status = :status, termination_reason = :reason, updated = :now
            where id = :id""")
        .bind("id", jobId).bind("status", status.name()).bind("reason", reason).bind("now", now).execute();
  }

  /**
   * The document an earlier file of the company with the same bytes became (as a new document or a
   * revision), oldest first: the candidates for "the same file again".
   */
  List<UUID> documentsOfSameFile(Handle h, UUID companyId, String sha256, UUID exceptFile) {
    return h.createQuery("""
            select document_id from job_upload
            where company_id = :company and sha256 = :sha and document_id is not null and id <> :except
              and outcome in ('DOCUMENT', 'REVISION')
            order by created, position""")
        .bind("company", companyId).bind("sha", sha256).bind("except", exceptFile).mapTo(UUID.class).list();
  }

  private static Job job(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
    return new Job(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
        rs.getObject("site_id", UUID.class), JobKind.valueOf(rs.getString("kind")),
        JobStatus.valueOf(rs.getString("status")), rs.getString("termination_reason"),
        rs.getTimestamp("created").toInstant(), rs.getTimestamp("updated").toInstant(), List.of());
  }

  private static JobFile file(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
    String type = rs.getString("file_type");
    String outcome = rs.getString("outcome");
    return new JobFile(rs.getObject("id", UUID.class), rs.getObject("job_id", UUID.class),
        rs.getObject("company_id", UUID.class), rs.getInt("position"), rs.getString("file_name"),
        rs.getString("source_url"), rs.getString("blob_key"), rs.getString("sha256"),
        type == null ? null : FileType.valueOf(type), JobFile.State.valueOf(rs.getString("state")),
        outcome == null ? null : FileOutcome.valueOf(outcome), rs.getObject("document_id", UUID.class),
        rs.getString("reason"), rs.getInt("attempts"));
  }
}

package io.nectar.hosted;

import io.nectar.db.Rows;
import io.nectar.invitations.Prefill;
import io.nectar.keys.Environment;
import io.nectar.meters.DatasourceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL for hosted-flow visits and the attempts counted against them. */
final class HostedSessionStore {
  private static final String COLUMNS = """
      id, organization_id, environment, company_id, entry, invitation_id, target_connection_id,
      created_connection_id, allowed_emails, prefill_sites, prefill_utility_url, prefill_utility_types,
      prefill_country, prefill_owner_email, prefill_start_date, verified_email, pending_email,
      email_code_expires_at, email_code_attempts, completed_at, created_at, expires_at""";

  /** The first key of the two-key advisory lock, naming its purpose (ASCII "HOST"). */
  private static final int ATTEMPT_LOCK_SPACE = 0x484f5354;

  void insert(Handle h, HostedSession s, byte[] tokenHash) {
    // Nullable ids and dates are cast: the driver sends a null of unknown type as text.
    h.createUpdate("insert into hosted_session (" + COLUMNS + ", token_hash) values " + """
            (:id, :organization, :environment, :company, :entry, cast(:invitation as uuid), cast(:target as uuid),
             cast(:created as uuid), :allowed, :sites, :utility, :types, :country, :owner, cast(:start as date),
             :verified, null, null, 0, null, :createdAt, :expiresAt, :tokenHash)""")
        .bind("id", s.id()).bind("organization", s.organizationId()).bind("environment", s.environment().name())
        .bind("company", s.companyId()).bind("entry", s.entry().name()).bind("invitation", s.invitationId())
        .bind("target", s.targetConnectionId()).bind("created", s.createdConnectionId())
        .bindArray("allowed", String.class, s.allowedEmails())
        .bindArray("sites", UUID.class, s.prefill().initialSites()).bind("utility", s.prefill().url())
        .bindArray("types", String.class, s.prefill().utilityTypes().stream().map(Enum::name).toList())
        .bind("country", s.prefill().country()).bind("owner", s.prefill().connectionOwnerEmail())
        .bind("start", s.prefill().dataCollectionStartDate()).bind("verified", s.verifiedEmail())
        .bind("createdAt", s.createdAt()).bind("expiresAt", s.expiresAt()).bind("tokenHash", tokenHash)
        .execute();
  }

  /** The live visit whose token hashes to {@code tokenHash}. */
  Optional<HostedSession> find(Handle h, byte[] tokenHash, Instant now) {
    return h.createQuery("select " + COLUMNS + " from hosted_session where token_hash = :hash and expires_at > :now")
        .bind("hash", tokenHash).bind("now", now).map((rs, ctx) -> map(rs)).findOne();
  }

  /** The e-mail code sent to {@code email}, replacing any earlier one (its attempts start again). */
  void pendCode(Handle h, UUID id, String email, byte[] codeHash, Instant expiresAt) {
    h.createUpdate("""
            update hosted_session set pending_email = :email, email_code_hash = :hash,
              email_code_expires_at = :expires, email_code_attempts = 0 where id = :id""")
        .bind("id", id).bind("email", email).bind("hash", codeHash).bind("expires", expiresAt).execute();
  }

  /** Counts one try at the pending code and returns its hash when the code is still live and tries remain. */
  Optional<byte[]> tryCode(Handle h, UUID id, int maxAttempts, Instant now) {
    return h.createQuery("""
            update hosted_session set email_code_attempts = email_code_attempts + 1
            where id = :id and email_code_hash is not null and email_code_expires_at > :now
              and email_code_attempts < :max
            returning email_code_hash""")
        .bind("id", id).bind("now", now).bind("max", maxAttempts).mapTo(byte[].class).findOne();
  }

  void verify(Handle h, UUID id, String email) {
    h.createUpdate("""
            update hosted_session set verified_email = :email, pending_email = null, email_code_hash = null,
              email_code_expires_at = null where id = :id""")
        .bind("id", id).bind("email", email).execute();
  }

  void created(Handle h, UUID id, UUID connectionId) {
    h.createUpdate("update hosted_session set created_connection_id = :connection where id = :id")
        .bind("id", id).bind("connection", connectionId).execute();
  }

  void completed(Handle h, UUID id, Instant when) {
    h.createUpdate("update hosted_session set completed_at = :when where id = :id")
        .bind("id", id).bind("when", when).execute();
  }

  /** Holds {@code scope}'s advisory lock until the transaction ends: counting and adding become one step. */
  void lockAttempts(Handle h, String scope) {
    h.createQuery("select pg_advisory_xact_lock(:space, hashtext(:scope))")
        .bind("space", ATTEMPT_LOCK_SPACE).bind("scope", scope).mapTo(String.class).list();
  }

  long countAttempts(Handle h, String scope, Instant since) {
    return h.createQuery("select count(*) from hosted_attempt where scope = :scope and at > :since")
        .bind("scope", scope).bind("since", since).mapTo(Long.class).one();
  }

  void addAttempt(Handle h, String scope, Instant now) {
    h.createUpdate("insert into hosted_attempt (scope, at) values (:scope, :now)")
        .bind("scope", scope).bind("now", now).execute();
  }

  /** Forgets visits and attempts nobody can use any more. */
  void purge(Handle h, Instant now, Instant attemptsBefore) {
    h.createUpdate("delete from hosted_session where expires_at < :now").bind("now", now).execute();
    h.createUpdate("delete from hosted_attempt where at < :before").bind("before", attemptsBefore).execute();
  }

  private static HostedSession map(ResultSet rs) throws SQLException {
    return new HostedSession(
        rs.getObject("id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        Environment.valueOf(rs.getString("environment")),
        rs.getObject("company_id", UUID.class),
        HostedSession.Entry.valueOf(rs.getString("entry")),
        rs.getObject("invitation_id", UUID.class),
        rs.getObject("target_connection_id", UUID.class),
        rs.getObject("created_connection_id", UUID.class),
        Arrays.asList((String[]) rs.getArray("allowed_emails").getArray()),
        new Prefill(rs.getString("prefill_utility_url"),
            Arrays.asList((UUID[]) rs.getArray("prefill_sites").getArray()),
            Arrays.stream((String[]) rs.getArray("prefill_utility_types").getArray()).map(DatasourceType::valueOf)
                .toList(),
            rs.getString("prefill_country"), rs.getString("prefill_owner_email"),
            rs.getObject("prefill_start_date", LocalDate.class)),
        rs.getString("verified_email"),
        rs.getString("pending_email"),
        Rows.instant(rs.getTimestamp("email_code_expires_at")),
        rs.getInt("email_code_attempts"),
        Rows.instant(rs.getTimestamp("completed_at")),
        Rows.instant(rs.getTimestamp("created_at")),
        Rows.instant(rs.getTimestamp("expires_at")));
  }
}

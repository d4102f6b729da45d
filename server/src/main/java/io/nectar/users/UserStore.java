package io.nectar.users;

import io.nectar.db.Rows;
import io.nectar.keys.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for dashboard users, their sessions, one-time links and sign-in attempts. */
final class UserStore {
  /** The first key of the advisory locks on sign-in attempt counts (the hosted pages use another). */
  private static final int ATTEMPT_LOCK_SPACE = 0x4e445341; // "NDSA"
  private static final String USER_COLUMNS = """
      u.id, u.organization_id, o.name as organization_name, u.email, u.role, u.password_hash,
      u.created_at, u.password_set_at""";

  private static final RowMapper<DashboardUser> USER = (rs, ctx) -> new DashboardUser(
      rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
      rs.getString("organization_name"), rs.getString("email"), Role.valueOf(rs.getString("role")));

  private static final RowMapper<StoredUser> STORED_USER = (rs, ctx) -> new StoredUser(
      USER.map(rs, ctx), rs.getString("password_hash"), Rows.instant(rs.getTimestamp("created_at")),
      Rows.instant(rs.getTimestamp("password_set_at")));

  /** A user with what only this package sees: the password hash and the dates. */
  record StoredUser(DashboardUser user, String passwordHash, Instant created, Instant passwordSet) {}

  /** A session row with its user. */
  record StoredSession(DashboardSession session, Instant lastSeen, Instant expires) {}

  /** A one-time link's row. */
  record StoredLink(UUID id, LinkPurpose purpose, UUID organizationId, String organizationName, UUID userId,
      String email, Instant expires, Instant used) {}

  boolean anyUser(Handle h) {
    return h.createQuery("select exists (select 1 from dashboard_user)").mapTo(Boolean.class).one();
  }

  void insertUser(Handle h, UUID id, UUID organizationId, String email, Role role, Instant now) {
    h.createUpdate("""
            insert into dashboard_user (id, organization_id, email, role, created_at)
            values (:id, :org, :email, :role, :now)""")
        .bind("id", id).bind("org", organizationId).bind("email", email).bind("role", role.name())
        .bind("now", now).execute();
  }

  Optional<StoredUser> userByEmail(Handle h, String email) {
    return h.createQuery("select " + USER_COLUMNS
            + " from dashboard_user u join organization o on o.id = u.organization_id where u.email = :email")
        .bind("email", email).map(STORED_USER).findOne();
  }

  Optional<StoredUser> userById(Handle h, UUID id) {
    return h.createQuery("select " + USER_COLUMNS
            + " from dashboard_user u join organization o on o.id = u.organization_id where u.id = :id")
        .bind("id", id).map(STORED_USER).findOne();
  }

  List<StoredUser> usersOf(Handle h, UUID organizationId) {
    return h.createQuery("select " + USER_COLUMNS + " from dashboard_user u join organization o"
            + " on o.id = u.organization_id where u.organization_id = :org order by u.email")
        .bind("org", organizationId).map(STORED_USER).list();
  }

  int countAdmins(Handle h, UUID organizationId) {
    return h.createQuery("select count(*) from dashboard_user where organization_id = :org and role = 'ADMIN'")
        .bind("org", organizationId).mapTo(Integer.class).one();
  }

  boolean deleteUser(Handle h, UUID organizationId, UUID userId) {
    return h.createUpdate("delete from dashboard_user where id = :id and organization_id = :org")
        .bind("id", userId).bind("org", organizationId).execute() > 0;
  }

  void setPassword(Handle h, UUID userId, String hash, Instant now) {
    h.createUpdate("update dashboard_user set password_hash = :hash, password_set_at = :now where id = :id")
        .bind("id", userId).bind("hash", hash).bind("now", now).execute();
  }

  // ---- sessions ----

  void insertSession(Handle h, UUID id, byte[] tokenHash, UUID userId, Environment environment, Instant now,
      Instant expires) {
    h.createUpdate("""
            insert into dashboard_session (id, token_hash, user_id, environment, created_at, last_seen_at, expires_at)
            values (:id, :hash, :user, :env, :now, :now, :expires)""")
        .bind("id", id).bind("hash", tokenHash).bind("user", userId).bind("env", environment.name())
        .bind("now", now).bind("expires", expires).execute();
  }

  Optional<StoredSession> sessionByHash(Handle h, byte[] tokenHash) {
    return h.createQuery("select s.id as session_id, s.environment, s.last_seen_at, s.expires_at, " + USER_COLUMNS
            + " from dashboard_session s join dashboard_user u on u.id = s.user_id"
            + " join organization o on o.id = u.organization_id where s.token_hash = :hash")
        .bind("hash", tokenHash)
        .map((rs, ctx) -> new StoredSession(
            new DashboardSession(rs.getObject("session_id", UUID.class), USER.map(rs, ctx),
                Environment.valueOf(rs.getString("environment"))),
            Rows.instant(rs.getTimestamp("last_seen_at")), Rows.instant(rs.getTimestamp("expires_at"))))
        .findOne();
  }

  /** Records activity at most once a minute: most page views then need no write. */
  void touchSession(Handle h, UUID sessionId, Instant now) {
    h.createUpdate("update dashboard_session set last_seen_at = :now where id = :id and last_seen_at < :cutoff")
        .bind("id", sessionId).bind("now", now).bind("cutoff", now.minusSeconds(60)).execute();
  }

  void setEnvironment(Handle h, UUID sessionId, Environment environment) {
    h.createUpdate("update dashboard_session set environment = :env where id = :id")
        .bind("id", sessionId).bind("env", environment.name()).execute();
  }

  void deleteSessionByHash(Handle h, byte[] tokenHash) {
    h.createUpdate("delete from dashboard_session where token_hash = :hash").bind("hash", tokenHash).execute();
  }

  void deleteSession(Handle h, UUID sessionId) {
    h.createUpdate("delete from dashboard_session where id = :id").bind("id", sessionId).execute();
  }

  void deleteSessionsOf(Handle h, UUID userId) {
    h.createUpdate("delete from dashboard_session where user_id = :user").bind("user", userId).execute();
  }

  // ---- one-time links ----

  void insertLink(Handle h, UUID id, byte[] tokenHash, LinkPurpose purpose, UUID organizationId, UUID userId,
      Instant now, Instant expires) {
    h.createUpdate("""
            insert into dashboard_link (id, token_hash, purpose, organization_id, user_id, created_at, expires_at)
            values (:id, :hash, :purpose, :org, cast(:user as uuid), :now, :expires)""")
        .bind("id", id).bind("hash", tokenHash).bind("purpose", purpose.name()).bind("org", organizationId)
        .bind("user", userId == null ? null : userId.toString()).bind("now", now).bind("expires", expires).execute();
  }

  Optional<StoredLink> linkByHash(Handle h, byte[] tokenHash) {
    return h.createQuery("""
            select l.id, l.purpose, l.organization_id, o.name as organization_name, l.user_id, u.email,
                   l.expires_at, l.used_at
            from dashboard_link l join organization o on o.id = l.organization_id
            left join dashboard_user u on u.id = l.user_id
            where l.token_hash = :hash""")
        .bind("hash", tokenHash)
        .map((rs, ctx) -> new StoredLink(rs.getObject("id", UUID.class), LinkPurpose.valueOf(rs.getString("purpose")),
            rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
            rs.getObject("user_id", UUID.class), rs.getString("email"), Rows.instant(rs.getTimestamp("expires_at")),
            Rows.instant(rs.getTimestamp("used_at"))))
        .findOne();
  }

  /** Marks the link used; false when another request used it first. */
  boolean useLink(Handle h, UUID linkId, Instant now) {
    return h.createUpdate("update dashboard_link set used_at = :now where id = :id and used_at is null")
        .bind("id", linkId).bind("now", now).execute() > 0;
  }

  // ---- sign-in attempts ----

  void lockAttempts(Handle h, String scope) {
    h.createQuery("select pg_advisory_xact_lock(:space, hashtext(:scope))")
        .bind("space", ATTEMPT_LOCK_SPACE).bind("scope", scope).mapTo(String.class).list();
  }

  int countAttempts(Handle h, String scope, Instant since) {
    return h.createQuery("select count(*) from dashboard_attempt where scope = :scope and at > :since")
        .bind("scope", scope).bind("since", since).mapTo(Integer.class).one();
  }

  void addAttempt(Handle h, String scope, Instant at) {
    h.createUpdate("insert into dashboard_attempt (scope, at) values (:scope, :at)")
        .bind("scope", scope).bind("at", at).execute();
  }

  void clearAttempts(Handle h, String scope) {
    h.createUpdate("delete from dashboard_attempt where scope = :scope").bind("scope", scope).execute();
  }

  /** Forgets expired sessions and links, and attempts older than {@code attemptsBefore}. */
  void purge(Handle h, Instant now, Instant idleBefore, Instant attemptsBefore) {
    h.createUpdate("delete from dashboard_session where expires_at < :now or last_seen_at < :idle")
        .bind("now", now).bind("idle", idleBefore).execute();
    h.createUpdate("delete from dashboard_link where expires_at < :now").bind("now", now).execute();
    h.createUpdate("delete from dashboard_attempt where at < :before").bind("before", attemptsBefore).execute();
  }
}

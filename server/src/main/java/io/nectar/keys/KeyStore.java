package io.nectar.keys;

import io.nectar.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for organizations and API keys. */
final class KeyStore {
  private static final String KEY_COLUMNS = """
      k.id, k.organization_id, o.name as organization_name, k.name, k.environment, k.secret_hint,
      k.expires_at, k.created_at, k.last_used_at, k.revoked_at""";

  private static final RowMapper<ApiKey> KEY = (rs, ctx) -> new ApiKey(
      rs.getObject("id", UUID.class),
      rs.getObject("organization_id", UUID.class),
      rs.getString("organization_name"),
      rs.getString("name"),
      Environment.valueOf(rs.getString("environment")),
      rs.getString("secret_hint"),
      Rows.instant(rs.getTimestamp("expires_at")),
      Rows.instant(rs.getTimestamp("created_at")),
      Rows.instant(rs.getTimestamp("last_used_at")),
      Rows.instant(rs.getTimestamp("revoked_at")));

  private static final RowMapper<Organization> ORGANIZATION = (rs, ctx) -> new Organization(
      rs.getObject("id", UUID.class), rs.getString("name"), Rows.instant(rs.getTimestamp("created_at")));

  private final Jdbi jdbi;

  KeyStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Optional<Organization> organizationByName(Handle h, String name) {
    return h.createQuery("select id, name, created_at from organization where name = :name")
        .bind("name", name).map(ORGANIZATION).findOne();
  }

  /** Inserts the organization unless one of that name exists; returns the stored one either way. */
  Organization insertOrganizationIfAbsent(Handle h, Organization organization) {
    h.createUpdate("insert into organization (id, name, created_at) values (:id, :name, :created)"
            + " on conflict (name) do nothing")
        .bind("id", organization.id()).bind("name", organization.name())
        .bind("created", organization.created()).execute();
    return organizationByName(h, organization.name()).orElseThrow();
  }

  void insertKey(Handle h, ApiKey key, String secretHash) {
    h.createUpdate("""
            insert into api_key (id, organization_id, name, environment, secret_hash, secret_hint,
                                 expires_at, created_at)
            values (:id, :org, :name, :env, :hash, :hint, :expires, :created)""")
        .bind("id", key.id()).bind("org", key.organizationId()).bind("name", key.name())
        .bind("env", key.environment().name()).bind("hash", secretHash).bind("hint", key.secretHint())
        .bind("expires", key.expires()).bind("created", key.created())
        .execute();
  }

  int countKeys(Handle h, UUID organizationId) {
    return h.createQuery("select count(*) from api_key where organization_id = :org")
        .bind("org", organizationId).mapTo(Integer.class).one();
  }

  List<ApiKey> listKeys() {
    return jdbi.withHandle(h -> h.createQuery("select " + KEY_COLUMNS
            + " from api_key k join organization o on o.id = k.organization_id order by o.name, k.created_at, k.id")
        .map(KEY).list());
  }

  Optional<ApiKey> keyByHash(String secretHash) {
    return jdbi.withHandle(h -> h.createQuery("select " + KEY_COLUMNS
            + " from api_key k join organization o on o.id = k.organization_id where k.secret_hash = :hash")
        .bind("hash", secretHash).map(KEY).findOne());
  }

  boolean revoke(UUID keyId, Instant now) {
    return jdbi.withHandle(h -> h.createUpdate(
            "update api_key set revoked_at = coalesce(revoked_at, :now) where id = :id")
        .bind("id", keyId).bind("now", now).execute()) > 0;
  }

  void delete(UUID keyId) {
    jdbi.useHandle(h -> h.createUpdate("delete from api_key where id = :id").bind("id", keyId).execute());
  }

  /**
   * Records use of a key, at most once a minute per key: a write on every request would turn each
   * read into a write for no information anyone needs at finer grain.
   */
  void touch(UUID keyId, Instant now) {
    jdbi.useHandle(h -> h.createUpdate("""
            update api_key set last_used_at = :now
            where id = :id and (last_used_at is null or last_used_at < :cutoff)""")
        .bind("id", keyId).bind("now", now).bind("cutoff", now.minusSeconds(60)).execute());
  }
}

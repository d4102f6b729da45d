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

  /** Inserts the key unless one with its id exists; false when it did. */
  boolean insertKeyIfAbsent(Handle h, ApiKey key, String secretHash) {
    return h.createUpdate("""
            insert into api_key (id, organization_id, name, environment, secret_hash, secret_hint,
                                 expires_at, created_at)
            values (:id, :org, :name, :env, :hash, :hint, :expires, :created)
            on conflict (id) do nothing""")
        .bind("id", key.id()).bind("org", key.organizationId()).bind("name", key.name())
        .bind("env", key.environment().name()).bind("hash", secretHash).bind("hint", key.secretHint())
        .bind("expires", key.expires()).bind("created", key.created())
        .execute() > 0;
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

  List<ApiKey> listKeys(UUID organizationId) {
    return jdbi.withHandle(h -> h.createQuery("select " + KEY_COLUMNS
            + " from api_key k join organization o on o.id = k.organization_id where k.organization_id = :org"
            + " order by k.created_at desc, k.id")
        .bind("org", organizationId).map(KEY).list());
  }

  boolean revoke(UUID organizationId, UUID keyId, Instant now) {
    return jdbi.withHandle(h -> h.createUpdate("update api_key set revoked_at = coalesce(revoked_at, :now)"
            + " where id = :id and organization_id = :org")
        .bind("id", keyId).bind("org", organizationId).bind("now", now).execute()) > 0;
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

  Optional<Organization> organizationById(Handle h, UUID id) {
    return h.createQuery("select id, name, created_at from organization where id = :id")
        .bind("id", id).map(ORGANIZATION).findOne();
  }

  /** An organization's branding columns as stored; null means the default. */
  record StoredBranding(String name, String colour, String logoUrl, List<String> frameAncestors) {
    static final StoredBranding DEFAULTS = new StoredBranding(null, null, null, null);
  }

  Optional<StoredBranding> branding(Handle h, UUID organizationId) {
    return h.createQuery("select name, colour, logo_url, frame_ancestors from organization_branding "
            + "where organization_id = :org")
        .bind("org", organizationId).map((rs, ctx) -> storedBranding(rs)).findOne();
  }

  /**
   * Applies a change in one statement: each column is kept or replaced inside the upsert, so two
   * changes of different fields at the same moment both take effect (no read-modify-write to lose one).
   */
  StoredBranding changeBranding(Handle h, UUID organizationId, BrandingChange change, Instant now) {
    return h.createQuery("""
            insert into organization_branding (organization_id, name, colour, logo_url, frame_ancestors, updated_at)
            values (:org, :name, :colour, :logo, cast(:ancestors as text[]), :now)
            on conflict (organization_id) do update set
              name = case when :keepName then organization_branding.name else excluded.name end,
              colour = case when :keepColour then organization_branding.colour else excluded.colour end,
              logo_url = case when :keepLogo then organization_branding.logo_url else excluded.logo_url end,
              frame_ancestors = case when :keepAncestors then organization_branding.frame_ancestors
                                     else excluded.frame_ancestors end,
              updated_at = excluded.updated_at
            returning name, colour, logo_url, frame_ancestors""")
        .bind("org", organizationId).bind("now", now)
        .bind("name", change.name().apply(null)).bind("keepName", kept(change.name()))
        .bind("colour", change.colour().apply(null)).bind("keepColour", kept(change.colour()))
        .bind("logo", change.logoUrl().apply(null)).bind("keepLogo", kept(change.logoUrl()))
        .bindByType("ancestors", change.frameAncestors().apply(null) == null ? null
            : change.frameAncestors().value().toArray(String[]::new), String[].class)
        .bind("keepAncestors", kept(change.frameAncestors()))
        .map((rs, ctx) -> storedBranding(rs)).one();
  }

  private static boolean kept(BrandingChange.Setting<?> setting) {
    return setting.action() == BrandingChange.Action.KEEP;
  }

  private static StoredBranding storedBranding(java.sql.ResultSet rs) throws java.sql.SQLException {
    java.sql.Array ancestors = rs.getArray("frame_ancestors");
    return new StoredBranding(rs.getString("name"), rs.getString("colour"), rs.getString("logo_url"),
        ancestors == null ? null : List.of((String[]) ancestors.getArray()));
  }
}

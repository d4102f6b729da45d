package io.nectar.companies;

import io.nectar.keys.Environment;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL for companies. Soft-deleted companies are invisible to every read here. */
final class CompanyStore {
  private static final String COLUMNS = """
      id, organization_id, environment, name, external_id, data_collection_start_date, is_demand_enabled,
      is_implied_metering_enabled, implied_metering_fraction, is_basic_identifier_mapping_enabled,
      is_low_accuracy_mode_enabled, users, created_at, updated_at, public_id""";

  Optional<Company> find(Handle h, UUID id) {
    return h.createQuery("select " + COLUMNS + " from company where id = :id and deleted_at is null")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
  }

  Optional<Company> findByPublicId(Handle h, String publicId) {
    return h.createQuery("select " + COLUMNS + " from company where public_id = :publicId and deleted_at is null")
        .bind("publicId", publicId).map((rs, ctx) -> map(rs)).findOne();
  }

  /** Locks the row, so that concurrent updates of one company apply one after the other. */
  Optional<Company> findForUpdate(Handle h, UUID id) {
    return h.createQuery("select " + COLUMNS + " from company where id = :id and deleted_at is null for update")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
  }

  List<Company> list(Handle h, UUID organizationId, Environment environment) {
    return h.createQuery("select " + COLUMNS + " " + """
             from company where organization_id = :org and environment = :env and deleted_at is null
             order by created_at, id""")
        .bind("org", organizationId).bind("env", environment.name())
        .map((rs, ctx) -> map(rs)).list();
  }

  void insert(Handle h, Company c) {
    bindAll(h.createUpdate("insert into company (" + COLUMNS + """
            ) values (:id, :org, :env, :name, :externalId, :start, :demand, :implied, :fraction, :basic,
                      :lowAccuracy, :users, :created, :updated, :publicId)"""), c)
        .bind("publicId", c.publicId()).execute();
  }

  void update(Handle h, Company c) {
    bindAll(h.createUpdate("""
            update company set name = :name, external_id = :externalId, data_collection_start_date = :start,
              is_demand_enabled = :demand, is_implied_metering_enabled = :implied,
              implied_metering_fraction = :fraction, is_basic_identifier_mapping_enabled = :basic,
              is_low_accuracy_mode_enabled = :lowAccuracy, users = :users, updated_at = :updated
            where id = :id"""), c).execute();
  }

  void markDeleted(Handle h, UUID id, Instant now) {
    h.createUpdate("update company set deleted_at = :now where id = :id").bind("id", id).bind("now", now).execute();
  }

  List<UUID> pendingPurge(Handle h) {
    return h.createQuery("select id from company where deleted_at is not null order by deleted_at")
        .mapTo(UUID.class).list();
  }

  /**
   * Removes a deleted company; foreign keys cascade to everything under it, and the files of its
   * documents are queued for deletion in the same transaction (see {@link #queuedFiles}).
   */
  void purge(Handle h, UUID id) {
    h.createUpdate("delete from company where id = :id and deleted_at is not null").bind("id", id).execute();
  }

  /** A file whose document row is gone, and whether another row still refers to its key. */
  record QueuedFile(String blobKey, boolean stillReferenced) {}

  /**
   * Files queued for deletion (by the document triggers of migration V10) whose keys come after
   * {@code after}, in key order: a caller pages past a file it could not delete instead of meeting it again.
   */
  List<QueuedFile> queuedFiles(Handle h, String after, int limit) {
    return h.createQuery("""
            select q.blob_key, exists (select 1 from document d where d.blob_key = q.blob_key) as still_referenced
            from blob_deletion q where q.blob_key > :after order by q.blob_key limit :limit""")
        .bind("after", after).bind("limit", limit)
        .map((rs, ctx) -> new QueuedFile(rs.getString("blob_key"), rs.getBoolean("still_referenced"))).list();
  }

  void forgetQueuedFile(Handle h, String blobKey) {
    h.createUpdate("delete from blob_deletion where blob_key = :key").bind("key", blobKey).execute();
  }

  private static <S extends SqlStatement<S>> S bindAll(S statement, Company c) {
    return statement.bind("id", c.id()).bind("org", c.organizationId()).bind("env", c.environment().name())
        .bind("name", c.name()).bind("externalId", c.externalId()).bind("start", c.dataCollectionStartDate())
        .bind("demand", c.isDemandEnabled()).bind("implied", c.isImpliedMeteringEnabled())
        .bind("fraction", c.impliedMeteringFraction()).bind("basic", c.isBasicIdentifierMappingEnabled())
        .bind("lowAccuracy", c.isLowAccuracyModeEnabled())
        .bindArray("users", String.class, c.users())
        .bind("created", c.created()).bind("updated", c.updated());
  }

  private static Company map(ResultSet rs) throws SQLException {
    return Company.builder()
        .id(rs.getObject("id", UUID.class))
        .organizationId(rs.getObject("organization_id", UUID.class))
        .environment(Environment.valueOf(rs.getString("environment")))
        .name(rs.getString("name"))
        .externalId(rs.getString("external_id"))
        .dataCollectionStartDate(rs.getObject("data_collection_start_date", java.time.LocalDate.class))
        .isDemandEnabled(rs.getBoolean("is_demand_enabled"))
        .isImpliedMeteringEnabled(rs.getBoolean("is_implied_metering_enabled"))
        .impliedMeteringFraction(rs.getBigDecimal("implied_metering_fraction"))
        .isBasicIdentifierMappingEnabled(rs.getBoolean("is_basic_identifier_mapping_enabled"))
        .isLowAccuracyModeEnabled(rs.getBoolean("is_low_accuracy_mode_enabled"))
        .users(strings(rs.getArray("users")))
        .created(rs.getTimestamp("created_at").toInstant())
        .updated(rs.getTimestamp("updated_at").toInstant())
        .publicId(rs.getString("public_id"))
        .build();
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}

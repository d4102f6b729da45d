package io.nectar.connections;

import io.nectar.db.Rows;
import io.nectar.meters.DatasourceType;
import io.nectar.providers.ConnectionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** SQL for connections. The sealed password is read and written only through its own methods. */
final class ConnectionStore {
  private static final String COLUMNS = """
      id, company_id, url, provider_name, username, country, status, status_first_seen_time,
      status_last_update_time, status_error_detail, initial_sites, initial_datasource_types,
      workflow_owner_email, data_collection_start_date, multiply_by_occupancy, external_id, is_active,
      validation_count, collected_at, created_at, updated_at""";

  /** Filters of the connection list (nectar-api.md §5.2); null or empty means "any". */
  public record Filter(String ownerEmail, List<UUID> sites, ConnectionStatus status) {}

  public Optional<Connection> find(Handle h, UUID id) {
    return h.createQuery("select " + COLUMNS + " from connection where id = :id")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
  }

  public Optional<Connection> findForUpdate(Handle h, UUID id) {
    return h.createQuery("select " + COLUMNS + " from connection where id = :id for update")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
  }

  public byte[] sealedPassword(Handle h, UUID id) {
    return h.createQuery("select password_sealed from connection where id = :id")
        .bind("id", id).mapTo(byte[].class).one();
  }

  public Optional<byte[]> sealedMfaToken(Handle h, UUID id) {
    return h.createQuery("select mfa_token_sealed from connection where id = :id")
        .bind("id", id).mapTo(byte[].class).findOne();
  }

  void updateCredentials(Handle h, UUID id, String username, byte[] sealedPassword, Instant updated) {
    h.createUpdate("""
            update connection set username = :username, password_sealed = :sealed, updated_at = :updated
            where id = :id""")
        .bind("id", id).bind("username", username).bind("sealed", sealedPassword).bind("updated", updated).execute();
  }

  void updateMfaToken(Handle h, UUID id, byte[] sealedToken) {
    h.createUpdate("update connection set mfa_token_sealed = :sealed where id = :id")
        .bind("id", id).bind("sealed", sealedToken).execute();
  }

  long count(Handle h, UUID companyId, Filter filter) {
    return bindFilter(h.createQuery("select count(*) from connection where company_id = :company" + where(filter)),
        companyId, filter).mapTo(Long.class).one();
  }

  List<Connection> page(Handle h, UUID companyId, Filter filter, long offset, int limit) {
    return bindFilter(h.createQuery("select " + COLUMNS + " from connection where company_id = :company"
            + where(filter) + " order by created_at, id limit :limit offset :offset"), companyId, filter)
        .bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> map(rs)).list();
  }

  private static String where(Filter filter) {
    StringBuilder sql = new StringBuilder();
    if (filter.ownerEmail() != null) {
      sql.append(" and lower(workflow_owner_email) = lower(:owner)");
    }
    if (filter.sites() != null && !filter.sites().isEmpty()) {
      sql.append(" and initial_sites && :sites");
    }
    if (filter.status() != null) {
      sql.append(" and status = :status");
    }
    return sql.toString();
  }

  private static Query bindFilter(Query query, UUID companyId, Filter filter) {
    query.bind("company", companyId);
    if (filter.ownerEmail() != null) {
      query.bind("owner", filter.ownerEmail());
    }
    if (filter.sites() != null && !filter.sites().isEmpty()) {
      query.bindArray("sites", UUID.class, filter.sites());
    }
    if (filter.status() != null) {
      query.bind("status", filter.status().name());
    }
    return query;
  }

  public void insert(Handle h, Connection c, byte[] sealedPassword) {
    h.createUpdate("insert into connection (" + COLUMNS + ", password_sealed) values (:id, :company, :url, "
            + ":providerName, :username, :country, :status, :firstSeen, :lastUpdate, :detail, :sites, :types, "
            + ":owner, :start, :multiply, :externalId, :active, :validations, :collected, :created, :updated, :sealed)")
        .bind("id", c.id()).bind("company", c.companyId()).bind("url", c.url())
        .bind("providerName", c.providerName()).bind("username", c.username()).bind("country", c.country())
        .bind("status", c.status().name()).bind("firstSeen", c.statusFirstSeenTime())
        .bind("lastUpdate", c.statusLastUpdateTime()).bind("detail", c.statusErrorDetail())
        .bindArray("sites", UUID.class, c.initialSites())
        .bindArray("types", String.class, c.initialDatasourceTypes().stream().map(Enum::name).toList())
        .bind("owner", c.workflowOwnerEmail()).bind("start", c.dataCollectionStartDate())
        .bind("multiply", c.multiplyByOccupancy()).bind("externalId", c.externalId()).bind("active", c.isActive())
        .bind("validations", c.validationCount()).bind("collected", c.collectedAt())
        .bind("created", c.created()).bind("updated", c.updated()).bind("sealed", sealedPassword)
        .execute();
  }

  /** Records the outcome of a validation. */
  public void updateStatus(Handle h, Connection c) {
    h.createUpdate("""
            update connection set status = :status, status_first_seen_time = :firstSeen,
              status_last_update_time = :lastUpdate, status_error_detail = :detail,
              validation_count = :validations, updated_at = :updated
            where id = :id""")
        .bind("id", c.id()).bind("status", c.status().name()).bind("firstSeen", c.statusFirstSeenTime())
        .bind("lastUpdate", c.statusLastUpdateTime()).bind("detail", c.statusErrorDetail())
        .bind("validations", c.validationCount()).bind("updated", c.updated())
        .execute();
  }

  public void markCollected(Handle h, UUID id, Instant when) {
    h.createUpdate("update connection set collected_at = :when where id = :id").bind("id", id).bind("when", when)
        .execute();
  }

  /** Active connections whose last validation is older than {@code before}: due for their weekly check. */
  public List<UUID> dueForValidation(Handle h, Instant before) {
    return h.createQuery("""
            select id from connection
            where is_active and status_last_update_time < :before order by status_last_update_time limit 500""")
        .bind("before", before).mapTo(UUID.class).list();
  }

  /** CONNECTED connections never collected: a crash between commit and scheduling left them behind. */
  public List<UUID> connectedButNeverCollected(Handle h, Instant createdBefore) {
    return h.createQuery("""
            select id from connection where status = 'CONNECTED' and collected_at is null
              and created_at < :before limit 500""")
        .bind("before", createdBefore).mapTo(UUID.class).list();
  }

  private static Connection map(ResultSet rs) throws SQLException {
    List<DatasourceType> types = new ArrayList<>();
    for (String type : (String[]) rs.getArray("initial_datasource_types").getArray()) {
      types.add(DatasourceType.valueOf(type));
    }
    return Connection.builder()
        .id(rs.getObject("id", UUID.class))
        .companyId(rs.getObject("company_id", UUID.class))
        .url(rs.getString("url"))
        .providerName(rs.getString("provider_name"))
        .username(rs.getString("username"))
        .country(rs.getString("country"))
        .status(ConnectionStatus.valueOf(rs.getString("status")))
        .statusFirstSeenTime(Rows.instant(rs.getTimestamp("status_first_seen_time")))
        .statusLastUpdateTime(Rows.instant(rs.getTimestamp("status_last_update_time")))
        .statusErrorDetail(rs.getString("status_error_detail"))
        .initialSites(Arrays.asList((UUID[]) rs.getArray("initial_sites").getArray()))
        .initialDatasourceTypes(types)
        .workflowOwnerEmail(rs.getString("workflow_owner_email"))
        .dataCollectionStartDate(rs.getObject("data_collection_start_date", LocalDate.class))
        .multiplyByOccupancy(rs.getBoolean("multiply_by_occupancy"))
        .externalId(rs.getString("external_id"))
        .isActive(rs.getBoolean("is_active"))
        .validationCount(rs.getInt("validation_count"))
        .collectedAt(Rows.instant(rs.getTimestamp("collected_at")))
        .created(Rows.instant(rs.getTimestamp("created_at")))
        .updated(Rows.instant(rs.getTimestamp("updated_at")))
        .build();
  }
}

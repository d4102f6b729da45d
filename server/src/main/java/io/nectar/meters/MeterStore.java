package io.nectar.meters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** SQL for meters and their identifiers. */
final class MeterStore {
  private static final Map<String, String> SUBTYPE_COLUMNS = new LinkedHashMap<>();

  static {
    for (String field : Meter.SUBTYPE_FIELDS) {
      SUBTYPE_COLUMNS.put(field, field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static final String COLUMNS = "m.id, m.company_id, m.site_id, m.connection_id, m.account_id, "
      + "m.provider_key, m.datasource_type, m.address, m.is_tracked, m.created_at, m.updated_at, "
      + String.join(", ", SUBTYPE_COLUMNS.values().stream().map(c -> "m." + c).toList());

  /** Which meters a list shows. */
  public enum Scope { COMPANY, SITE, CONNECTION }

  public Optional<Meter> find(Handle h, UUID id) {
    return load(h, h.createQuery("select " + COLUMNS + " from meter m where m.id = :id").bind("id", id))
        .stream().findFirst();
  }

  public List<Meter> byIds(Handle h, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return load(h, h.createQuery("select " + COLUMNS + " from meter m where m.id = any(:ids)")
        .bindArray("ids", UUID.class, ids));
  }

  List<Meter> byConnection(Handle h, UUID connectionId) {
    return load(h, h.createQuery("select " + COLUMNS + " from meter m where m.connection_id = :id order by m.id")
        .bind("id", connectionId));
  }

  public long count(Handle h, Scope scope, UUID id) {
    return h.createQuery("select count(*) from meter m where " + column(scope) + " = :id")
        .bind("id", id).mapTo(Long.class).one();
  }

  public List<Meter> page(Handle h, Scope scope, UUID id, long offset, int limit) {
    return load(h, h.createQuery("select " + COLUMNS + " from meter m where " + column(scope)
            + " = :id order by m.created_at, m.id limit :limit offset :offset")
        .bind("id", id).bind("limit", limit).bind("offset", offset));
  }

  /** Meter ids and types per account, for the Account object. */
  public Map<UUID, List<Meter>> byAccounts(Handle h, Collection<UUID> accountIds) {
    Map<UUID, List<Meter>> result = new LinkedHashMap<>();
    if (accountIds.isEmpty()) {
      return result;
    }
    load(h, h.createQuery("select " + COLUMNS + " from meter m where m.account_id = any(:ids) order by m.created_at, m.id")
        .bindArray("ids", UUID.class, accountIds))
        .forEach(m -> result.computeIfAbsent(m.accountId(), k -> new ArrayList<>()).add(m));
    return result;
  }

  /**
   * Inserts the meter, or returns the id of the one the connection already has under the same
   * provider key (collections are re-run; they must never duplicate a meter).
   */
  public UUID upsert(Handle h, Meter m) {
    return insert(h, m, "on conflict (connection_id, provider_key) do nothing",
        "select id from meter where connection_id = :connection and provider_key = :key");
  }

  /**
   * Inserts a meter read off an uploaded bill (no connection), or returns the id of the company's
   * uploaded meter with the same key.
   */
  public UUID upsertUploaded(Handle h, Meter m) {
    return insert(h, m, "on conflict (company_id, provider_key) where connection_id is null do nothing",
        "select id from meter where company_id = :company and provider_key = :key and connection_id is null");
  }

  /** The company's meters with an identifier that normalises to {@code normalized}, oldest first. */
  public List<Meter> byIdentifier(Handle h, UUID companyId, String normalized) {
    return load(h, h.createQuery("select " + COLUMNS + " from meter m where m.company_id = :company and m.id in "
            + "(select i.meter_id from meter_identifier i where i.normalized = :normalized) order by m.created_at, m.id")
        .bind("company", companyId).bind("normalized", normalized));
  }

  private UUID insert(Handle h, Meter m, String onConflict, String existing) {
    StringBuilder columns = new StringBuilder("id, company_id, site_id, connection_id, account_id, provider_key, "
        + "datasource_type, address, is_tracked, created_at, updated_at");
    StringBuilder values = new StringBuilder(":id, :company, :site, cast(:connection as uuid), cast(:account as uuid), :key, :type, :address, "
        + ":tracked, :created, :updated");
    SUBTYPE_COLUMNS.forEach((field, column) -> {
      columns.append(", ").append(column);
      values.append(", :").append(field);
    });
    var update = h.createUpdate("insert into meter (" + columns + ") values (" + values + ") "
            + onConflict)
        .bind("id", m.id()).bind("company", m.companyId()).bind("site", m.siteId())
        .bind("connection", m.connectionId()).bind("account", m.accountId()).bind("key", m.providerKey())
        .bind("type", m.datasourceType().name()).bind("address", m.address()).bind("tracked", m.isTracked())
        .bind("created", m.created()).bind("updated", m.updated());
    SUBTYPE_COLUMNS.keySet().forEach(field -> update.bind(field, m.subtypes().get(field)));
    if (update.execute() == 0) {
      var query = h.createQuery(existing).bind("key", m.providerKey());
      if (m.connectionId() != null) {
        query.bind("connection", m.connectionId());
      } else {
        query.bind("company", m.companyId());
      }
      return query.mapTo(UUID.class).one();
    }
    PreparedBatch batch = h.prepareBatch("insert into meter_identifier (meter_id, position, raw_name, value, name, "
        + "normalized) values (:meter, :position, :rawName, :value, :name, :normalized)");
    for (int i = 0; i < m.identifiers().size(); i++) {
      Meter.Identifier identifier = m.identifiers().get(i);
      batch.bind("meter", m.id()).bind("position", i).bind("rawName", identifier.rawName())
          .bind("value", identifier.value()).bind("name", identifier.name())
          .bind("normalized", Identifiers.normalize(identifier.value())).add();
    }
    if (!m.identifiers().isEmpty()) {
      batch.execute();
    }
    return m.id();
  }

  public void setTrackedForAccounts(Handle h, Collection<UUID> accountIds, boolean tracked, Instant now) {
    h.createUpdate("update meter set is_tracked = :tracked, updated_at = :now where account_id = any(:ids)")
        .bindArray("ids", UUID.class, accountIds).bind("tracked", tracked).bind("now", now).execute();
  }

  private static String column(Scope scope) {
    return switch (scope) {
      case COMPANY -> "m.company_id";
      case SITE -> "m.site_id";
      case CONNECTION -> "m.connection_id";
    };
  }

  /**
   * The meters {@code query} selects, with their identifiers read for all of them in one more
   * query: a page of a site's bills shows 280 meters, and a subquery per meter was most of the
   * database's time for that page.
   */
  private static List<Meter> load(Handle h, Query query) {
    List<Meter> meters = query.map((rs, ctx) -> map(rs)).list();
    if (meters.isEmpty()) {
      return meters;
    }
    Map<UUID, List<Meter.Identifier>> identifiers = new HashMap<>();
    h.createQuery("select meter_id, raw_name, value, name from meter_identifier where meter_id = any(:ids) "
            + "order by meter_id, position")
        .bindArray("ids", UUID.class, meters.stream().map(Meter::id).toList())
        .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class),
            new Meter.Identifier(rs.getString(2), rs.getString(3), rs.getString(4))))
        .forEach(e -> identifiers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return meters.stream().map(m -> new Meter(m.id(), m.companyId(), m.siteId(), m.connectionId(), m.accountId(),
        m.providerKey(), m.datasourceType(), m.address(), m.subtypes(), m.isTracked(),
        identifiers.getOrDefault(m.id(), List.of()), m.created(), m.updated())).toList();
  }

  /** A meter row without its identifiers, which {@link #load} adds. */
  private static Meter map(ResultSet rs) throws SQLException {
    Map<String, String> subtypes = new LinkedHashMap<>();
    for (var entry : SUBTYPE_COLUMNS.entrySet()) {
      String value = rs.getString(entry.getValue());
      if (value != null) {
        subtypes.put(entry.getKey(), value);
      }
    }
    return new Meter(
        rs.getObject("id", UUID.class),
        rs.getObject("company_id", UUID.class),
        rs.getObject("site_id", UUID.class),
        rs.getObject("connection_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("provider_key"),
        DatasourceType.valueOf(rs.getString("datasource_type")),
        rs.getString("address"),
        subtypes,
        rs.getBoolean("is_tracked"),
        List.of(),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}

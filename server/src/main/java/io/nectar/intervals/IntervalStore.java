package io.nectar.intervals;

import io.nectar.meters.DatasourceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** SQL for interval readings. */
public final class IntervalStore {
  private static final String COLUMNS = "r.id, r.connection_id, r.meter_id, r.account_id, r.start_at, r.end_at, "
      + "r.usage, r.usage_units, r.quality, r.created_at, r.updated_at";

  /** Filters of the interval list; null or empty means "any". Periods match when they overlap. */
  public record Filter(List<DatasourceType> types, Instant start, Instant end, String normalizedIdentifier) {}

  /** Inserts readings, skipping any the meter already has for the same start (re-runs add nothing). */
  public int insertAll(Handle h, List<IntervalReading> readings) {
    if (readings.isEmpty()) {
      return 0;
    }
    PreparedBatch batch = h.prepareBatch("""
        insert into interval_reading (id, connection_id, meter_id, account_id, start_at, end_at, usage, usage_units,
          quality, created_at, updated_at)
        values (:id, :connection, :meter, cast(:account as uuid), :start, :end, :usage, :units, :quality, :created, :updated)
        on conflict (meter_id, start_at) do nothing""");
    for (IntervalReading r : readings) {
      batch.bind("id", r.id()).bind("connection", r.connectionId()).bind("meter", r.meterId())
          .bind("account", r.accountId()).bind("start", r.start()).bind("end", r.end()).bind("usage", r.usage())
          .bind("units", r.usageUnits()).bind("quality", r.quality()).bind("created", r.created())
          .bind("updated", r.updated()).add();
    }
    int inserted = 0;
    for (int count : batch.execute()) {
      inserted += Math.max(count, 0);
    }
    return inserted;
  }

  long count(Handle h, UUID connectionId, Filter filter) {
    return bind(h.createQuery("select count(*) from interval_reading r where r.connection_id = :connection"
        + where(filter)), connectionId, filter).mapTo(Long.class).one();
  }

  List<IntervalReading> page(Handle h, UUID connectionId, Filter filter, long offset, int limit) {
    return bind(h.createQuery("select " + COLUMNS + " from interval_reading r where r.connection_id = :connection"
            + where(filter) + " order by r.start_at, r.id limit :limit offset :offset"), connectionId, filter)
        .bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> map(rs)).list();
  }

  private static String where(Filter f) {
    StringBuilder sql = new StringBuilder();
    if (f.start() != null) {
      sql.append(" and r.end_at >= :start");
    }
    if (f.end() != null) {
      sql.append(" and r.start_at <= :end");
    }
    if (f.types() != null && !f.types().isEmpty()) {
      sql.append(" and r.meter_id in (select id from meter where connection_id = :connection and datasource_type = any(:types))");
    }
    if (f.normalizedIdentifier() != null) {
      sql.append(" and r.meter_id in (select meter_id from meter_identifier where normalized = :identifier)");
    }
    return sql.toString();
  }

  private static Query bind(Query query, UUID connectionId, Filter f) {
    query.bind("connection", connectionId);
    if (f.start() != null) {
      query.bind("start", f.start());
    }
    if (f.end() != null) {
      query.bind("end", f.end());
    }
    if (f.types() != null && !f.types().isEmpty()) {
      query.bindArray("types", String.class, f.types().stream().map(Enum::name).toList());
    }
    if (f.normalizedIdentifier() != null) {
      query.bind("identifier", f.normalizedIdentifier());
    }
    return query;
  }

  private static IntervalReading map(ResultSet rs) throws SQLException {
    return new IntervalReading(
        rs.getObject("id", UUID.class),
        rs.getObject("connection_id", UUID.class),
        rs.getObject("meter_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getTimestamp("start_at").toInstant(),
        rs.getTimestamp("end_at").toInstant(),
        rs.getBigDecimal("usage"),
        rs.getString("usage_units"),
        rs.getString("quality"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}

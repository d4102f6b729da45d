package io.nectar.usage;

import io.nectar.lists.ListCache;
import io.nectar.lists.ListFilter;
import io.nectar.lists.ListFilterSql;
import io.nectar.lists.ListKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** SQL for usage data. */
final class UsageStore {
  /** The columns of a usage row, in the order {@link #map} reads them. */
  private static final String COLUMNS = """
      u.id, u.document_id, u.company_id, u.meter_id, u.site_id, u.connection_id, u.position, u.datasource_type,
      u.start_date, u.end_date, u.bill_date, u.usage, u.usage_units, u.is_estimated, u.is_implied, u.exclusion,
      u.current_reading, u.previous_reading, u.multiplier, u.tariff, u.net_metering_generated_kwh,
      u.net_metering_grid_import_kwh, u.net_metering_grid_export_kwh, u.utility_name, u.country,
      u.time_of_use_breakdown::text as tou, u.created_at, u.updated_at""";

  /** Which usage a list shows. */
  public enum Scope { COMPANY, SITE, CONNECTION, DOCUMENT }

  public Optional<UsageData> find(Handle h, UUID id) {
    return h.createQuery("select " + COLUMNS + " from usage_data u where u.id = :id and not u.is_deleted")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
  }

  public Optional<UsageData> findForUpdate(Handle h, UUID id) {
    return h.createQuery("select " + COLUMNS + " from usage_data u where u.id = :id and not u.is_deleted for update")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
  }

  private static final java.util.Set<ListFilter.DateType> CHANGED_SINCE =
      java.util.EnumSet.of(ListFilter.DateType.CREATED_DATE, ListFilter.DateType.UPDATED_DATE);
  /** Up to this many matching rows are found by their own index and sorted (an index-only read). */
  private static final long MAX_ROWS_SORTED = 200_000;

  public long count(Handle h, Scope scope, UUID id, ListFilter filter, Optional<PeriodBounds> bounds) {
    ListFilterSql sql = new ListFilterSql(filter, ListKind.USAGE);
    return bindPeriodBounds(sql.bind(h.createQuery("select count(*) from usage_data u where " + column(scope)
        + " = :scope" + sql.conditions() + periodConditions(filter, bounds))), filter, bounds)
        .bind("scope", id).mapTo(Long.class).one();
  }

  /**
   * How a company's usage periods lie against their bill dates, over all its rows (in days): the
   * longest period (end date minus start date), the earliest a bill is dated after its period's end
   * (negative when billed in advance) and the latest after its period's start. They turn a
   * USAGE_PERIOD filter into ranges of end dates and of bill dates that select no fewer rows.
   */
  public record PeriodBounds(long longestPeriodDays, long minBillAfterEndDays, long maxBillAfterStartDays) {
    /**
     * Whether bills are dated close enough to their periods that the rows billed in the range's
     * bill-date window are mostly rows that match: then the page walks that window in list order
     * rather than reading and sorting every match. A bill dated years after its period widens the
     * window to most of the list, and the sort is the cheaper read.
     */
    boolean billedClose() {
      return maxBillAfterStartDays - minBillAfterEndDays <= 2 * longestPeriodDays + 31;
    }
  }

  /** Reads every row of the company, so callers cache the answer under the company's data version. */
  public PeriodBounds periodBounds(Handle h, UUID companyId) {
    return h.createQuery("""
            select coalesce(max(end_date - start_date), 0), coalesce(min(bill_date - end_date), 0),
                   coalesce(max(bill_date - start_date), 0)
            from usage_data where company_id = :c""")
        .bind("c", companyId).map((rs, ctx) -> new PeriodBounds(rs.getLong(1), rs.getLong(2), rs.getLong(3))).one();
  }

  /** Whether {@link #periodBounds} narrows the rows {@code filter} reads. */
  public static boolean boundedByPeriod(ListFilter filter) {
    return filter.dateType() == ListFilter.DateType.USAGE_PERIOD && (filter.startDate() != null || filter.endDate() != null);
  }

  /**
   * The ranges implied by a USAGE_PERIOD filter and the company's {@link PeriodBounds}: a row
   * overlapping the range ends at most the longest period after it, and its bill is dated within the
   * bounds of the range. They select no fewer rows, but let an index stop at the range instead of
   * reading to the newest row.
   */
  private static String periodConditions(ListFilter filter, Optional<PeriodBounds> bounds) {
    if (!boundedByPeriod(filter) || bounds.isEmpty()) {
      return "";
    }
    return (filter.startDate() != null ? " and u.bill_date >= :billFrom" : "")
        + (filter.endDate() != null ? " and u.end_date <= :periodEndBound and u.bill_date <= :billTo" : "");
  }

  private static Query bindPeriodBounds(Query query, ListFilter filter, Optional<PeriodBounds> bounds) {
    if (boundedByPeriod(filter) && bounds.isPresent()) {
      PeriodBounds b = bounds.get();
      if (filter.startDate() != null) {
        query.bind("billFrom", filter.startDate().plusDays(b.minBillAfterEndDays()));
      }
      if (filter.endDate() != null) {
        query.bind("periodEndBound", filter.endDate().plusDays(b.longestPeriodDays()))
            .bind("billTo", filter.endDate().plusDays(b.maxBillAfterStartDays()));
      }
    }
    return query;
  }

  /** A page of rows, and the row just before it in list order when it was read by offset. */
  public record PageRows(List<UsageData> rows, Optional<UsageData> before) {}

  /**
   * A page in list order: bill date, then id (a document's own usage: in the bill's order). With an
   * {@code after} anchor (where the previous page ended) the page is read from there in index order.
   * Otherwise the offset is walked over ids in the index alone (a deferred join), one row early, so
   * that the caller learns where this page starts and can read it by anchor next time.
   */
  public PageRows page(Handle h, Scope scope, UUID id, ListFilter filter, long total, long offset, int limit,
      Optional<ListCache.Anchor> after, Optional<PeriodBounds> bounds) {
    ListFilterSql sql = new ListFilterSql(filter, ListKind.USAGE);
    boolean byDocument = scope == Scope.DOCUMENT;
    String order = byDocument ? " order by u.position, u.id" : " order by u.bill_date, u.id";
    boolean anchored = after.isPresent() && !byDocument;
    boolean withBefore = !anchored && offset > 0;
    String where = column(scope) + " = :scope" + sql.conditions() + periodConditions(filter, bounds)
        + (anchored ? " and (u.bill_date, u.id) > (:afterDate, :afterId)" : "");
    String ids;
    boolean period = filter.dateType() == ListFilter.DateType.USAGE_PERIOD && filter.startDate() != null && !anchored
        && bounds.filter(PeriodBounds::billedClose).isEmpty();
    // "Created or updated since": the rows are few and bunched at the end of the list order (new
    // bills are the latest), which the planner cannot know, so walking the list order would pass
    // nearly every row. Few is judged by the filtered total, known before the page is read.
    boolean changedSince = CHANGED_SINCE.contains(filter.dateType()) && filter.startDate() != null
        && total <= MAX_ROWS_SORTED;
    if (period || changedSince) {
      // A period filter whose bill dates are not held close to the range selects rows scattered
      // through the list order: find them by their period (an index range) and sort those, instead
      // of walking the list order past every other row.
      // "offset 0" keeps the planner from reading the list order into the subquery.
      ids = "select u.id from (select u.id, u.bill_date, u.position from usage_data u where " + where
          + " offset 0) u" + order + " limit :limit offset :offset";
    } else {
      ids = "select u.id from usage_data u where " + where + order + " limit :limit offset :offset";
    }
    Query query = bindPeriodBounds(sql.bind(h.createQuery("select " + COLUMNS + " from usage_data u join (" + ids + ") p on p.id = u.id"
            + order)), filter, bounds)
        .bind("scope", id)
        .bind("limit", withBefore ? limit + 1 : limit)
        .bind("offset", anchored ? 0 : withBefore ? offset - 1 : offset);
    after.filter(a -> anchored).ifPresent(a -> query.bind("afterDate", a.billDate()).bind("afterId", a.id()));
    List<UsageData> rows = query.map((rs, ctx) -> map(rs)).list();
    if (withBefore && !rows.isEmpty()) {
      return new PageRows(rows.subList(1, rows.size()), Optional.of(rows.get(0)));
    }
    return new PageRows(rows, Optional.empty());
  }

  /** The usage of each document, in the bill's order (deleted documents' usage included: it is theirs). */
  public List<UsageData> byDocuments(Handle h, Collection<UUID> documentIds) {
    if (documentIds.isEmpty()) {
      return List.of();
    }
    return h.createQuery("select " + COLUMNS + " from usage_data u where u.document_id = any(:ids) "
            + "order by u.document_id, u.position")
        .bindArray("ids", UUID.class, documentIds).map((rs, ctx) -> map(rs)).list();
  }

  public void update(Handle h, UsageData u) {
    h.createUpdate("""
            update usage_data set start_date = :start, end_date = :end, usage = :usage, usage_units = :units,
              is_estimated = :estimated, is_implied = :implied, exclusion = :exclusion, tariff = :tariff,
              time_of_use_breakdown = cast(:tou as jsonb), updated_at = :updated
            where id = :id""")
        .bind("id", u.id()).bind("start", u.startDate()).bind("end", u.endDate()).bind("usage", u.usage())
        .bind("units", u.usageUnits()).bind("estimated", u.isEstimated()).bind("implied", u.isImplied())
        .bind("exclusion", u.exclusion()).bind("tariff", u.tariff()).bind("tou", u.timeOfUseBreakdown())
        .bind("updated", u.updated())
        .execute();
  }

  private static String column(Scope scope) {
    return switch (scope) {
      case COMPANY -> "u.company_id";
      case SITE -> "u.site_id";
      case CONNECTION -> "u.connection_id";
      case DOCUMENT -> "u.document_id";
    };
  }

  /** Maps a row whose first columns are {@link #COLUMNS}, by position: lists map thousands of rows. */
  private static UsageData map(ResultSet rs) throws SQLException {
    return UsageData.builder()
        .id(rs.getObject(1, UUID.class))
        .documentId(rs.getObject(2, UUID.class))
        .companyId(rs.getObject(3, UUID.class))
        .meterId(rs.getObject(4, UUID.class))
        .siteId(rs.getObject(5, UUID.class))
        .connectionId(rs.getObject(6, UUID.class))
        .position(rs.getInt(7))
        .datasourceType(rs.getString(8))
        .startDate(rs.getObject(9, LocalDate.class))
        .endDate(rs.getObject(10, LocalDate.class))
        .billDate(rs.getObject(11, LocalDate.class))
        .usage(rs.getBigDecimal(12))
        .usageUnits(rs.getString(13))
        .isEstimated(rs.getBoolean(14))
        .isImplied(rs.getBoolean(15))
        .exclusion(rs.getBoolean(16))
        .currentReading(rs.getBigDecimal(17))
        .previousReading(rs.getBigDecimal(18))
        .multiplier(rs.getBigDecimal(19))
        .tariff(rs.getString(20))
        .netMeteringGeneratedKwh(rs.getBigDecimal(21))
        .netMeteringGridImportKwh(rs.getBigDecimal(22))
        .netMeteringGridExportKwh(rs.getBigDecimal(23))
        .utilityName(rs.getString(24))
        .country(rs.getString(25))
        .timeOfUseBreakdown(rs.getString(26))
        .created(rs.getTimestamp(27).toInstant())
        .updated(rs.getTimestamp(28).toInstant())
        .build();
  }

  public void insertAll(Handle h, List<UsageData> rows) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("""
        insert into usage_data (id, document_id, company_id, meter_id, site_id, connection_id, position,
          datasource_type, start_date, end_date, bill_date, usage, usage_units, is_estimated, is_implied, exclusion,
          current_reading,
          previous_reading, multiplier, tariff, net_metering_generated_kwh, net_metering_grid_import_kwh,
          net_metering_grid_export_kwh, utility_name, country, time_of_use_breakdown, created_at, updated_at)
        values (:id, :document, :company, cast(:meter as uuid), cast(:site as uuid), cast(:connection as uuid), :position, :type, :start, :end, cast(:billDate as date),
          :usage, :units, :estimated, :implied, :exclusion, cast(:current as numeric), cast(:previous as numeric),
          cast(:multiplier as numeric), :tariff, cast(:generated as numeric), cast(:gridImport as numeric),
          cast(:gridExport as numeric), :utility, :country, cast(:tou as jsonb), :created, :updated)""");
    for (UsageData u : rows) {
      batch.bind("id", u.id()).bind("document", u.documentId()).bind("company", u.companyId())
          .bind("meter", u.meterId()).bind("site", u.siteId()).bind("connection", u.connectionId())
          .bind("position", u.position()).bind("type", u.datasourceType()).bind("start", u.startDate())
          .bind("end", u.endDate()).bind("billDate", u.billDate()).bind("usage", u.usage())
          .bind("units", u.usageUnits()).bind("estimated", u.isEstimated()).bind("implied", u.isImplied())
          .bind("exclusion", u.exclusion()).bind("current", u.currentReading())
          .bind("previous", u.previousReading()).bind("multiplier", u.multiplier()).bind("tariff", u.tariff())
          .bind("generated", u.netMeteringGeneratedKwh()).bind("gridImport", u.netMeteringGridImportKwh())
          .bind("gridExport", u.netMeteringGridExportKwh()).bind("utility", u.utilityName())
          .bind("country", u.country()).bind("tou", u.timeOfUseBreakdown())
          .bind("created", u.created()).bind("updated", u.updated()).add();
    }
    batch.execute();
  }
}

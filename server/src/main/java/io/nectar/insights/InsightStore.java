package io.nectar.insights;

import io.nectar.lists.ListFilter;
import io.nectar.lists.ListFilterSql;
import io.nectar.lists.ListKind;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The dashboard's aggregates, each one SQL statement: sums are {@code numeric} in the database and
 * BigDecimal here, so no figure passes through floating point. Every statement is scoped by a
 * company, site or meter id that the service has already resolved for the caller.
 */
final class InsightStore {
  /** The utility a bill's cost belongs to: its one datasource type, else SEVERAL or NONE. */
  private static final String BILL_UTILITY = "case cardinality(d.datasource_types) when 1 then d.datasource_types[1]"
      + " when 0 then '" + Figure.NO_UTILITY + "' else '" + Figure.SEVERAL_UTILITIES + "' end";
  private static final String BILL_MONTH = "date_trunc('month', cast(coalesce(d.end_date, d.bill_date) as timestamp))::date";
  private static final String BILL_CURRENCY = "coalesce(d.charges_units, '')";
  private static final String USAGE_MONTH = "date_trunc('month', cast(u.end_date as timestamp))::date";

  enum Scope { COMPANY, SITE }

  /** The newest month a usage period of the company or site ends in, if it has any usage. */
  Optional<YearMonth> latestMonth(Handle h, Scope scope, UUID id) {
    String column = scope == Scope.COMPANY ? "company_id" : "site_id";
    return h.createQuery("select max(end_date) from usage_data where " + column + " = :id and not is_deleted")
        .bind("id", id).mapTo(LocalDate.class).findOne().map(YearMonth::from);
  }

  /** The newest month of the meter's usage, if it has any. */
  Optional<YearMonth> latestMeterMonth(Handle h, UUID meterId) {
    return h.createQuery("select max(end_date) from usage_data where meter_id = :id and not is_deleted")
        .bind("id", meterId).mapTo(LocalDate.class).findOne().map(YearMonth::from);
  }

  /**
   * A company's usage and cost per utility and month, and per site over the whole period, in one
   * pass over each table (grouping sets): the overview's totals and its chart come from this one query.
   */
  List<Figure> company(Handle h, UUID companyId, Period period) {
    return h.createQuery("""
            select 'USAGE' as measure, u.datasource_type as utility, u.usage_units as units, u.site_id,
                   %1$s as month, sum(u.usage) as amount
              from usage_data u
             where u.company_id = :id and not u.is_deleted and u.end_date >= :start and u.end_date < :end
             group by grouping sets ((u.datasource_type, u.usage_units, %1$s), (u.site_id, u.datasource_type, u.usage_units))
            union all
            select 'COST', %2$s, %3$s, d.site_id, %4$s, sum(d.total_charges)
              from document d
             where d.company_id = :id and d.deleted_at is null and d.total_charges is not null
               and coalesce(d.end_date, d.bill_date) >= :start and coalesce(d.end_date, d.bill_date) < :end
             group by grouping sets ((%2$s, %3$s, %4$s), (d.site_id, %2$s, %3$s))
            """.formatted(USAGE_MONTH, BILL_UTILITY, BILL_CURRENCY, BILL_MONTH))
        .bind("id", companyId).bind("start", period.start()).bind("end", period.endExclusive())
        .map((rs, ctx) -> figure(rs)).list();
  }

  /** A site's usage and cost per utility and month. */
  List<Figure> site(Handle h, UUID siteId, Period period) {
    return h.createQuery("""
            select 'USAGE' as measure, u.datasource_type as utility, u.usage_units as units, null::uuid as site_id,
                   %1$s as month, sum(u.usage) as amount
              from usage_data u
             where u.site_id = :id and not u.is_deleted and u.end_date >= :start and u.end_date < :end
             group by 2, 3, 5
            union all
            select 'COST', %2$s, %3$s, null::uuid, %4$s, sum(d.total_charges)
              from document d
             where d.site_id = :id and d.deleted_at is null and d.total_charges is not null
               and coalesce(d.end_date, d.bill_date) >= :start and coalesce(d.end_date, d.bill_date) < :end
             group by 2, 3, 5
            """.formatted(USAGE_MONTH, BILL_UTILITY, BILL_CURRENCY, BILL_MONTH))
        .bind("id", siteId).bind("start", period.start()).bind("end", period.endExclusive())
        .map((rs, ctx) -> figure(rs)).list();
  }

  /**
   * A meter's usage per month, and its cost: the charge lines its bills attribute to it, and the
   * whole total of a bill that names only this meter and attributes no line to any meter. A bill
   * shared by several meters without such lines is not split: there is no exact way to.
   */
  List<Figure> meter(Handle h, UUID meterId, String utility, Period period) {
    return h.createQuery("""
            with bills as (
              select distinct document_id from usage_data where meter_id = :id and not is_deleted
            ), costs as (
              select %3$s as units, %4$s as month, li.total_charge as amount
                from line_item li join document d on d.id = li.document_id
               where li.document_id in (select document_id from bills) and li.meter_id = :id
                 and li.total_charge is not null and d.deleted_at is null
              union all
              select %3$s, %4$s, d.total_charges
                from document d
               where d.id in (select document_id from bills) and d.deleted_at is null and d.total_charges is not null
                 and not exists (select 1 from usage_data o where o.document_id = d.id and not o.is_deleted
                                   and o.meter_id is distinct from :id)
                 and not exists (select 1 from line_item l where l.document_id = d.id and l.meter_id is not null)
            )
            select 'USAGE' as measure, u.datasource_type as utility, u.usage_units as units, null::uuid as site_id,
                   %1$s as month, sum(u.usage) as amount
              from usage_data u
             where u.meter_id = :id and not u.is_deleted and u.end_date >= :start and u.end_date < :end
             group by 2, 3, 5
            union all
            select 'COST', :utility, units, null::uuid, month, sum(amount)
              from costs where month >= :start and month < :end
             group by units, month
            """.formatted(USAGE_MONTH, BILL_UTILITY, BILL_CURRENCY, BILL_MONTH))
        .bind("id", meterId).bind("utility", utility).bind("start", period.start())
        .bind("end", period.endExclusive())
        .map((rs, ctx) -> figure(rs)).list();
  }

  /**
   * The meter's interval readings summed per hour (UTC) from {@code from} to {@code until}, or, when
   * they are null, over the seven days up to its newest reading.
   */
  List<HourlyUsage.Hour> hours(Handle h, UUID meterId, Instant from, Instant until) {
    String window = from != null
        ? "select cast(:from as timestamptz) as since, cast(:until as timestamptz) as until"
        : """
          select l.until - interval '7 days' as since, l.until from (
            select date_trunc('day', max(start_at), 'UTC') + interval '1 day' as until
              from interval_reading where meter_id = :id) l""";
    var query = h.createQuery("""
            with w as (%s)
            select date_trunc('hour', r.start_at, 'UTC') as hour, r.usage_units, sum(r.usage) as usage
              from interval_reading r, w
             where r.meter_id = :id and r.start_at >= w.since and r.start_at < w.until
             group by 1, 2 order by 1, 2""".formatted(window))
        .bind("id", meterId);
    if (from != null) {
      query.bind("from", from).bind("until", until);
    }
    return query.map((rs, ctx) -> new HourlyUsage.Hour(rs.getTimestamp(1).toInstant(), rs.getString(2),
        rs.getBigDecimal(3))).list();
  }

  /**
   * The months of {@code period} (from the company's collection start on) in which a tracked meter
   * of the company (or of one site) has no bill touching the month, as runs of consecutive months,
   * newest first; at most {@code limit} runs, each row also carrying the totals of all runs.
   */
  List<MissingBills.Gap> missing(Handle h, UUID companyId, UUID siteId, LocalDate first, LocalDate last, int limit) {
    String site = siteId == null ? "" : " and m.site_id = :site";
    var query = h.createQuery("""
            with tracked as (
              select m.id, m.site_id, m.datasource_type from meter m
               where m.company_id = :company and m.is_tracked%s
            ), covered as (
              select distinct u.meter_id, gs::date as month
                from usage_data u
               cross join lateral generate_series(date_trunc('month', cast(greatest(u.start_date, :first) as timestamp)),
                                                  cast(least(u.end_date, :last) as timestamp), interval '1 month') gs
               where u.company_id = :company and not u.is_deleted and u.meter_id is not null
                 and u.end_date >= :first and u.start_date < (cast(:last as date) + interval '1 month')
            ), missing as (
              select t.id as meter_id, t.site_id, t.datasource_type, m.month::date as month
                from tracked t cross join generate_series(cast(:first as timestamp), cast(:last as timestamp), interval '1 month') m(month)
               where not exists (select 1 from covered c where c.meter_id = t.id and c.month = m.month)
            ), runs as (
              select meter_id, site_id, datasource_type, month,
                     month - (row_number() over (partition by meter_id order by month)) * interval '1 month' as run
                from missing
            )
            select r.meter_id, r.site_id, r.datasource_type, min(r.month) as first, max(r.month) as last,
                   count(*) as months, sum(count(*)) over () as all_months, count(*) over () as all_runs,
                   (select mi.value from meter_identifier mi where mi.meter_id = r.meter_id
                     order by mi.position limit 1) as identifier
              from runs r
             group by r.meter_id, r.site_id, r.datasource_type, r.run
             order by max(r.month) desc, r.meter_id, min(r.month)
             limit :limit""".formatted(site))
        .bind("company", companyId).bind("first", first).bind("last", last).bind("limit", limit);
    if (siteId != null) {
      query.bind("site", siteId);
    }
    return query.map((rs, ctx) -> new MissingBills.Gap(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
        rs.getString(3), rs.getString(9), YearMonth.from(rs.getObject(4, LocalDate.class)),
        YearMonth.from(rs.getObject(5, LocalDate.class)), rs.getInt(6), rs.getLong(7), rs.getLong(8))).list();
  }

  /** What tracking looks like now: missing bills depend on it, and a change of it bumps no data version. */
  String trackingStamp(Handle h, UUID companyId) {
    return h.createQuery("select count(*) filter (where is_tracked) || '/' || coalesce(max(updated_at)::text, '')"
            + " from meter where company_id = :company")
        .bind("company", companyId).mapTo(String.class).one();
  }

  /** The flagged bills of a company or site that pass the list's filter, newest first, and how many there are. */
  FlaggedBills flagged(Handle h, Scope scope, UUID id, ListFilter filter, int limit) {
    ListFilterSql sql = new ListFilterSql(filter, ListKind.DOCUMENTS);
    String column = scope == Scope.COMPANY ? "d.company_id" : "d.site_id";
    List<FlaggedBills.Bill> bills = new ArrayList<>();
    long[] total = {0};
    sql.bind(h.createQuery("""
            select d.id, d.bill_date, d.start_date, d.end_date, d.utility_company, d.total_charges, d.charges_units,
                   d.flagged_status, d.file_name, d.datasource_types, count(*) over () as total
              from document d
             where %s = :scope and d.is_flagged%s
             order by d.bill_date desc nulls last, d.id limit :limit""".formatted(column, sql.conditions())))
        .bind("scope", id).bind("limit", limit)
        .map((rs, ctx) -> {
          total[0] = rs.getLong(11);
          return new FlaggedBills.Bill(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
              rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5),
              rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9), texts(rs, 10));
        })
        .forEach(bills::add);
    return new FlaggedBills(List.copyOf(bills), total[0]);
  }

  private static Figure figure(ResultSet rs) throws SQLException {
    LocalDate month = rs.getObject(5, LocalDate.class);
    BigDecimal amount = rs.getBigDecimal(6);
    return new Figure(Measure.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
        rs.getObject(4, UUID.class), month == null ? null : YearMonth.from(month), amount);
  }

  private static List<String> texts(ResultSet rs, int column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}

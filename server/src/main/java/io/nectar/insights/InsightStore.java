package io.nectar.insights;

import io.nectar.lists.ListFilter;
import io.nectar.lists.ListFilterSql;
import io.nectar.lists.ListKind;
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
  private static final String BILL_CURRENCY = "coalesce(d.charges_units, '')";

  enum Scope { COMPANY, SITE }

  /** The newest month a usage period of the company or site ends in, if it has any usage. */
  Optional<YearMonth> latestMonth(Handle h, Scope scope, UUID id) {
    String column = scope == Scope.COMPANY ? "company_id" : "site_id";
    return h.createQuery("select max(month) from usage_month where " + column + " = :id")
        .bind("id", id).mapTo(LocalDate.class).findOne().map(YearMonth::from);
  }

  /** The newest month of the meter's usage, if it has any. */
  Optional<YearMonth> latestMeterMonth(Handle h, UUID meterId) {
    return h.createQuery("select max(end_date) from usage_data where meter_id = :id and not is_deleted")
        .bind("id", meterId).mapTo(LocalDate.class).findOne().map(YearMonth::from);
  }

  /**
   * A company's usage and cost per utility and month, and per site over the whole period: the
   * overview's charts, its totals by utility (the months added up) and by site. They come from the
   * monthly rollups (V19), which triggers keep in the transaction of every write of usage rows and
   * bills, so a year is some thousand rows of months however many usage rows the company has; the
   * database adds them up both ways at once (grouping sets), exactly.
   */
  Figures company(Handle h, UUID companyId, Period period) {
    return figures(h, "company_id", companyId, period);
  }

  /** A site's usage and cost per utility and month, from the monthly rollups. */
  Figures site(Handle h, UUID siteId, Period period) {
    return figures(h, "site_id", siteId, period);
  }

  private Figures figures(Handle h, String scope, UUID id, Period period) {
    List<Figure> monthly = new ArrayList<>();
    List<Figure> bySite = new ArrayList<>();
    h.createQuery("""
            with f as (
              select 'USAGE' as measure, datasource_type as utility, usage_units as units, site_id, month,
                     usage as amount
                from usage_month
               where %1$s = :id and month >= :start and month < :end
              union all
              select 'COST', utility, currency, site_id, month, cost
                from bill_month
               where %1$s = :id and month >= :start and month < :end and priced_bills > 0
            )
            select measure, utility, units, site_id, month, sum(amount), grouping(month) as per_site
              from f
             group by grouping sets ((measure, utility, units, month), (measure, utility, units, site_id))
             order by per_site, utility, measure, units, month, site_id
            """.formatted(scope))
        .bind("id", id).bind("start", period.start()).bind("end", period.endExclusive())
        .map((rs, ctx) -> {
          boolean perSite = rs.getInt(7) == 1;
          LocalDate month = rs.getObject(5, LocalDate.class);
          Figure figure = new Figure(Measure.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
              perSite ? rs.getObject(4, UUID.class) : null, perSite ? null : YearMonth.from(month),
              rs.getBigDecimal(6));
          return perSite ? bySite.add(figure) : monthly.add(figure);
        })
        .list();
    return new Figures(period, monthly, bySite);
  }

  /**
   * A meter's usage per month, and its cost: the charge lines its bills attribute to it, and the
   * whole total of a bill that names only this meter and attributes no line to any meter. A bill
   * shared by several meters without such lines is not split: there is no exact way to.
   */
  List<Figure> meter(Handle h, UUID meterId, String utility, Period period) {
    List<YearMonth> months = period.months();
    return h.createQuery("""
            with b as materialized (select cast(:bounds as date[]) as bounds),
            bills as (
              select distinct document_id from usage_data where meter_id = :id and not is_deleted
            ), costs as (
              select %1$s as units, coalesce(d.end_date, d.bill_date) as day, li.total_charge as amount
                from line_item li join document d on d.id = li.document_id
               where li.document_id in (select document_id from bills) and li.meter_id = :id
                 and li.total_charge is not null and d.deleted_at is null
              union all
              select %1$s, coalesce(d.end_date, d.bill_date), d.total_charges
                from document d
               where d.id in (select document_id from bills) and d.deleted_at is null and d.total_charges is not null
                 and not exists (select 1 from usage_data o where o.document_id = d.id and not o.is_deleted
                                   and o.meter_id is distinct from :id)
                 and not exists (select 1 from line_item l where l.document_id = d.id and l.meter_id is not null)
            )
            select 'USAGE' as measure, u.datasource_type as utility, u.usage_units as units, null::uuid as site_id,
                   width_bucket(u.end_date, b.bounds) as month, sum(u.usage) as amount
              from usage_data u, b
             where u.meter_id = :id and not u.is_deleted and u.end_date >= :start and u.end_date < :end
             group by 2, 3, 5
            union all
            select 'COST', :utility, c.units, null::uuid, width_bucket(c.day, b.bounds), sum(c.amount)
              from costs c, b where c.day >= :start and c.day < :end
             group by 3, 5
            """.formatted(BILL_CURRENCY))
        .bind("id", meterId).bind("utility", utility).bindArray("bounds", String.class, bounds(months))
        .bind("start", period.start()).bind("end", period.endExclusive())
        .map((rs, ctx) -> figure(rs, months)).list();
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

  /** Which months of a run of months a tracked meter has a bill for: bit i is month i. */
  record Coverage(UUID meterId, UUID siteId, String utility, String identifier, long months) {}

  /**
   * The tracked meters of the company (or of one of its sites) that lack a bill in at least one of
   * {@code months} (at most 62, consecutive), each with the months it has. Each meter's months with a
   * bill are one multirange in {@code meter_bill_months} (V19, kept by triggers), with its newest run
   * of months indexed: only meters whose newest run does not hold the whole window are read (none in
   * a company whose bills are all in), and of those the ones with every month are left out by one
   * containment test; the others' months become a bit mask in the database.
   */
  List<Coverage> incomplete(Handle h, UUID companyId, UUID siteId, List<YearMonth> months) {
    if (months.size() > 62) {
      throw new IllegalArgumentException("at most 62 months fit a bit mask");
    }
    String meterScope = siteId == null ? "" : " and m.site_id = :site";
    var query = h.createQuery("""
            with w as (select int4range(:first, :last + 1) as months)
            select m.id, m.site_id, m.datasource_type,
                   coalesce((select bit_or((1::bigint << (upper(r) - :first)) - (1::bigint << (lower(r) - :first)))
                               from unnest(c.months * int4multirange(w.months)) r), 0) as covered,
                   (select mi.value from meter_identifier mi where mi.meter_id = m.id order by mi.position limit 1)
              from w, meter_bill_months c join meter m on m.id = c.meter_id
             where c.company_id = :company and (c.newest_from > :first or c.newest_until <= :last)
               and not c.months @> w.months and m.is_tracked%s
             order by m.created_at, m.id""".formatted(meterScope))
        .bind("company", companyId).bind("first", number(months.get(0)))
        .bind("last", number(months.get(months.size() - 1)));
    if (siteId != null) {
      query.bind("site", siteId);
    }
    return query.map((rs, ctx) -> new Coverage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
        rs.getString(3), rs.getString(5), rs.getLong(4))).list();
  }

  /** A month as the migration's {@code bill_month_number}: year * 12 + month - 1. */
  private static int number(YearMonth month) {
    return month.getYear() * 12 + month.getMonthValue() - 1;
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

  /**
   * The first day of each month: the thresholds {@code width_bucket} sorts days into (1 is the first
   * month). The queries read them from a materialized CTE: inlined, the text-to-date cast of the
   * array would run again for every row, which doubled the aggregates' time.
   */
  private static List<String> bounds(List<YearMonth> months) {
    return months.stream().map(m -> m.atDay(1).toString()).toList();
  }

  private static Figure figure(ResultSet rs, List<YearMonth> months) throws SQLException {
    int bucket = rs.getInt(5);
    return new Figure(Measure.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
        rs.getObject(4, UUID.class), months.get(bucket - 1), rs.getBigDecimal(6));
  }

  private static List<String> texts(ResultSet rs, int column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}

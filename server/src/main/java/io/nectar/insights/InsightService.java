package io.nectar.insights;

import io.nectar.companies.Company;
import io.nectar.companies.CompanyService;
import io.nectar.errors.NotFound;
import io.nectar.keys.Caller;
import io.nectar.lists.ListCache;
import io.nectar.lists.ListFilter;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterService;
import io.nectar.sites.Site;
import io.nectar.sites.SiteService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard's figures: usage and cost by month and by site, hourly intervals, the bills still
 * missing and the flagged bills. Every id is resolved with the caller through the owning service
 * first (the API's rule: 404 when missing, 403 for another tenant), and every aggregate is one SQL
 * statement. Company and site figures and the bills still missing read the monthly rollups that
 * triggers keep in the transaction of every write (V19), so their cost follows the months shown, not
 * the rows behind them. A company's aggregates are also cached under its data version (see
 * {@link ListCache}), which every write to its bills and usage bumps, so a cached figure is never stale.
 */
public final class InsightService {
  /** The most runs of missing months one answer lists; the totals still count them all. */
  public static final int MAX_MISSING_RUNS = 200;
  /** The longest window of hourly readings one chart asks for. */
  public static final int MAX_HOURLY_DAYS = 62;

  private final Jdbi jdbi;
  private final Clock clock;
  private final CompanyService companies;
  private final SiteService sites;
  private final MeterService meters;
  private final ListCache cache;
  private final InsightStore store = new InsightStore();

  public InsightService(Jdbi jdbi, Clock clock, CompanyService companies, SiteService sites, MeterService meters,
      ListCache cache) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.companies = companies;
    this.sites = sites;
    this.meters = meters;
    this.cache = cache;
  }

  /** The company's figures over {@code period}, or over the year up to its newest usage. */
  public Figures company(Caller caller, UUID companyId, Optional<Period> period) {
    return jdbi.inTransaction(h -> {
      companies.requireOwned(h, caller, companyId);
      Period p = period.orElseGet(() -> around(store.latestMonth(h, InsightStore.Scope.COMPANY, companyId)));
      return cache.value(companyId, cache.version(h, companyId), "insights company " + p,
          () -> store.company(h, companyId, p));
    });
  }

  /** The site's figures over {@code period}, or over the year up to its newest usage. */
  public Figures site(Caller caller, UUID siteId, Optional<Period> period) {
    return jdbi.inTransaction(h -> {
      Site site = sites.requireOwned(h, caller, siteId);
      Period p = period.orElseGet(() -> around(store.latestMonth(h, InsightStore.Scope.SITE, siteId)));
      return cache.value(site.companyId(), cache.version(h, site.companyId()),
          "insights site " + siteId + " " + p, () -> store.site(h, siteId, p));
    });
  }

  /** The meter's figures over {@code period}, or over the year up to its newest usage. */
  public Figures meter(Caller caller, UUID meterId, Optional<Period> period) {
    return jdbi.withHandle(h -> {
      Meter meter = requireMeter(h, caller, meterId);
      Period p = period.orElseGet(() -> around(store.latestMeterMonth(h, meterId)));
      return Figures.of(p, store.meter(h, meterId, meter.datasourceType().name(), p));
    });
  }

  /**
   * The meter's interval readings per hour from {@code from} to {@code to} (whole UTC days, both
   * included), or over the week up to its newest reading when no day is given.
   */
  public HourlyUsage hours(Caller caller, UUID meterId, Optional<LocalDate> from, Optional<LocalDate> to) {
    Instant since = null;
    Instant until = null;
    if (from.isPresent() || to.isPresent()) {
      LocalDate first = from.orElseGet(() -> to.get().minusDays(6));
      LocalDate last = to.orElseGet(() -> first.plusDays(6));
      if (last.isBefore(first)) {
        throw io.nectar.errors.InvalidInput.field("to", "The last day must not be before the first.");
      }
      if (first.plusDays(MAX_HOURLY_DAYS).isBefore(last.plusDays(1))) {
        throw io.nectar.errors.InvalidInput.field("to", "Ask for at most " + MAX_HOURLY_DAYS + " days of hours.");
      }
      since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
      until = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    Instant s = since;
    Instant u = until;
    return jdbi.withHandle(h -> {
      requireMeter(h, caller, meterId);
      return new HourlyUsage(store.hours(h, meterId, s, u));
    });
  }

  /**
   * The bills missing in {@code period} for the tracked meters of the company (or of one of its
   * sites): months that have ended, from the company's data collection start date on.
   */
  public MissingBills missing(Caller caller, UUID companyId, Optional<UUID> siteId, Period period) {
    return jdbi.inTransaction(h -> {
      Company company = companies.requireOwned(h, caller, companyId);
      if (siteId.isPresent() && !sites.requireOwned(h, caller, siteId.get()).companyId().equals(companyId)) {
        throw new NotFound("Site");
      }
      YearMonth lastEnded = thisMonth().minusMonths(1);
      YearMonth collectionStart = YearMonth.from(company.dataCollectionStartDate());
      YearMonth first = period.first().isBefore(collectionStart) ? collectionStart : period.first();
      YearMonth last = period.last().isAfter(lastEnded) ? lastEnded : period.last();
      if (last.isBefore(first)) {
        return MissingBills.none(first, last);
      }
      // At most the last 62 months (a bit mask of them per meter); a longer period looks back five years.
      YearMonth from = last.minusMonths(61).isAfter(first) ? last.minusMonths(61) : first;
      List<YearMonth> months = new Period(from, last).months();
      // Not cached: the rollup's index finds the incomplete meters directly, and tracking switches (which
      // decide which meters count) bump no data version.
      List<InsightStore.Coverage> incomplete = store.incomplete(h, companyId, siteId.orElse(null), months);
      return MissingBills.of(from, last, months, incomplete.stream()
          .map(c -> new MissingBills.Meter(c.meterId(), c.siteId(), c.utility(), c.identifier(), c.months()))
          .toList(), MAX_MISSING_RUNS);
    });
  }

  /** The company's flagged bills that pass {@code filter}, newest first: the first {@code limit}. */
  public FlaggedBills flaggedOfCompany(Caller caller, UUID companyId, ListFilter filter, int limit) {
    return jdbi.withHandle(h -> {
      companies.requireOwned(h, caller, companyId);
      return store.flagged(h, InsightStore.Scope.COMPANY, companyId, filter, limit);
    });
  }

  /** The site's flagged bills that pass {@code filter}, newest first: the first {@code limit}. */
  public FlaggedBills flaggedOfSite(Caller caller, UUID siteId, ListFilter filter, int limit) {
    return jdbi.withHandle(h -> {
      sites.requireOwned(h, caller, siteId);
      return store.flagged(h, InsightStore.Scope.SITE, siteId, filter, limit);
    });
  }

  private Meter requireMeter(Handle h, Caller caller, UUID meterId) {
    Meter meter = meters.byIds(h, List.of(meterId)).stream().findFirst().orElseThrow(() -> new NotFound("Meter"));
    companies.requireOwnedChild(h, caller, meter.companyId(), "Meter");
    return meter;
  }

  private Period around(Optional<YearMonth> latest) {
    return Period.endingWith(latest.orElseGet(this::thisMonth));
  }

  private YearMonth thisMonth() {
    return YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

}

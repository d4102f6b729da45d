package io.nectar.sites;

import io.nectar.errors.NotFound;
import io.nectar.keys.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Rules for sites: they belong to a company the caller owns; DELETE archives rather than removes. */
public final class SiteService {
  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final CompanyAccess companies;
  private final SiteStore store = new SiteStore();

  public SiteService(Jdbi jdbi, Clock clock, Supplier<UUID> ids, CompanyAccess companies) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ids = ids;
    this.companies = companies;
  }

  /** The site {@code id} if the caller owns its company: 404 when missing, 403 for another tenant. */
  public Site requireOwned(Handle h, Caller caller, UUID id) {
    Site site = store.find(h, id).orElseThrow(() -> new NotFound("Site"));
    companies.requireCompanyOf(h, caller, site.companyId(), "Site");
    return site;
  }

  /** The live sites of these companies, unchecked: for a caller already authorized for them. */
  public List<Site> byCompanies(Handle h, java.util.Collection<UUID> companyIds) {
    return store.listByCompanies(h, companyIds);
  }

  /** The sites {@code ids}, unchecked: for rows already authorized that name them. */
  public List<Site> byIds(Handle h, java.util.Collection<UUID> ids) {
    return store.byIds(h, ids);
  }

  /** Creates a site; the body is read only after the company is known to be the caller's. */
  Site create(Caller caller, UUID companyId, Supplier<SiteInput> body) {
    Instant now = now();
    return jdbi.inTransaction(h -> {
      companies.requireCompany(h, caller, companyId);
      SiteInput input = body.get();
      Site site = new Site(ids.get(), companyId, input.name(), input.externalId(), input.address(),
          input.path() != null ? input.path() : List.of(), scaled(input.occupancyPercent()), null, now, now);
      store.insert(h, site);
      return site;
    });
  }

  public Site get(Caller caller, UUID id) {
    return jdbi.inTransaction(h -> requireOwned(h, caller, id));
  }

  Site update(Caller caller, UUID id, Supplier<SiteInput> body) {
    return jdbi.inTransaction(h -> {
      Site s = requireOwned(h, caller, id);
      SiteInput input = body.get();
      Site updated = new Site(s.id(), s.companyId(),
          input.given("name") ? input.name() : s.name(),
          input.given("externalId") ? input.externalId() : s.externalId(),
          input.given("address") ? input.address() : s.address(),
          input.given("path") ? input.path() : s.path(),
          input.given("occupancyPercent") ? scaled(input.occupancyPercent()) : s.occupancyPercent(),
          s.dataCollectionStopDate(), s.created(), now());
      if (sameContent(s, updated)) {
        return s;
      }
      store.update(h, updated);
      return updated;
    });
  }

  /** Archives the site: data collection stops today (UTC); an archived site keeps its first date. */
  void archive(Caller caller, UUID id) {
    jdbi.useTransaction(h -> {
      Site s = requireOwned(h, caller, id);
      if (s.dataCollectionStopDate() == null) {
        store.update(h, new Site(s.id(), s.companyId(), s.name(), s.externalId(), s.address(), s.path(),
            s.occupancyPercent(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), s.created(), now()));
      }
    });
  }

  private static boolean sameContent(Site a, Site b) {
    return a.equals(new Site(b.id(), b.companyId(), b.name(), b.externalId(), b.address(), b.path(),
        b.occupancyPercent(), b.dataCollectionStopDate(), b.created(), a.updated()));
  }

  private static java.math.BigDecimal scaled(java.math.BigDecimal occupancy) {
    return occupancy == null ? null : occupancy.setScale(4);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

package io.nectar.companies;

import io.nectar.keys.Caller;
import io.nectar.sites.Site;
import io.nectar.sites.SiteService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Rules for companies: defaults, tenancy, updates and deletion. */
public final class CompanyService {
  private static final BigDecimal DEFAULT_IMPLIED_FRACTION = new BigDecimal("1.00");

  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final CompanyStore store = new CompanyStore();
  private final CompanyOwnership ownership;
  private final SiteService sites;
  private final CompanyPurger purger;
  private final CollectionStartDates startDates;

  public CompanyService(Jdbi jdbi, Clock clock, Supplier<UUID> ids, CompanyOwnership ownership, SiteService sites,
      CompanyPurger purger, CollectionStartDates startDates) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ids = ids;
    this.ownership = ownership;
    this.sites = sites;
    this.purger = purger;
    this.startDates = startDates;
  }

  /**
   * The start dates a company or connection may collect from: a connection's own start date
   * overrides its company's, so both follow the one rule.
   */
  public CollectionStartDates collectionStartDates() {
    return startDates;
  }

  /**
   * The company {@code id}, if the caller may use it: 404 when there is no such (live) company, 403
   * when it belongs to another organization or environment (CONTRACT §3).
   */
  public Company requireOwned(Handle h, Caller caller, UUID id) {
    return ownership.requireOwned(h, caller, id);
  }

  /**
   * Authorizes an object of company {@code companyId}: 403 for another tenant, and when the company
   * itself is gone, a 404 that names the object ({@code what}) rather than its company.
   */
  public void requireOwnedChild(Handle h, Caller caller, UUID companyId, String what) {
    ownership.requireCompanyOf(h, caller, companyId, what);
  }

  /** True while the company exists and is not deleted. */
  public boolean exists(Handle h, UUID id) {
    return store.find(h, id).isPresent();
  }

  /** The live company {@code id}, unchecked: for work no caller started, such as rendering an event. */
  public java.util.Optional<Company> find(Handle h, UUID id) {
    return store.find(h, id);
  }

  /** The live company whose public id ({@code publicCompanyId}) is {@code publicId}, unchecked: for magic links. */
  public java.util.Optional<Company> findByPublicId(Handle h, String publicId) {
    return store.findByPublicId(h, publicId);
  }

  /** Like {@link #requireOwned}, and locks the company row until the transaction ends. */
  public Company requireOwnedForUpdate(Handle h, Caller caller, UUID id) {
    return ownership.requireOwnedForUpdate(h, caller, id);
  }


  public List<CompanyDetails> list(Caller caller) {
    return jdbi.inTransaction(h -> {
      List<Company> companies = store.list(h, caller.organizationId(), caller.environment());
      Map<UUID, List<Site>> byCompany = sites.byCompanies(h, companies.stream().map(Company::id).toList())
          .stream().collect(Collectors.groupingBy(Site::companyId));
      return companies.stream()
          .map(c -> new CompanyDetails(c, byCompany.getOrDefault(c.id(), List.of())))
          .toList();
    });
  }

  public CompanyDetails get(Caller caller, UUID id) {
    return jdbi.inTransaction(h -> details(h, requireOwned(h, caller, id)));
  }

  CompanyDetails create(Caller caller, CompanyInput input) {
    Instant now = now();
    Company company = Company.builder()
        .id(ids.get())
        .organizationId(caller.organizationId())
        .environment(caller.environment())
        .name(input.name())
        .externalId(input.externalId())
        .dataCollectionStartDate(input.dataCollectionStartDate() != null
            ? input.dataCollectionStartDate() : defaultStartDate())
        .isDemandEnabled(orFalse(input.isDemandEnabled()))
        .isImpliedMeteringEnabled(orFalse(input.isImpliedMeteringEnabled()))
        .impliedMeteringFraction(input.impliedMeteringFraction() != null
            ? input.impliedMeteringFraction().setScale(2) : DEFAULT_IMPLIED_FRACTION)
        .isBasicIdentifierMappingEnabled(orFalse(input.isBasicIdentifierMappingEnabled()))
        .isLowAccuracyModeEnabled(orFalse(input.isLowAccuracyModeEnabled()))
        .users(input.users() != null ? input.users() : List.of())
        .publicId(PublicIds.next())
        .created(now)
        .updated(now)
        .build();
    jdbi.useTransaction(h -> store.insert(h, company));
    return new CompanyDetails(company, List.of());
  }

  /**
   * Applies the fields the request gave. The body is read only once the company is known to be the
   * caller's, so another tenant's id is a 403 (and a missing one a 404) whatever the body holds.
   */
  CompanyDetails update(Caller caller, UUID id, Supplier<CompanyInput> body) {
    return jdbi.inTransaction(h -> {
      Company c = requireOwnedForUpdate(h, caller, id);
      CompanyInput input = body.get();
      Company candidate = c.toBuilder()
          .name(input.given("name") ? input.name() : c.name())
          .externalId(input.given("externalId") ? input.externalId() : c.externalId())
          .dataCollectionStartDate(input.given("dataCollectionStartDate")
              ? input.dataCollectionStartDate() : c.dataCollectionStartDate())
          .isDemandEnabled(input.given("isDemandEnabled") ? input.isDemandEnabled() : c.isDemandEnabled())
          .isImpliedMeteringEnabled(input.given("isImpliedMeteringEnabled")
              ? input.isImpliedMeteringEnabled() : c.isImpliedMeteringEnabled())
          .impliedMeteringFraction(input.given("impliedMeteringFraction")
              ? input.impliedMeteringFraction().setScale(2) : c.impliedMeteringFraction())
          .isBasicIdentifierMappingEnabled(input.given("isBasicIdentifierMappingEnabled")
              ? input.isBasicIdentifierMappingEnabled() : c.isBasicIdentifierMappingEnabled())
          .isLowAccuracyModeEnabled(input.given("isLowAccuracyModeEnabled")
              ? input.isLowAccuracyModeEnabled() : c.isLowAccuracyModeEnabled())
          .users(input.given("users") ? input.users() : c.users())
          .build();
      if (candidate.equals(c)) {
        return details(h, c);
      }
      Company updated = candidate.toBuilder().updated(now()).build();
      store.update(h, updated);
      return details(h, updated);
    });
  }

  /**
   * Hides the company at once and removes it with everything under it in the background, so the
   * request returns immediately however much data the company holds.
   */
  void delete(Caller caller, UUID id) {
    jdbi.useTransaction(h -> {
      requireOwnedForUpdate(h, caller, id);
      store.markDeleted(h, id, now());
    });
    purger.schedule(id);
  }

  private CompanyDetails details(Handle h, Company company) {
    return new CompanyDetails(company, sites.byCompanies(h, List.of(company.id())));
  }

  /** January 1 of the previous year (nectar-api.md §3.1), unless the server collects from a later date. */
  private LocalDate defaultStartDate() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return startDates.collectableFrom(today.minusYears(1).withDayOfYear(1));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static boolean orFalse(Boolean value) {
    return value != null && value;
  }
}

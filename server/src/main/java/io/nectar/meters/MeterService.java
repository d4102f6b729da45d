package io.nectar.meters;

import io.nectar.companies.CompanyService;
import io.nectar.errors.NotFound;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import io.nectar.keys.Caller;
import io.nectar.sites.SiteService;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reading meters: one, or a page of a company's, a site's or a connection's. */
public final class MeterService {
  public record MeterPage(List<Meter> meters, PageWindow window) {}

  private final Jdbi jdbi;
  private final CompanyService companies;
  private final SiteService sites;
  private final ConnectionAccess connections;
  private final MeterStore store = new MeterStore();

  public MeterService(Jdbi jdbi, CompanyService companies, SiteService sites, ConnectionAccess connections) {
    this.jdbi = jdbi;
    this.companies = companies;
    this.sites = sites;
    this.connections = connections;
  }

  public Meter get(Caller caller, UUID id) {
    return jdbi.inTransaction(h -> {
      Meter meter = store.find(h, id).orElseThrow(() -> new NotFound("Meter"));
      companies.requireOwnedChild(h, caller, meter.companyId(), "Meter");
      return meter;
    });
  }

  MeterPage list(Caller caller, MeterStore.Scope scope, UUID id, PageRequest page) {
    return jdbi.inTransaction(h -> {
      switch (scope) {
        case COMPANY -> companies.requireOwned(h, caller, id);
        case SITE -> sites.requireOwned(h, caller, id);
        case CONNECTION -> connections.requireConnection(h, caller, id);
      }
      PageWindow window = page.window(store.count(h, scope, id));
      return new MeterPage(store.page(h, scope, id, window.offset(), window.limit()), window);
    });
  }

  /** A page of the company's meters (as {@code GET /meter/company/{id}}). */
  public MeterPage listOfCompany(Caller caller, UUID companyId, PageRequest page) {
    return list(caller, MeterStore.Scope.COMPANY, companyId, page);
  }

  /** A page of the site's meters (as {@code GET /meter/site/{id}}). */
  public MeterPage listOfSite(Caller caller, UUID siteId, PageRequest page) {
    return list(caller, MeterStore.Scope.SITE, siteId, page);
  }

  /** The meters of these accounts, unchecked: for accounts already authorized. */
  public Map<UUID, List<Meter>> byAccounts(Handle h, Collection<UUID> accountIds) {
    return store.byAccounts(h, accountIds);
  }

  /** The meters {@code ids}, unchecked: for rows already authorized that name them. */
  public List<Meter> byIds(Handle h, Collection<UUID> ids) {
    return store.byIds(h, ids);
  }

  /** Tracks, or stops tracking, every meter of these accounts, within the caller's transaction. */
  public void setTrackedForAccounts(Handle h, Collection<UUID> accountIds, boolean tracked, Instant now) {
    store.setTrackedForAccounts(h, accountIds, tracked, now);
  }

  /** Adds a meter a collection found, or updates the one it found before; its id either way. */
  public UUID upsert(Handle h, Meter meter) {
    return store.upsert(h, meter);
  }

  /**
   * The company's meters that carry {@code identifier}, however it is spelled (nectar-api.md §1.6),
   * oldest first. Another company's meters are never returned.
   */
  public List<Meter> byIdentifier(Handle h, UUID companyId, String identifier) {
    return store.byIdentifier(h, companyId, Identifiers.normalize(identifier));
  }

  /** Adds a meter read off an uploaded bill (no connection), or finds the one with its key; its id either way. */
  public UUID upsertUploaded(Handle h, Meter meter) {
    if (meter.connectionId() != null) {
      throw new IllegalArgumentException("an uploaded bill's meter has no connection");
    }
    return store.upsertUploaded(h, meter);
  }

  /** The meters a connection has found. */
  public List<Meter> byConnection(Handle h, UUID connectionId) {
    return store.byConnection(h, connectionId);
  }
}

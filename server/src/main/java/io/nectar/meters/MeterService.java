package io.nectar.meters;

import io.nectar.companies.CompanyService;
import io.nectar.connections.ConnectionService;
import io.nectar.http.ApiError;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import io.nectar.keys.Caller;
import io.nectar.sites.SiteService;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reading meters: one, or a page of a company's, a site's or a connection's. */
public final class MeterService {
  public record MeterPage(List<Meter> meters, PageWindow window) {}

  private final Jdbi jdbi;
  private final CompanyService companies;
  private final SiteService sites;
  private final ConnectionService connections;
  private final MeterStore store = new MeterStore();

  public MeterService(Jdbi jdbi, CompanyService companies, SiteService sites, ConnectionService connections) {
    this.jdbi = jdbi;
    this.companies = companies;
    this.sites = sites;
    this.connections = connections;
  }

  Meter get(Caller caller, UUID id) {
    return jdbi.inTransaction(h -> {
      Meter meter = store.find(h, id).orElseThrow(() -> ApiError.notFound("Meter"));
      companies.requireOwnedChild(h, caller, meter.companyId(), "Meter");
      return meter;
    });
  }

  MeterPage list(Caller caller, MeterStore.Scope scope, UUID id, PageRequest page) {
    return jdbi.inTransaction(h -> {
      switch (scope) {
        case COMPANY -> companies.requireOwned(h, caller, id);
        case SITE -> sites.requireOwned(h, caller, id);
        case CONNECTION -> connections.requireOwned(h, caller, id);
      }
      PageWindow window = page.window(store.count(h, scope, id));
      return new MeterPage(store.page(h, scope, id, window.offset(), window.limit()), window);
    });
  }
}

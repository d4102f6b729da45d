package io.nectar.usage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.companies.CompanyService;
import io.nectar.connections.ConnectionService;
import io.nectar.documents.DocumentEvent;
import io.nectar.documents.DocumentService;
import io.nectar.errors.NotFound;
import io.nectar.http.Json;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import io.nectar.keys.Caller;
import io.nectar.lists.ListCache;
import io.nectar.lists.ListFilter;
import io.nectar.sites.SiteService;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reading usage rows, and correcting one; every correction lands in its document's history. */
public final class UsageService {
  public record UsagePage(List<UsageDetails> usage, PageWindow window) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final CompanyService companies;
  private final SiteService sites;
  private final ConnectionService connections;
  private final DocumentService documents;
  private final ListCache totals;
  private final UsageStore store = new UsageStore();
  private final UsageLoader loader;

  public UsageService(Jdbi jdbi, Clock clock, Supplier<UUID> ids, CompanyService companies, SiteService sites,
      ConnectionService connections, DocumentService documents, UsageLoader loader, ListCache totals) {
    this.jdbi = jdbi;
    this.loader = loader;
    this.totals = totals;
    this.clock = clock;
    this.ids = ids;
    this.companies = companies;
    this.sites = sites;
    this.connections = connections;
    this.documents = documents;
  }

  UsagePage list(Caller caller, UsageStore.Scope scope, UUID id, ListFilter filter, PageRequest pageRequest) {
    // Reads only, each consistent on its own at READ COMMITTED: no transaction, so no COMMIT round trip.
    return jdbi.withHandle(h -> {
      UUID companyId = switch (scope) {
        case COMPANY -> companies.requireOwned(h, caller, id).id();
        case SITE -> sites.requireOwned(h, caller, id).companyId();
        case CONNECTION -> connections.requireOwned(h, caller, id).companyId();
        case DOCUMENT -> {
          var document = documents.requireOwned(h, caller, id);
          if (document.deletedAt() != null) {
            throw new NotFound("Document");
          }
          yield document.companyId();
        }
      };
      String list = "usage " + scope + " " + id + " " + filter;
      long version = totals.version(h, companyId);
      Optional<UsageStore.PeriodBounds> bounds = UsageStore.boundedByPeriod(filter)
          ? Optional.of(totals.value(companyId, version, "usage period bounds", () -> store.periodBounds(h, companyId)))
          : Optional.empty();
      PageWindow window = pageRequest.window(totals.total(companyId, version, list,
          () -> store.count(h, scope, id, filter, bounds)));
      UsageStore.PageRows page = store.page(h, scope, id, filter, window.total(), window.offset(), window.limit(),
          totals.anchor(companyId, version, list, window.page()), bounds);
      List<UsageData> rows = page.rows();
      if (!rows.isEmpty() && scope != UsageStore.Scope.DOCUMENT) {
        UsageData last = rows.get(rows.size() - 1);
        totals.rememberEnd(companyId, version, list, window.page(), new ListCache.Anchor(last.billDate(), last.id()));
        page.before().ifPresent(b -> totals.rememberEnd(companyId, version, list, window.page() - 1,
            new ListCache.Anchor(b.billDate(), b.id())));
      }
      return new UsagePage(details(h, rows), window);
    });
  }

  /** A page of the company's usage (as {@code GET /usage/company/{id}}). */
  public UsagePage listOfCompany(Caller caller, UUID companyId, ListFilter filter, PageRequest page) {
    return list(caller, UsageStore.Scope.COMPANY, companyId, filter, page);
  }

  /** A page of the site's usage (as {@code GET /usage/site/{id}}). */
  public UsagePage listOfSite(Caller caller, UUID siteId, ListFilter filter, PageRequest page) {
    return list(caller, UsageStore.Scope.SITE, siteId, filter, page);
  }

  UsageDetails get(Caller caller, UUID id) {
    return jdbi.inTransaction(h -> details(h, List.of(requireOwned(h, caller, id, false))).get(0));
  }

  /** Applies a correction; the document's history records each changed field's old and new value. */
  UsageDetails update(Caller caller, UUID id, Supplier<UsagePatch> body) {
    return jdbi.inTransaction(h -> {
      UsageData old = requireOwned(h, caller, id, true);
      UsagePatch patch = body.get();
      UsageData updated = patch.applyTo(old, clock.instant().truncatedTo(ChronoUnit.MICROS));
      ObjectNode changes = changes(old, updated);
      if (!changes.isEmpty()) {
        documents.recordChange(h, new DocumentEvent(ids.get(), old.documentId(), updated.updated(), "USAGE_UPDATED",
            "api key " + caller.keyId(),
            Json.object().put("usageId", id.toString()).set("changes", changes).toString()),
            () -> store.update(h, updated));
      }
      return details(h, List.of(changes.isEmpty() ? old : updated)).get(0);
    });
  }

  private List<UsageDetails> details(Handle h, List<UsageData> rows) {
    return loader.load(h, rows, documents.byIds(h, rows.stream().map(UsageData::documentId).distinct().toList()));
  }

  private UsageData requireOwned(Handle h, Caller caller, UUID id, boolean forUpdate) {
    UsageData usage = (forUpdate ? store.findForUpdate(h, id) : store.find(h, id))
        .orElseThrow(() -> new NotFound("Usage data"));
    companies.requireOwnedChild(h, caller, usage.companyId(), "Usage data");
    return usage;
  }

  private static ObjectNode changes(UsageData a, UsageData b) {
    ObjectNode changes = Json.object();
    change(changes, "startDate", a.startDate(), b.startDate());
    change(changes, "endDate", a.endDate(), b.endDate());
    change(changes, "usage", a.usage(), b.usage());
    change(changes, "usageUnits", a.usageUnits(), b.usageUnits());
    change(changes, "isEstimated", a.isEstimated(), b.isEstimated());
    change(changes, "isImplied", a.isImplied(), b.isImplied());
    change(changes, "exclusion", a.exclusion(), b.exclusion());
    change(changes, "tariff", a.tariff(), b.tariff());
    return changes;
  }

  private static void change(ObjectNode changes, String field, Object old, Object now) {
    boolean same = old instanceof java.math.BigDecimal x && now instanceof java.math.BigDecimal y
        ? x.compareTo(y) == 0 : Objects.equals(old, now);
    if (!same) {
      changes.putObject(field).put("old", text(old)).put("new", text(now));
    }
  }

  private static String text(Object value) {
    return value instanceof java.math.BigDecimal d ? d.toPlainString() : value == null ? null : value.toString();
  }

  /** Adds the usage rows of a new document, in the transaction that files it. */
  public void insertAll(Handle h, List<UsageData> rows) {
    store.insertAll(h, rows);
  }
}

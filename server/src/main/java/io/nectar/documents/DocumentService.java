package io.nectar.documents;

import io.nectar.companies.CompanyService;
import io.nectar.connections.ConnectionService;
import io.nectar.errors.NotFound;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import io.nectar.keys.Caller;
import io.nectar.lists.ListCache;
import io.nectar.lists.ListFilter;
import io.nectar.sites.SiteService;
import io.nectar.webhooks.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reading and deleting documents, scoped to the caller's companies. */
public final class DocumentService {
  public record DocumentPage(List<DocumentDetails> documents, PageWindow window) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final CompanyService companies;
  private final SiteService sites;
  private final ConnectionService connections;
  private final ListCache totals;
  private final DocumentEvents events;
  private final DocumentStore store = new DocumentStore();
  private final DocumentUsage usage;

  public DocumentService(Jdbi jdbi, Clock clock, Supplier<UUID> ids, CompanyService companies, SiteService sites,
      ConnectionService connections, DocumentUsage usage, ListCache totals, DocumentLinks links, Outbox outbox) {
    this.usage = usage;
    this.jdbi = jdbi;
    this.events = new DocumentEvents(this, links, outbox);
    this.totals = totals;
    this.clock = clock;
    this.ids = ids;
    this.companies = companies;
    this.sites = sites;
    this.connections = connections;
  }

  /** Announces the documents' changes as events (webhooks). */
  public DocumentEvents events() {
    return events;
  }

  /** The document {@code id} if the caller owns its company (deleted ones included: they can be listed). */
  public Document requireOwned(Handle h, Caller caller, UUID id) {
    Document document = store.find(h, id).orElseThrow(() -> new NotFound("Document"));
    companies.requireOwnedChild(h, caller, document.companyId(), "Document");
    return document;
  }

  DocumentPage list(Caller caller, DocumentStore.Scope scope, UUID id, ListFilter filter, PageRequest page) {
    // Reads only, each consistent on its own at READ COMMITTED: no transaction, so no COMMIT round trip.
    return jdbi.withHandle(h -> {
      UUID companyId = switch (scope) {
        case COMPANY -> companies.requireOwned(h, caller, id).id();
        case SITE -> sites.requireOwned(h, caller, id).companyId();
        case CONNECTION -> connections.requireOwned(h, caller, id).companyId();
      };
      PageWindow window = page.window(totals.total(companyId, totals.version(h, companyId),
          "documents " + scope + " " + id + " " + filter, () -> store.count(h, scope, id, filter)));
      return new DocumentPage(details(h, store.page(h, scope, id, filter, window.offset(), window.limit())), window);
    });
  }

  DocumentDetails get(Caller caller, UUID id) {
    return jdbi.inTransaction(h -> details(h, List.of(requireOwned(h, caller, id))).get(0));
  }

  /** Soft-deletes: the document and its usage leave every list unless {@code isDeleted=true} is asked. */
  void delete(Caller caller, UUID id) {
    jdbi.useTransaction(h -> {
      requireOwned(h, caller, id);
      Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
      if (store.softDelete(h, id, now)) {
        store.addEvent(h, new DocumentEvent(ids.get(), id, now, "DELETED", "api key " + caller.keyId(), "{}"));
        events.deleted(h, id);
      }
    });
  }

  /** A document and its history, for the audit trail page; the signed link is the authorization. */
  public java.util.Optional<Map.Entry<Document, List<DocumentEvent>>> history(UUID id) {
    return jdbi.inTransaction(h -> store.find(h, id)
        .filter(d -> companies.exists(h, d.companyId())) // a deleted company's documents are gone at once
        .map(d -> Map.entry(d, store.events(h, id))));
  }

  /** The documents {@code ids} that exist, unchecked: for rows already authorized that name them. */
  public Map<UUID, Document> byIds(Handle h, java.util.Collection<UUID> ids) {
    return store.byIds(h, ids);
  }

  /**
   * Records a change to a document's rows, in the caller's transaction: the change itself, the
   * document's update time, the entry in its history, and the document.updated.v2 event.
   */
  public void recordChange(Handle h, DocumentEvent event, Runnable change) {
    var before = events.before(h, event.documentId());
    change.run();
    store.touch(h, event.documentId(), event.at());
    store.addEvent(h, event);
    events.changed(h, event.documentId(), before);
  }

  List<DocumentDetails> details(Handle h, List<Document> documents) {
    List<UUID> documentIds = documents.stream().map(Document::id).toList();
    Map<UUID, Document> byId = documents.stream().collect(Collectors.toMap(Document::id, Function.identity()));
    Map<UUID, List<DocumentUsage.Row>> usageByDocument = usage.rowsOf(h, byId);
    Map<UUID, List<LineItem>> lines = store.lineItems(h, documentIds).stream()
        .collect(Collectors.groupingBy(LineItem::documentId));
    Map<UUID, List<DemandReading>> demand = store.demand(h, documentIds).stream()
        .collect(Collectors.groupingBy(DemandReading::documentId));
    return documents.stream().map(d -> new DocumentDetails(d, usageByDocument.getOrDefault(d.id(), List.of()),
        lines.getOrDefault(d.id(), List.of()), demand.getOrDefault(d.id(), List.of()))).toList();
  }

  /**
   * Files a new bill with its history entry, charge lines and demand readings, in the caller's
   * transaction; false (and nothing written) when the document was filed before.
   */
  public boolean file(Handle h, Document document, DocumentEvent created, List<LineItem> lineItems,
      List<DemandReading> demand) {
    if (!store.insert(h, document)) {
      return false;
    }
    store.addEvent(h, created);
    store.insertLineItems(h, lineItems);
    store.insertDemand(h, demand);
    return true;
  }

  /** The newest bill date of a connection's documents, if it has any: where "the next bill" starts. */
  public java.util.Optional<java.time.LocalDate> latestBillDate(Handle h, UUID connectionId) {
    return store.latestBillDate(h, connectionId);
  }
}

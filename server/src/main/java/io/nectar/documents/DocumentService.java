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
      PageWindow window = window(h, caller, scope, id, filter, page);
      return new DocumentPage(details(h, store.page(h, scope, id, filter, window.offset(), window.limit())), window);
    });
  }

  /** The page asked for, checked against the list's (cached) total, once the caller owns the list's owner. */
  private PageWindow window(Handle h, Caller caller, DocumentStore.Scope scope, UUID id, ListFilter filter,
      PageRequest page) {
    UUID companyId = switch (scope) {
      case COMPANY -> companies.requireOwned(h, caller, id).id();
      case SITE -> sites.requireOwned(h, caller, id).companyId();
      case CONNECTION -> connections.requireOwned(h, caller, id).companyId();
    };
    return page.window(totals.total(companyId, totals.version(h, companyId),
        "documents " + scope + " " + id + " " + filter, () -> store.count(h, scope, id, filter)));
  }

  /** A page of bills without what they embed (usage rows, charges), for lists that show only the bills. */
  public record DocumentRows(List<Document> documents, PageWindow window) {}

  /** The documents of {@link #listOfCompany}, without what each embeds: one query for the page, one for its total. */
  public DocumentRows rowsOfCompany(Caller caller, UUID companyId, ListFilter filter, PageRequest page) {
    return rows(caller, DocumentStore.Scope.COMPANY, companyId, filter, page);
  }

  /** The documents of {@link #listOfSite}, without what each embeds. */
  public DocumentRows rowsOfSite(Caller caller, UUID siteId, ListFilter filter, PageRequest page) {
    return rows(caller, DocumentStore.Scope.SITE, siteId, filter, page);
  }

  private DocumentRows rows(Caller caller, DocumentStore.Scope scope, UUID id, ListFilter filter, PageRequest page) {
    return jdbi.withHandle(h -> {
      // The same cached total as the API's list of the same filter.
      PageWindow window = window(h, caller, scope, id, filter, page);
      return new DocumentRows(store.page(h, scope, id, filter, window.offset(), window.limit()), window);
    });
  }

  /** A page of the company's documents (as {@code GET /document/company/{id}}). */
  public DocumentPage listOfCompany(Caller caller, UUID companyId, ListFilter filter, PageRequest page) {
    return list(caller, DocumentStore.Scope.COMPANY, companyId, filter, page);
  }

  /** A page of the site's documents (as {@code GET /document/site/{id}}). */
  public DocumentPage listOfSite(Caller caller, UUID siteId, ListFilter filter, PageRequest page) {
    return list(caller, DocumentStore.Scope.SITE, siteId, filter, page);
  }

  public DocumentDetails get(Caller caller, UUID id) {
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

  /**
   * Files a bill read off an uploaded file, as {@link #file} does, keyed by its upload: false (and
   * nothing written) when that upload was filed before. Callers hold {@link #lockFiling} first.
   */
  public boolean fileUpload(Handle h, Document document, UploadOrigin origin, DocumentEvent created,
      List<LineItem> lineItems, List<DemandReading> demand) {
    if (!store.insertUploaded(h, document, origin)) {
      return false;
    }
    store.addEvent(h, created);
    store.insertLineItems(h, lineItems);
    store.insertDemand(h, demand);
    return true;
  }

  /** Files the company's uploads one at a time until the caller's transaction ends (see the store). */
  public void lockFiling(Handle h, UUID companyId) {
    store.lockFiling(h, companyId);
  }

  /** The document filed from upload {@code uploadId}, if it was filed. */
  public java.util.Optional<Document> byUpload(Handle h, UUID uploadId) {
    return store.byUpload(h, uploadId);
  }

  /** The company's document of the file with this SHA-256, live or superseded. */
  public java.util.Optional<Document> sameFile(Handle h, UUID companyId, String sha256) {
    return store.sameFile(h, companyId, sha256);
  }

  /**
   * The company's documents of these accounts for exactly this period, live or superseded, newest
   * first, each with its meters: the bills a new bill may repeat or revise.
   */
  public List<BillOnFile> billsOfPeriod(Handle h, UUID companyId, java.util.Collection<UUID> accountIds,
      java.time.LocalDate start, java.time.LocalDate end) {
    List<DocumentStore.PeriodRow> rows = store.ofAccountsAndPeriod(h, companyId, accountIds, start, end);
    Map<UUID, List<java.util.Set<String>>> usageMeters = store.usageMeterIdentifiers(h,
        rows.stream().filter(r -> r.meterKeys() == null).map(r -> r.document().id()).toList());
    return rows.stream().map(r -> new BillOnFile(r.document(), "SUPERSEDED".equals(r.document().status()),
        r.meterKeys() != null
            ? r.meterKeys().stream().map(java.util.Set::of).toList()
            : usageMeters.getOrDefault(r.document().id(), List.of()))).toList();
  }

  /**
   * Replaces document {@code earlierId} by its revision {@code revisionId}, in the caller's
   * transaction: the earlier one becomes SUPERSEDED and is soft-deleted with its usage, so no list
   * counts both; it stays readable by id, under {@code isDeleted=true}, and in its audit trail, and
   * is announced as {@code document.deleted.v2}, as any soft deletion is.
   */
  public void supersede(Handle h, UUID earlierId, UUID revisionId, String actor, Instant now) {
    if (store.supersede(h, earlierId, now)) {
      store.addEvent(h, new DocumentEvent(ids.get(), earlierId, now, "SUPERSEDED", actor,
          io.nectar.http.Json.object().put("revisedBy", revisionId.toString()).toString()));
      events.deleted(h, earlierId);
    }
  }

  /** The newest bill date of a connection's documents, if it has any: where "the next bill" starts. */
  public java.util.Optional<java.time.LocalDate> latestBillDate(Handle h, UUID connectionId) {
    return store.latestBillDate(h, connectionId);
  }
}

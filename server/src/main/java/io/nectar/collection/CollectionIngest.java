package io.nectar.collection;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nectar.accounts.Account;
import io.nectar.accounts.AccountService;
import io.nectar.connections.Connection;
import io.nectar.connections.ConnectionEvents;
import io.nectar.documents.DemandReading;
import io.nectar.documents.Document;
import io.nectar.documents.DocumentEvent;
import io.nectar.documents.DocumentEvents;
import io.nectar.documents.DocumentService;
import io.nectar.documents.LineItem;
import io.nectar.intervals.IntervalReading;
import io.nectar.intervals.IntervalService;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterService;
import io.nectar.providers.Collection;
import io.nectar.providers.ProviderAccount;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderDemand;
import io.nectar.providers.ProviderInterval;
import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderMeter;
import io.nectar.providers.ProviderUsage;
import io.nectar.storage.BlobStore;
import io.nectar.usage.UsageData;
import io.nectar.usage.UsageService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes what a provider collected: accounts and meters first (so they are listed within a moment),
 * then bills in small transactions, each bill with its file, usage rows, line items and demand
 * together, then intervals in batches. Every write is keyed by the provider's stable keys, so a
 * collection interrupted by a crash is simply run again: nothing is duplicated.
 */
final class CollectionIngest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int BILLS_PER_TRANSACTION = 25;
  private static final int INTERVALS_PER_TRANSACTION = 5_000;

  /** Where a provider's meter key landed. */
  private record MeterRef(UUID meterId, UUID accountId, UUID siteId, String datasourceType) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final BlobStore blobs;
  private final ConnectionEvents connectionEvents;
  private final DocumentEvents documentEvents;
  private final AccountService accounts;
  private final MeterService meters;
  private final DocumentService documents;
  private final UsageService usage;
  private final IntervalService intervals;

  CollectionIngest(Jdbi jdbi, Clock clock, Supplier<UUID> ids, BlobStore blobs, Owners owners) {
    this.jdbi = jdbi;
    this.connectionEvents = owners.connections().events();
    this.documentEvents = owners.documents().events();
    this.accounts = owners.accounts();
    this.meters = owners.meters();
    this.documents = owners.documents();
    this.usage = owners.usage();
    this.intervals = owners.intervals();
    this.clock = clock;
    this.ids = ids;
    this.blobs = blobs;
  }

  /** What one ingestion did and where its time went. */
  record Outcome(int documents, long meterMillis, long billMillis, long intervalMillis) {}

  /** Ingests {@code collection}. */
  Outcome ingest(Connection connection, Collection collection) {
    long t0 = System.nanoTime();
    Map<String, MeterRef> meterRefs = jdbi.inTransaction(h -> {
      var before = connectionEvents.before(h, connection.id());
      accountsAndMeters(h, connection, collection);
      connectionEvents.changed(h, connection.id(), before, ConnectionEvents.Cause.OTHER);
      return meterRefs(h, connection.id());
    });
    Map<String, UUID> accountIds = new HashMap<>();
    long t1 = System.nanoTime();
    java.util.Set<UUID> untracked = new java.util.HashSet<>();
    jdbi.useHandle(h -> accounts.byConnections(h, List.of(connection.id())).forEach(a -> {
      accountIds.put(a.accountNumber(), a.id());
      if (!a.isTracked()) {
        untracked.add(a.id());
      }
    }));

    int created = 0;
    List<ProviderBill> bills = collection.bills();
    for (int from = 0; from < bills.size(); from += BILLS_PER_TRANSACTION) {
      // An account the user stopped tracking collects nothing more (nectar-api.md §6.1).
      List<ProviderBill> chunk = bills.subList(from, Math.min(bills.size(), from + BILLS_PER_TRANSACTION)).stream()
          .filter(b -> !untracked.contains(accountIds.get(b.accountNumber()))).toList();
      chunk.forEach(bill -> storeFile(connection, bill));
      created += jdbi.inTransaction(h -> {
        List<UUID> inserted = new ArrayList<>();
        for (ProviderBill bill : chunk) {
          insertBill(h, connection, bill, meterRefs, accountIds).ifPresent(inserted::add);
        }
        documentEvents.created(h, inserted);
        return inserted.size();
      });
    }

    long t2 = System.nanoTime();
    List<ProviderInterval> readings = collection.intervals();
    for (int from = 0; from < readings.size(); from += INTERVALS_PER_TRANSACTION) {
      List<ProviderInterval> chunk = readings.subList(from, Math.min(readings.size(), from + INTERVALS_PER_TRANSACTION));
      Instant now = now();
      List<IntervalReading> rows = new ArrayList<>(chunk.size());
      for (ProviderInterval r : chunk) {
        MeterRef ref = meterRefs.get(r.meterKey());
        if (ref != null && !untracked.contains(ref.accountId())) {
          rows.add(new IntervalReading(ids.get(), connection.id(), ref.meterId(), ref.accountId(), r.start(), r.end(),
              r.usage(), r.usageUnits(), r.quality(), now, now));
        }
      }
      jdbi.useTransaction(h -> intervals.insertAll(h, rows));
    }
    long t3 = System.nanoTime();
    return new Outcome(created, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
  }

  /** Every meter the connection has, by provider key: a collection may bring bills for known meters only. */
  private Map<String, MeterRef> meterRefs(Handle h, UUID connectionId) {
    Map<String, MeterRef> refs = new HashMap<>();
    meters.byConnection(h, connectionId).forEach(m -> refs.put(m.providerKey(),
        new MeterRef(m.id(), m.accountId(), m.siteId(), m.datasourceType().name())));
    return refs;
  }

  private void accountsAndMeters(Handle h, Connection connection, Collection collection) {
    Instant now = now();
    java.util.Set<String> metersWithIntervals = new java.util.HashSet<>();
    collection.intervals().forEach(i -> metersWithIntervals.add(i.meterKey()));
    for (ProviderAccount pa : collection.accounts()) {
      UUID accountId = accounts.upsert(h, new Account(ids.get(), connection.id(), connection.companyId(),
          pa.accountNumber(), Account.TrackingStatus.UNSET, "false", null, true,
          pa.meters().stream().map(ProviderMeter::key).anyMatch(metersWithIntervals::contains),
          null, now, now));
      for (ProviderMeter pm : pa.meters()) {
        if (!connection.initialSites().contains(pm.siteId())) {
          continue; // a provider may only file meters under the sites the user gave the connection
        }
        List<Meter.Identifier> identifiers = pm.identifiers().stream()
            .map(i -> new Meter.Identifier(i.rawName(), i.value(), i.name())).toList();
        meters.upsert(h, new Meter(ids.get(), connection.companyId(), pm.siteId(), connection.id(), accountId,
            pm.key(), pm.datasourceType(), pm.address(), pm.subtypes(), true, identifiers, now, now));
      }
    }
  }

  private void storeFile(Connection connection, ProviderBill bill) {
    if (bill.pdf() != null) {
      blobs.put(blobKey(connection, bill), bill.pdf(), "application/pdf");
    }
  }

  private static String blobKey(Connection connection, ProviderBill bill) {
    return "connections/" + connection.id() + "/bills/" + bill.key().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
  }

  /** The new document's id; empty when the bill was stored before. */
  private Optional<UUID> insertBill(Handle h, Connection connection, ProviderBill bill, Map<String, MeterRef> meterRefs,
      Map<String, UUID> accountIds) {
    Instant now = now();
    UUID documentId = ids.get();
    UUID siteId = bill.usage().stream().map(u -> meterRefs.get(u.meterKey())).filter(java.util.Objects::nonNull)
        .map(MeterRef::siteId).findFirst().orElse(null);
    UUID accountId = accountIds.get(bill.accountNumber());
    List<String> types = bill.usage().stream().map(u -> meterRefs.get(u.meterKey())).filter(java.util.Objects::nonNull)
        .map(MeterRef::datasourceType).distinct().sorted().toList();
    Document document = Document.fromConnection(documentId, connection.id(), now)
        .companyId(connection.companyId())
        .accountId(accountId)
        .siteId(siteId)
        .providerKey(bill.key())
        .billDate(bill.billDate())
        .startDate(bill.startDate())
        .endDate(bill.endDate())
        .dueDate(bill.dueDate())
        .chargesUnits(bill.chargesUnits())
        .utilityCompany(bill.utilityName())
        .totalCharges(bill.totalCharges())
        .taxCharges(bill.taxCharges())
        .fileName(bill.fileName())
        .blobKey(bill.pdf() == null ? null : blobKey(connection, bill))
        .datasourceTypes(types)
        .build();
    DocumentEvent created = new DocumentEvent(ids.get(), documentId, now, "CREATED",
        "collection of connection " + connection.id(), JSON.objectNode()
            .put("source", "connection").put("connectionId", connection.id().toString())
            .put("url", connection.url()).put("fileName", bill.fileName()).put("providerKey", bill.key())
            .toString());
    List<LineItem> lines = new ArrayList<>();
    for (int i = 0; i < bill.lineItems().size(); i++) {
      ProviderLineItem l = bill.lineItems().get(i);
      MeterRef ref = l.meterKey() == null ? null : meterRefs.get(l.meterKey());
      lines.add(LineItem.builder()
          .id(ids.get())
          .documentId(documentId)
          .position(i)
          .meterId(ref == null ? null : ref.meterId())
          .description(l.description())
          .quantity(l.quantity())
          .quantityUnits(l.quantityUnits())
          .rate(l.rate())
          .totalCharge(l.totalCharge())
          .chargeType(l.chargeType())
          .electricityChargeType(l.electricityChargeType())
          .electricityIsDemand(l.electricityIsDemand())
          .electricityTimeOfUse(l.electricityTimeOfUse())
          .gasChargeType(l.gasChargeType())
          .billingPeriod(l.billingPeriod())
          .build());
    }
    List<DemandReading> demand = new ArrayList<>();
    for (int i = 0; i < bill.demand().size(); i++) {
      ProviderDemand d = bill.demand().get(i);
      MeterRef ref = meterRefs.get(d.meterKey());
      demand.add(new DemandReading(ids.get(), documentId, i, ref == null ? null : ref.meterId(), d.startDate(),
          d.endDate(), d.isEstimated(), d.demandUsage(), d.demandUsageUnits(), d.description(), d.demandType()));
    }
    if (!documents.file(h, document, created, lines, demand)) {
      return Optional.empty();
    }
    List<UsageData> rows = new ArrayList<>();
    for (int i = 0; i < bill.usage().size(); i++) {
      ProviderUsage u = bill.usage().get(i);
      MeterRef ref = meterRefs.get(u.meterKey());
      if (ref == null) {
        continue;
      }
      rows.add(UsageData.builder()
          .id(ids.get())
          .documentId(documentId)
          .companyId(connection.companyId())
          .meterId(ref.meterId())
          .siteId(ref.siteId())
          .connectionId(connection.id())
          .position(i)
          .datasourceType(ref.datasourceType())
          .startDate(u.startDate())
          .endDate(u.endDate())
          .billDate(bill.billDate() != null ? bill.billDate() : u.endDate())
          .usage(u.usage())
          .usageUnits(u.usageUnits())
          .isEstimated(u.isEstimated())
          .currentReading(u.currentReading())
          .previousReading(u.previousReading())
          .multiplier(u.multiplier())
          .tariff(u.tariff())
          .netMeteringGeneratedKwh(u.netMeteringGeneratedKwh())
          .netMeteringGridImportKwh(u.netMeteringGridImportKwh())
          .netMeteringGridExportKwh(u.netMeteringGridExportKwh())
          .utilityName(bill.utilityName())
          .country(connection.country())
          .timeOfUseBreakdown(timeOfUse(u))
          .created(now)
          .updated(now)
          .build());
      if (ref.accountId() != null) {
        accounts.extendLastServiceDate(h, ref.accountId(), u.endDate());
      }
    }
    usage.insertAll(h, rows);
    return Optional.of(documentId);
  }

  private static String timeOfUse(ProviderUsage u) {
    if (u.timeOfUse() == null || u.timeOfUse().isEmpty()) {
      return null;
    }
    var array = JSON.arrayNode();
    u.timeOfUse().forEach(p -> array.addObject().put("timeOfUse", p.timeOfUse())
        .put("usage", p.usage() == null ? null : p.usage().toPlainString())
        .put("usageUnits", p.usageUnits()).put("description", p.description()));
    return array.toString();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

package io.nectar.collection;

import io.nectar.connections.Connection;
import io.nectar.connections.ConnectionService;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ConnectionStatus;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.UtilityProvider;
import io.nectar.providers.Validation;
import io.nectar.storage.BlobStore;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a connection's provider: validation (a status transition of nectar-api.md §9.1) and
 * collection (everything since the connection's start date). Called by background jobs only; a
 * provider failure throws, and the job runner retries with backoff.
 */
public final class Collector {
  private static final Logger log = LoggerFactory.getLogger(Collector.class);

  private final Jdbi jdbi;
  private final ProviderRegistry providers;
  private final ConnectionService connections;
  private final CollectionIngest ingest;

  public Collector(Jdbi jdbi, Clock clock, Supplier<UUID> ids, ProviderRegistry providers, BlobStore blobs,
      Owners owners) {
    this.jdbi = jdbi;
    this.providers = providers;
    this.connections = owners.connections();
    this.ingest = new CollectionIngest(jdbi, clock, ids, blobs, owners);
  }

  CollectionIngest ingest() {
    return ingest;
  }

  /** Collects a CONNECTED connection; anything else (or a deleted one) is left alone. */
  void collect(UUID connectionId) {
    Optional<Prepared> prepared = prepare(connectionId);
    if (prepared.isEmpty() || prepared.get().connection().status() != ConnectionStatus.CONNECTED) {
      return;
    }
    Connection connection = prepared.get().connection();
    long started = System.nanoTime();
    var collection = prepared.get().provider().collect(prepared.get().request());
    long collected = System.nanoTime();
    CollectionIngest.Outcome outcome = ingest.ingest(connection, collection);
    connections.markCollected(connectionId);
    log.info("Collected connection {}: {} new document(s) in {} ms (provider {} ms, accounts and meters {} ms, "
            + "bills {} ms, {} intervals {} ms)", connectionId, outcome.documents(),
        (System.nanoTime() - started) / 1_000_000, (collected - started) / 1_000_000, outcome.meterMillis(),
        outcome.billMillis(), collection.intervals().size(), outcome.intervalMillis());
  }

  /** Checks the credentials again and records the outcome; true when the connection is CONNECTED. */
  boolean revalidate(UUID connectionId) {
    Optional<Prepared> prepared = prepare(connectionId);
    if (prepared.isEmpty()) {
      return false;
    }
    Validation validation = prepared.get().provider().validate(prepared.get().request());
    return jdbi.inTransaction(h -> connections.recordValidation(h, connectionId, validation))
        .filter(c -> c.status() == ConnectionStatus.CONNECTED).isPresent();
  }

  private record Prepared(Connection connection, UtilityProvider provider, CollectionRequest request) {}

  private Optional<Prepared> prepare(UUID connectionId) {
    return jdbi.inTransaction(h -> connections.find(h, connectionId)
        .filter(Connection::isActive)
        .flatMap(c -> providers.find(c.url()).map(p -> new Prepared(c, p, connections.request(h, c)))));
  }
}

package io.nectar.collection;

import io.nectar.connections.Connection;
import io.nectar.connections.ConnectionService;
import io.nectar.documents.DocumentService;
import io.nectar.errors.Conflict;
import io.nectar.errors.InvalidInput;
import io.nectar.keys.Caller;
import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ConnectionStatus;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The sandbox utility issues the next month's bills of a sandbox connection now, as a real utility
 * would at month end, so a client can test how it picks up new documents (CONTRACT §11).
 */
public final class SandboxBills {
  static final int MONTHS_AHEAD = 12;

  private final Jdbi jdbi;
  private final Clock clock;
  private final ConnectionService connections;
  private final ProviderRegistry providers;
  private final SandboxProvider sandbox;
  private final CollectionIngest ingest;
  private final DocumentService documents;

  public SandboxBills(Jdbi jdbi, Clock clock, ConnectionService connections, DocumentService documents,
      ProviderRegistry providers, SandboxProvider sandbox, Collector collector) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.documents = documents;
    this.providers = providers;
    this.connections = connections;
    this.sandbox = sandbox;
    this.ingest = collector.ingest();
  }

  /**
   * Issues the next month's bills; {@code checkBody} runs once the connection is known to be the
   * caller's. Months run at most {@link #MONTHS_AHEAD} past the current one, so repeated calls cannot
   * fill the disk with bills from the far future.
   */
  public List<ProviderBill> issueNext(Caller caller, UUID id, Runnable checkBody) {
    record Next(Connection connection, CollectionRequest request, YearMonth month) {}
    Next next = jdbi.inTransaction(h -> {
      Connection c = connections.requireOwned(h, caller, id);
      checkBody.run();
      if (providers.find(c.url()).filter(p -> p == sandbox).isEmpty()) {
        throw new InvalidInput("Only sandbox connections (" + sandbox.rootUrl() + ") can be sent bills on demand.");
      }
      if (c.status() != ConnectionStatus.CONNECTED) {
        throw new Conflict("The connection is " + c.status() + "; only a CONNECTED connection receives bills.");
      }
      CollectionRequest request = connections.request(h, c);
      // The request's start, not the stored one: it is kept within the server's collection bounds.
      YearMonth month = documents.latestBillDate(h, id).map(d -> YearMonth.from(d).plusMonths(1))
          .orElse(YearMonth.from(request.startDate()));
      YearMonth last = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).plusMonths(MONTHS_AHEAD);
      if (month.isAfter(last)) {
        throw new Conflict("The sandbox issues bills at most " + MONTHS_AHEAD + " months ahead, up to " + last
            + "; this connection already has them.");
      }
      return new Next(c, request, month);
    });
    List<ProviderBill> bills = sandbox.billsFor(next.request(), next.month());
    // With the accounts, which are upserted by key: a bill may be asked for before the first collection
    // has filed them, and a bill's document needs its account and meters.
    ingest.ingest(next.connection(), new Collection(sandbox.accountsFor(next.request()), bills, List.of()));
    return bills;
  }
}

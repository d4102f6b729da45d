package io.nectar.collection;

import io.nectar.errors.Conflict;
import io.nectar.errors.InvalidInput;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import io.nectar.connections.Connection;
import io.nectar.connections.ConnectionService;
import io.nectar.providers.ConnectionStatus;
import io.nectar.documents.DocumentService;
import io.nectar.http.Api;
import io.nectar.http.Json;
import io.nectar.keys.Caller;
import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code POST /sandbox/connection/{id}/bill} (CONTRACT §11): the sandbox utility issues the next
 * month's bills of a sandbox connection now, as a real utility would at month end, so a client can
 * test how it picks up new documents.
 */
public final class SandboxBills {
  private final Jdbi jdbi;
  private final ConnectionService connections;
  private final ProviderRegistry providers;
  private final SandboxProvider sandbox;
  private final CollectionIngest ingest;

  private final DocumentService documents;

  public SandboxBills(Jdbi jdbi, ConnectionService connections, DocumentService documents, ProviderRegistry providers,
      SandboxProvider sandbox, Collector collector) {
    this.jdbi = jdbi;
    this.documents = documents;
    this.providers = providers;
    this.connections = connections;
    this.sandbox = sandbox;
    this.ingest = collector.ingest();
  }

  public void register(Api api) {
    api.post("/sandbox/connection/{connectionId}/bill", this::issue);
  }

  private void issue(Context ctx) {
    UUID id = Api.id(ctx, "connectionId", "Connection");
    List<ProviderBill> bills = issueNext(Api.caller(ctx), id, () -> Api.fields(ctx).finish());
    ArrayNode items = Json.array();
    for (ProviderBill bill : bills) {
      items.addObject()
          .put("accountNumber", bill.accountNumber())
          .put("startDate", Json.date(bill.startDate()))
          .put("endDate", Json.date(bill.endDate()))
          .put("billDate", Json.date(bill.billDate()))
          .put("totalCharges", Json.decimal(bill.totalCharges()))
          .put("chargesUnits", bill.chargesUnits());
    }
    Json.respond(ctx, 201, Json.object().put("connection", id.toString()).set("bills", items));
  }

  /** Issues the next month's bills; {@code checkBody} runs once the connection is known to be the caller's. */
  private List<ProviderBill> issueNext(Caller caller, UUID id, Runnable checkBody) {
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
      return new Next(c, request, month);
    });
    List<ProviderBill> bills = sandbox.billsFor(next.request(), next.month());
    ingest.ingest(next.connection(), new Collection(List.of(), bills, List.of()));
    return bills;
  }
}

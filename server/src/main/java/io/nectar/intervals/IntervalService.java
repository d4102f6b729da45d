package io.nectar.intervals;

import io.nectar.connections.ConnectionService;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import io.nectar.keys.Caller;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reading a connection's interval data, with the meters its readings belong to. */
public final class IntervalService {
  /** A page of readings and the meters they refer to (for their identifiers). */
  public record IntervalPage(List<IntervalReading> readings, Map<UUID, Meter> meters, PageWindow window) {}

  private final Jdbi jdbi;
  private final ConnectionService connections;
  private final IntervalStore store = new IntervalStore();
  private final MeterService meters;

  public IntervalService(Jdbi jdbi, ConnectionService connections, MeterService meters) {
    this.jdbi = jdbi;
    this.meters = meters;
    this.connections = connections;
  }

  IntervalPage list(Caller caller, UUID connectionId, IntervalStore.Filter filter, PageRequest page) {
    return jdbi.inTransaction(h -> {
      connections.requireOwned(h, caller, connectionId);
      PageWindow window = page.window(store.count(h, connectionId, filter));
      List<IntervalReading> readings = store.page(h, connectionId, filter, window.offset(), window.limit());
      Map<UUID, Meter> meterById = new HashMap<>();
      meters.byIds(h, readings.stream().map(IntervalReading::meterId).distinct().toList())
          .forEach(m -> meterById.put(m.id(), m));
      return new IntervalPage(readings, meterById, window);
    });
  }

  /** Adds readings a collection brought, in the caller's transaction; readings already held are skipped. */
  public int insertAll(org.jdbi.v3.core.Handle h, List<IntervalReading> readings) {
    return store.insertAll(h, readings);
  }
}

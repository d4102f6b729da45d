package io.nectar.app;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nectar.db.Database;
import io.nectar.http.Json;
import io.nectar.storage.BlobStoreHealth;

/**
 * Unauthenticated operations endpoints: liveness, readiness (database reachable, store of files
 * answering) and metrics.
 */
final class OpsRoutes {
  private final Database database;
  private final BlobStoreHealth files;
  private final PrometheusMeterRegistry meters;

  OpsRoutes(Database database, BlobStoreHealth files, PrometheusMeterRegistry meters) {
    this.database = database;
    this.files = files;
    this.meters = meters;
  }

  void register(RoutesConfig routes) {
    routes.get("/healthz", ctx -> Json.respond(ctx, 200, Json.object().put("status", "ok")));
    routes.get("/readyz", ctx -> {
      boolean databaseReady = database.isReachable();
      // Which setting is wrong goes to the log (BlobStoreHealth), not to an unauthenticated caller.
      boolean filesReady = files.problem().isEmpty();
      boolean ready = databaseReady && filesReady;
      Json.respond(ctx, ready ? 200 : 503, Json.object()
          .put("status", ready ? "ok" : "unavailable")
          .put("database", databaseReady ? "reachable" : "unreachable")
          .put("files", filesReady ? "reachable" : "unreachable"));
    });
    routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape()));
  }
}

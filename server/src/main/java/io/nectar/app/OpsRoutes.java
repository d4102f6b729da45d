package io.nectar.app;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nectar.db.Database;
import io.nectar.http.Json;

/** Unauthenticated operations endpoints: liveness, readiness (database reachable) and metrics. */
final class OpsRoutes {
  private final Database database;
  private final PrometheusMeterRegistry meters;

  OpsRoutes(Database database, PrometheusMeterRegistry meters) {
    this.database = database;
    this.meters = meters;
  }

  void register(RoutesConfig routes) {
    routes.get("/healthz", ctx -> Json.respond(ctx, 200, Json.object().put("status", "ok")));
    routes.get("/readyz", ctx -> {
      boolean ready = database.isReachable();
      Json.respond(ctx, ready ? 200 : 503, Json.object()
          .put("status", ready ? "ok" : "unavailable")
          .put("database", ready ? "reachable" : "unreachable"));
    });
    routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape()));
  }
}

package io.nectar.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.nectar.http.Api;
import io.nectar.http.Json;
import io.nectar.keys.Caller;

/** {@code GET /ping}: checks a key and tells whom it acts for (CONTRACT §4). */
final class PingRoutes {
  private final String serverVersion;

  PingRoutes(String serverVersion) {
    this.serverVersion = serverVersion;
  }

  void register(Api api) {
    api.get("/ping", this::ping);
  }

  private void ping(Context ctx) {
    Caller caller = Api.caller(ctx);
    ObjectNode body = Json.object();
    body.put("status", "ok");
    body.put("apiVersion", Api.version(ctx).label());
    body.put("serverVersion", serverVersion);
    body.putObject("organization")
        .put("id", caller.organizationId().toString())
        .put("name", caller.organizationName());
    body.put("environment", caller.environment().name());
    Json.respond(ctx, 200, body);
  }
}

package io.nectar.connections;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import io.nectar.http.Api;
import io.nectar.http.ApiError;
import io.nectar.http.Json;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination;
import io.nectar.providers.ConnectionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Connections: {@code GET|POST /connection/company/{id}} (aliases {@code /company/{id}/connection})
 * and {@code GET /connection/{id}/details}.
 *
 * <pre>curl -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{"url": "https://nectarclimate.com",
 *   "username": "nectar-sandbox-username", "password": "nectar-sandbox-password", "sites": ["…"],
 *   "country": "US"}' http://localhost:8080/v2.2/connection/company/$COMPANY</pre>
 */
public final class ConnectionRoutes {
  private final ConnectionService service;

  public ConnectionRoutes(ConnectionService service) {
    this.service = service;
  }

  public void register(Api api) {
    api.get("/connection/company/{companyId}", this::list);
    api.post("/connection/company/{companyId}", this::create);
    api.get("/company/{companyId}/connection", this::list);
    api.post("/company/{companyId}/connection", this::create);
    api.get("/connection/{connectionId}/details", this::get);
  }

  private void create(Context ctx) {
    UUID companyId = Api.id(ctx, "companyId", "Company");
    var created = service.create(Api.caller(ctx), companyId, () -> ConnectionInput.read(Api.fields(ctx)));
    Json.respond(ctx, 201, ConnectionView.render(created));
  }

  private void get(Context ctx) {
    Json.respond(ctx, 200, ConnectionView.render(service.get(Api.caller(ctx), Api.id(ctx, "connectionId", "Connection"))));
  }

  private void list(Context ctx) {
    UUID companyId = Api.id(ctx, "companyId", "Company");
    ConnectionStore.Filter filter = filter(ctx);
    PageRequest page = PageRequest.parse(ctx.queryParam("page"), limit(ctx.queryParam("limit")));
    var result = service.list(Api.caller(ctx), companyId, filter, page);
    ArrayNode items = Json.array();
    result.connections().forEach(c -> items.add(ConnectionView.render(c)));
    Json.respond(ctx, 200, result.window().envelope("totalConnections", "connections", items));
  }

  private static ConnectionStore.Filter filter(Context ctx) {
    List<UUID> sites = new ArrayList<>();
    for (String raw : ctx.queryParams("sites")) {
      for (String part : raw.split(",")) {
        sites.add(Api.uuid(part.trim()).orElseThrow(() ->
            ApiError.invalid(Map.of("sites", List.of("\"" + part + "\" is not a valid UUID.")))));
      }
    }
    String statusParam = ctx.queryParam("status");
    ConnectionStatus status = statusParam == null ? null : ConnectionStatus.parse(statusParam).orElseThrow(() ->
        ApiError.invalid(Map.of("status", List.of("Select a valid choice. " + statusParam
            + " is not one of the available choices."))));
    String owner = ctx.queryParam("connectionOwnerEmail");
    return new ConnectionStore.Filter(owner == null || owner.isBlank() ? null : owner.trim(), sites, status);
  }

  /** {@code limit}: 1–500, default 100 (nectar-api.md §5.2). */
  private static int limit(String raw) {
    if (raw == null) {
      return Pagination.PAGE_SIZE;
    }
    try {
      int limit = Integer.parseInt(raw.trim());
      if (limit >= 1 && limit <= 500) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiError.invalid(Map.of("limit", List.of("Ensure this value is a whole number between 1 and 500.")));
  }
}

package io.nectar.intervals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.nectar.http.Api;
import io.nectar.http.ApiError;
import io.nectar.http.Json;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination;
import io.nectar.http.Rfc3339;
import io.nectar.meters.DatasourceType;
import io.nectar.meters.Identifiers;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /interval/connection/{id}} (BETA in Nectar, nectar-api.md §10.2): a connection's
 * interval readings in time order, filtered by {@code datasourceType}, {@code startDate} /
 * {@code endDate} (ISO-8601 date-times, or dates meaning UTC midnight) and {@code identifier}.
 */
public final class IntervalRoutes {
  private final IntervalService service;

  public IntervalRoutes(IntervalService service) {
    this.service = service;
  }

  public void register(Api api) {
    api.get("/interval/connection/{connectionId}", this::list);
  }

  private void list(Context ctx) {
    UUID connectionId = Api.id(ctx, "connectionId", "Connection");
    // A plain end date includes its whole day; an end date-time is taken as the last instant wanted.
    String rawEnd = ctx.queryParam("endDate");
    boolean endIsDay = rawEnd != null && rawEnd.trim().matches("\\d{4}-\\d{2}-\\d{2}");
    Instant end = instant(ctx, "endDate");
    IntervalStore.Filter filter = new IntervalStore.Filter(types(ctx), instant(ctx, "startDate"),
        end != null && endIsDay ? end.plus(java.time.Duration.ofDays(1)) : end, !endIsDay, identifier(ctx));
    PageRequest page = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
    IntervalService.IntervalPage result = service.list(Api.caller(ctx), connectionId, filter, page);
    ArrayNode items = Json.array();
    for (IntervalReading r : result.readings()) {
      ObjectNode item = items.addObject();
      item.put("id", r.id().toString());
      item.put("created", Json.timestamp(r.created()));
      Meter meter = result.meters().get(r.meterId());
      item.set("identifiers", MeterView.identifiers(meter == null ? List.of() : meter.identifiers()));
      item.put("account", r.accountId() == null ? null : r.accountId().toString());
      item.put("start", Json.timestamp(r.start()));
      item.put("end", Json.timestamp(r.end()));
      item.put("usage", Json.decimal(r.usage()));
      item.put("usageUnits", r.usageUnits());
      item.put("quality", r.quality());
      item.put("updated", Json.timestamp(r.updated()));
    }
    Json.respond(ctx, 200, result.window().envelope("totalIntervals", "intervals", items));
  }

  static List<DatasourceType> types(Context ctx) {
    List<DatasourceType> types = new ArrayList<>();
    for (String raw : ctx.queryParams("datasourceType")) {
      for (String part : raw.split(",")) {
        types.add(DatasourceType.parse(part).orElseThrow(() -> ApiError.invalid(Map.of("datasourceType",
            List.of("Select a valid choice. " + part + " is not one of the available choices.")))));
      }
    }
    return types;
  }

  private static Instant instant(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Rfc3339.instant(raw.trim());
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(raw.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw ApiError.invalid(Map.of(name, List.of(
            "Datetime has wrong format. Use ISO 8601, e.g. 2024-01-31T23:59:59Z.")));
      }
    }
  }

  private static String identifier(Context ctx) {
    String raw = ctx.queryParam("identifier");
    if (raw == null) {
      return null;
    }
    String normalized = Identifiers.normalize(raw);
    if (normalized.isEmpty()) {
      throw ApiError.invalid(Map.of("identifier", List.of("Ensure this field has at least 1 character.")));
    }
    return normalized;
  }
}

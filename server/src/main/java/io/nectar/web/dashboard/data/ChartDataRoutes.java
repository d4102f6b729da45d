package io.nectar.web.dashboard.data;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nectar.errors.InvalidInput;
import io.nectar.http.Json;
import io.nectar.insights.Figures;
import io.nectar.insights.HourlyUsage;
import io.nectar.insights.Period;
import io.nectar.web.dashboard.DashboardGate;
import io.nectar.web.dashboard.DashboardPage;
import io.nectar.web.dashboard.SignedIn;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The charts' data, as JSON for the pages' script: usage and cost by month per utility (of a company,
 * a site or a meter) and a meter's hourly intervals. Each answer is one aggregate query
 * ({@link io.nectar.insights.InsightService}); amounts are exact decimals written as JSON numbers in
 * plain notation, never computed through a double.
 */
final class ChartDataRoutes {
  private final DataServices services;
  private final DashboardGate gate;

  ChartDataRoutes(DataServices services, DashboardGate gate) {
    this.services = services;
    this.gate = gate;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/companies/{companyId}/charts/monthly", ctx -> {
      SignedIn who = gate.require(ctx);
      UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
      monthly(ctx, Owned.get("Company", () -> services.insights().company(who.caller(), id, period(ctx))));
    });
    routes.get("/dashboard/sites/{siteId}/charts/monthly", ctx -> {
      SignedIn who = gate.require(ctx);
      UUID id = Ids.of(ctx.pathParam("siteId"), "Site");
      monthly(ctx, Owned.get("Site", () -> services.insights().site(who.caller(), id, period(ctx))));
    });
    routes.get("/dashboard/meters/{meterId}/charts/monthly", ctx -> {
      SignedIn who = gate.require(ctx);
      UUID id = Ids.of(ctx.pathParam("meterId"), "Meter");
      monthly(ctx, Owned.get("Meter", () -> services.insights().meter(who.caller(), id, period(ctx))));
    });
    routes.get("/dashboard/meters/{meterId}/charts/hourly", ctx -> {
      SignedIn who = gate.require(ctx);
      UUID id = Ids.of(ctx.pathParam("meterId"), "Meter");
      Optional<LocalDate> from = day(ctx.queryParam("from"), "from");
      Optional<LocalDate> to = day(ctx.queryParam("to"), "to");
      hourly(ctx, Owned.get("Meter", () -> services.insights().hours(who.caller(), id, from, to)));
    });
  }

  private static Optional<Period> period(Context ctx) {
    return Period.parse(ctx.queryParam("from"), ctx.queryParam("to"));
  }

  /**
   * {@code {"from", "to", "months": ["2025-01", …], "charts": [{"utility", "label", "series": [{"measure",
   * "units", "values": [number or null per month]}]}]}}.
   */
  private static void monthly(Context ctx, Figures figures) {
    ObjectNode body = Json.object();
    body.put("from", figures.period().first().toString());
    body.put("to", figures.period().last().toString());
    ArrayNode months = body.putArray("months");
    figures.period().months().forEach(m -> months.add(m.toString()));
    ArrayNode charts = body.putArray("charts");
    for (Figures.UtilityChart chart : figures.charts()) {
      ObjectNode c = charts.addObject();
      c.put("utility", chart.utility());
      c.put("label", Format.utility(chart.utility()));
      ArrayNode series = c.putArray("series");
      for (Figures.Series s : chart.series()) {
        ObjectNode o = series.addObject();
        o.put("measure", s.measure().name());
        o.put("units", s.units());
        values(o.putArray("values"), s.values());
      }
    }
    respond(ctx, body);
  }

  /** {@code {"hours": ["2026-11-24T00:00:00Z", …], "series": [{"units", "values": [number or null per hour]}]}}. */
  private static void hourly(Context ctx, HourlyUsage usage) {
    TreeSet<Instant> hours = new TreeSet<>();
    Map<String, Map<Instant, BigDecimal>> byUnits = new LinkedHashMap<>();
    for (HourlyUsage.Hour h : usage.hours()) {
      hours.add(h.start());
      byUnits.computeIfAbsent(h.units(), u -> new LinkedHashMap<>()).put(h.start(), h.usage());
    }
    ObjectNode body = Json.object();
    ArrayNode times = body.putArray("hours");
    hours.forEach(h -> times.add(h.toString()));
    ArrayNode series = body.putArray("series");
    byUnits.forEach((units, values) -> {
      ObjectNode o = series.addObject();
      o.put("units", units);
      List<BigDecimal> aligned = new ArrayList<>();
      hours.forEach(h -> aligned.add(values.get(h)));
      values(o.putArray("values"), aligned);
    });
    respond(ctx, body);
  }

  private static void values(ArrayNode array, List<BigDecimal> values) {
    values.forEach(v -> {
      if (v == null) {
        array.addNull();
      } else {
        array.add(v);
      }
    });
  }

  private static void respond(Context ctx, ObjectNode body) {
    try {
      byte[] bytes = Json.MAPPER.writer().with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsBytes(body);
      DashboardPage.secure(ctx, null);
      Json.written(ctx, bytes);
      ctx.status(200).contentType("application/json").result(bytes);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<LocalDate> day(String raw, String name) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(raw.trim()));
    } catch (DateTimeParseException e) {
      throw InvalidInput.field(name, "Use a date as YYYY-MM-DD.");
    }
  }
}

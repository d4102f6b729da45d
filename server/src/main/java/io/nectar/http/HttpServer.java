package io.nectar.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nectar.errors.DomainException;
import io.nectar.keys.KeyService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Javalin server: request ids, body limits, a strict check of every query string, JSON errors
 * for every failure path (unknown routes, wrong methods with their {@code Allow}, oversized bodies,
 * unexpected exceptions), no method overrides, access log and request metrics. Features add their
 * routes through an {@link Api} (authenticated, versioned) or as plain public routes.
 */
public final class HttpServer {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  private static final Logger access = LoggerFactory.getLogger("access");
  private static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private final Javalin javalin;
  private final List<Api.Route> apiRoutes;
  private final Idempotency idempotency;

  /** Builds the server; nothing listens until {@link #start(int)}. */
  public HttpServer(Settings settings, Jdbi jdbi, KeyService keys, Clock clock, MeterRegistry meters,
      byte[] replyKey, Consumer<Api> apiRoutes, Consumer<RoutesConfig> publicRoutes) {
    this(settings, jdbi, keys, clock, meters, replyKey, apiRoutes, publicRoutes, new ErrorPages());
  }

  /** As above, with error answers as pages under the prefixes {@code errorPages} names (the dashboard). */
  public HttpServer(Settings settings, Jdbi jdbi, KeyService keys, Clock clock, MeterRegistry meters,
      byte[] replyKey, Consumer<Api> apiRoutes, Consumer<RoutesConfig> publicRoutes, ErrorPages errorPages) {
    this.idempotency = new Idempotency(jdbi, clock, settings.maxBodyBytes(), replyKey);
    RateLimiter limiter = new RateLimiter(settings.maxConcurrentPerKey(), settings.maxPerSecondPerKey(), clock);
    AllowedMethods allowed = new AllowedMethods();
    List<Api.Route>[] registered = new List[1];
    this.javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.prefer405over404 = true;
      config.http.maxRequestSize = settings.maxBodyBytes();
      config.router.ignoreTrailingSlashes = true;
      config.staticFiles.enableWebjars();
      config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new MethodOverrides()));
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(10_000);
        // Requests Jetty refuses before routing (an encoded NUL in the path, a bad header) get JSON too.
        server.setErrorHandler(new JsonErrorHandler());
      });
      config.requestLogger.http((ctx, ms) -> logRequest(ctx, ms, meters));

      RoutesConfig routes = config.routes;
      // Before routing the largest limit of any route applies; each route then applies its own.
      long[] bodyCeiling = {settings.maxBodyBytes()};
      routes.before(ctx -> beginRequest(ctx, bodyCeiling[0], allowed));
      routes.exception(ApiError.class, (e, ctx) -> renderError(ctx, e, errorPages));
      routes.exception(DomainException.class, (e, ctx) -> renderError(ctx, ApiError.of(e), errorPages));
      routes.exception(HttpResponseException.class, (e, ctx) ->
          renderError(ctx, translate(ctx, e, settings, allowed), errorPages));
      routes.exception(Exception.class, (e, ctx) -> {
        log.error("Unexpected error on {} {}", ctx.method(), loggedPath(ctx), e);
        renderError(ctx, new ApiError(500, "Internal server error. Quote the request id "
            + ctx.res().getHeader(REQUEST_ID) + " when reporting it."), errorPages);
      });
      for (int status : new int[] {400, 404, 405, 413, 415, 500, 503}) {
        routes.error(status, ctx -> {
          if (ctx.attribute(Json.RESPONSE_BYTES) == null) {
            renderError(ctx, status == 405 ? methodNotAllowed(ctx, allowed)
                : new ApiError(status, defaultDetail(ctx, status)), errorPages);
          }
        });
      }
      Api api = new Api(routes, keys, limiter, idempotency, settings.maxBodyBytes());
      apiRoutes.accept(api);
      bodyCeiling[0] = api.largestBodyLimit();
      publicRoutes.accept(routes);
      registered[0] = api.routes();
    });
    this.apiRoutes = registered[0];
    allowed.use(javalin.unsafe.internalRouter);
  }

  /** Limits and rates for the HTTP layer. */
  public record Settings(long maxBodyBytes, int maxConcurrentPerKey, int maxPerSecondPerKey) {}

  public HttpServer start(int port) {
    javalin.start("0.0.0.0", port);
    return this;
  }

  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
  }

  /** Every authenticated route, without version prefix: the OpenAPI test checks each is documented. */
  public List<Api.Route> apiRoutes() {
    return apiRoutes;
  }

  /** Forgets idempotent responses older than 24 hours. */
  public int purgeExpiredIdempotencyKeys() {
    return idempotency.purgeExpired();
  }

  private static void renderError(Context ctx, ApiError error, ErrorPages pages) {
    if (!pages.render(ctx, error)) {
      renderError(ctx, error);
    }
  }

  static void renderError(Context ctx, ApiError error) {
    error.headers().forEach(ctx::header);
    Json.respond(ctx, error.status(), Json.error(error));
  }

  private static void beginRequest(Context ctx, long maxBodyBytes, AllowedMethods allowed) {
    String incoming = ctx.header(REQUEST_ID);
    String requestId = incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches()
        ? incoming : UUID.randomUUID().toString();
    ctx.header(REQUEST_ID, requestId);
    MDC.put("requestId", requestId);
    if (ctx.method() == io.javalin.http.HandlerType.HEAD && refusesHead(ctx.path())) {
      throw methodNotAllowed(ctx, allowed);
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw RequestBody.tooLarge(maxBodyBytes);
    }
    QueryParameters.check(ctx.queryString());
  }

  /** Javalin would answer HEAD for any GET route without running it, authentication included. */
  static boolean refusesHead(String path) {
    return path.startsWith("/v2") || path.startsWith("/audit/")
        || (path.startsWith("/dashboard") && !path.startsWith("/dashboard/assets/"));
  }

  private static ApiError methodNotAllowed(Context ctx, AllowedMethods allowed) {
    return new ApiError(405, defaultDetail(ctx, 405), null, Map.of("Allow", allowed.of(ctx.path())));
  }

  private static ApiError translate(Context ctx, HttpResponseException e, Settings settings, AllowedMethods allowed) {
    int status = e.getStatus();
    if (status == 413) {
      return RequestBody.tooLarge(settings.maxBodyBytes());
    }
    if (status == 405) {
      return methodNotAllowed(ctx, allowed);
    }
    String detail = switch (status) {
      case 404 -> defaultDetail(ctx, status);
      default -> e.getMessage() == null || e.getMessage().isBlank() ? "Request failed." : e.getMessage();
    };
    return new ApiError(status, detail);
  }

  private static String defaultDetail(Context ctx, int status) {
    return switch (status) {
      case 404 -> "Not found.";
      case 405 -> "Method \"" + ctx.method() + "\" not allowed.";
      case 413 -> "Request body is too large.";
      case 415 -> "Unsupported media type.";
      case 503 -> "Service unavailable.";
      case 500 -> "Internal server error.";
      default -> "Bad request.";
    };
  }

  private static void logRequest(Context ctx, Float ms, MeterRegistry meters) {
    String route = routeTemplate(ctx);
    int status = ctx.statusCode();
    if (meters != null) {
      Timer.builder("http.server.requests")
          .description("HTTP requests by route and status")
          .tag("method", ctx.method().name())
          .tag("route", route)
          .tag("status", Integer.toString(status))
          .publishPercentileHistogram(false)
          .register(meters)
          .record((long) (ms * 1_000_000L), TimeUnit.NANOSECONDS);
    }
    access.info("{} {} {} {}ms", ctx.method(), loggedPath(ctx), status, String.format(Locale.ROOT, "%.1f", ms));
    MDC.remove("requestId");
  }

  /**
   * The path as logs may show it. Under {@code /p/} the path itself is the credential (an invitation
   * token, a visit token, a magic-link secret), so logs get the route's pattern instead.
   */
  static String loggedPath(Context ctx) {
    String path = ctx.path();
    if (path.startsWith("/dashboard/welcome/")) {
      // A dashboard one-time link: the path is its token.
      return "/dashboard/welcome/…";
    }
    if (!path.startsWith("/p/") || path.startsWith("/p/assets/")) {
      return path;
    }
    String route = routeTemplate(ctx);
    return route.equals("unmatched") ? "/p/…" : route;
  }

  /** The matched route pattern (bounded cardinality for metrics), or "unmatched". */
  private static String routeTemplate(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
      return endpoint == null ? "unmatched" : endpoint.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }
}

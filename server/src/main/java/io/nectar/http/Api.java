package io.nectar.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.nectar.errors.NotFound;
import io.nectar.keys.Caller;
import io.nectar.keys.KeyService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Registers an authenticated API route under each version prefix ({@code /v2}, {@code /v2.1},
 * {@code /v2.2}) and runs every request through the same steps: version from the prefix, caller
 * from {@code X-API-Key}, the per-key limits, and {@code Idempotency-Key} on POST.
 */
public final class Api {
  public static final String KEY_HEADER = "X-API-Key";
  private static final String VERSION = "nectar.version";
  private static final String CALLER = "nectar.caller";
  private static final String MAX_BODY = "nectar.maxBody";
  static final String FILE_BODY = "nectar.fileBody";
  private static final java.util.regex.Pattern CANONICAL_UUID = java.util.regex.Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A route as written without its version prefix, e.g. {@code GET /company/{id}}. */
  public record Route(String method, String path) {}

  private final RoutesConfig routes;
  private final KeyService keys;
  private final RateLimiter limiter;
  private final Idempotency idempotency;
  private final long maxBodyBytes;
  private final List<Route> registered = new ArrayList<>();
  private long largestBodyLimit;

  Api(RoutesConfig routes, KeyService keys, RateLimiter limiter, Idempotency idempotency, long maxBodyBytes) {
    this.routes = routes;
    this.keys = keys;
    this.limiter = limiter;
    this.idempotency = idempotency;
    this.maxBodyBytes = maxBodyBytes;
    this.largestBodyLimit = maxBodyBytes;
  }

  public Api get(String path, Handler handler) {
    return add(HandlerType.GET, path, handler);
  }

  public Api post(String path, Handler handler) {
    return add(HandlerType.POST, path, handler);
  }

  public Api patch(String path, Handler handler) {
    return add(HandlerType.PATCH, path, handler);
  }

  public Api delete(String path, Handler handler) {
    return add(HandlerType.DELETE, path, handler);
  }

  /**
   * A POST whose body is a {@code multipart/form-data} form with files ({@link #files}), up to
   * {@code maxBodyBytes} rather than the server's limit for every other body: a bill may be 25 MB.
   */
  public Api upload(String path, long maxBodyBytes, Handler handler) {
    largestBodyLimit = Math.max(largestBodyLimit, maxBodyBytes);
    return add(HandlerType.POST, path, maxBodyBytes, BodyKind.FILES, handler);
  }

  /** The largest body any route takes: what the server lets in before it knows the route. */
  long largestBodyLimit() {
    return largestBodyLimit;
  }

  List<Route> routes() {
    return List.copyOf(registered);
  }

  /** How a route reads its body. */
  private enum BodyKind {
    /** Named fields as JSON, form-urlencoded or multipart without files ({@link #fields}). */
    FIELDS,
    /** A multipart form with files ({@link #files}). */
    FILES
  }

  private Api add(HandlerType method, String path, Handler handler) {
    return add(method, path, maxBodyBytes, BodyKind.FIELDS, handler);
  }

  private Api add(HandlerType method, String path, long bodyLimit, BodyKind kind, Handler handler) {
    registered.add(new Route(method.name(), path));
    for (ApiVersion version : ApiVersion.values()) {
      routes.addHttpHandler(method, version.prefix() + path,
          ctx -> handle(ctx, version, method, bodyLimit, kind, handler));
    }
    return this;
  }

  private void handle(Context ctx, ApiVersion version, HandlerType method, long bodyLimit, BodyKind kind,
      Handler handler) throws Exception {
    ctx.attribute(VERSION, version);
    ctx.attribute(MAX_BODY, bodyLimit);
    if (kind == BodyKind.FILES) {
      ctx.attribute(FILE_BODY, Boolean.TRUE);
    }
    if (ctx.req().getContentLengthLong() > bodyLimit) {
      throw RequestBody.tooLarge(bodyLimit);
    }
    Caller caller = authenticate(ctx.header(KEY_HEADER));
    ctx.attribute(CALLER, caller);
    try (RateLimiter.Permit permit = limiter.acquire(caller.keyId())) {
      String idempotencyKey = ctx.header(Idempotency.HEADER);
      if (method == HandlerType.POST && idempotencyKey != null) {
        idempotency.handle(ctx, caller, idempotencyKey.trim(), handler);
      } else {
        handler.handle(ctx);
      }
    }
  }

  private Caller authenticate(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new ApiError(401, "Authentication credentials were not provided.");
    }
    return keys.authenticate(secret.trim()).orElseThrow(() -> new ApiError(401, "Invalid API key."));
  }

  public static Caller caller(Context ctx) {
    return ctx.attribute(CALLER);
  }

  public static ApiVersion version(Context ctx) {
    return ctx.attribute(VERSION);
  }

  /** The multipart form of an {@link #upload} route, with its files. */
  public static FileForm files(Context ctx) {
    Long max = ctx.attribute(MAX_BODY);
    return FileForm.of(ctx, max);
  }

  /** The body of the request, ready to read field by field. */
  public static Fields fields(Context ctx) {
    Long max = ctx.attribute(MAX_BODY);
    return new Fields(RequestBody.of(ctx, max));
  }

  /**
   * The UUID in path parameter {@code name}. A malformed id names no object, so it is a 404
   * (CONTRACT §3) with the same message as a missing one.
   */
  public static UUID id(Context ctx, String name, String what) {
    return uuid(ctx.pathParam(name)).orElseThrow(() -> new NotFound(what));
  }

  /**
   * A UUID in its canonical spelling only: {@code UUID.fromString} also takes "+1a2…" or misplaced
   * dashes, which must not name an object.
   */
  public static java.util.Optional<UUID> uuid(String raw) {
    return raw != null && CANONICAL_UUID.matcher(raw).matches()
        ? java.util.Optional.of(UUID.fromString(raw)) : java.util.Optional.empty();
  }
}

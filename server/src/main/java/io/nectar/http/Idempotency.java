package io.nectar.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.nectar.errors.DomainException;
import io.nectar.keys.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code Idempotency-Key} header on POST (CONTRACT §11): the same key with the same request
 * within 24 hours replays the first response instead of acting twice; the same key with another
 * request is a 409. Server errors are not remembered, so a retry after a 5xx runs again.
 */
final class Idempotency {
  static final String HEADER = "Idempotency-Key";
  private static final Duration RETENTION = Duration.ofHours(24);
  private static final Duration ABANDONED = Duration.ofMinutes(2);

  private final IdempotencyStore store;
  private final SealedReplies replies;
  private final Clock clock;
  private final long maxBodyBytes;

  Idempotency(Jdbi jdbi, Clock clock, long maxBodyBytes, byte[] replyKey) {
    this.store = new IdempotencyStore(jdbi);
    this.replies = new SealedReplies(replyKey);
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  void handle(Context ctx, Caller caller, String key, Handler handler) throws Exception {
    if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      throw ApiError.badRequest("Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.");
    }
    String requestHash = requestHash(ctx);
    Instant now = clock.instant();
    if (!store.reserve(caller, key, requestHash, now, now.minus(RETENTION), now.minus(ABANDONED))) {
      replay(ctx, caller, key, requestHash);
      return;
    }
    try {
      try {
        handler.handle(ctx);
      } catch (ApiError error) {
        if (error.status() >= 500) {
          throw error;
        }
        HttpServer.renderError(ctx, error);
      } catch (DomainException refused) {
        HttpServer.renderError(ctx, ApiError.of(refused));
      }
    } catch (Exception | Error e) {
      store.release(caller, key);
      throw e;
    }
    byte[] body = ctx.attribute(Json.RESPONSE_BYTES);
    if (ctx.statusCode() >= 500 || body == null) {
      store.release(caller, key);
    } else {
      store.complete(caller, key, ctx.statusCode(), replies.seal(body, boundTo(caller, key)));
    }
  }

  private void replay(Context ctx, Caller caller, String key, String requestHash) {
    Optional<IdempotencyStore.Stored> stored = store.find(caller, key);
    if (stored.isEmpty() || stored.get().statusCode() == null) {
      throw new ApiError(409, "A request with this Idempotency-Key is still being processed; retry later.");
    }
    if (!stored.get().requestHash().equals(requestHash)) {
      throw new ApiError(409, "This Idempotency-Key was already used with a different request.");
    }
    // A reply that cannot be opened (kept under another server secret, or altered) is never sent as if it were.
    byte[] body = replies.open(stored.get().body(), boundTo(caller, key)).orElseThrow(() -> new ApiError(409,
        "The response remembered for this Idempotency-Key can no longer be read; use a new key."));
    ctx.header("Idempotent-Replayed", "true");
    ctx.attribute(Json.RESPONSE_BYTES, body);
    ctx.status(stored.get().statusCode()).result(body);
    if (body.length > 0) {
      ctx.contentType("application/json");
    }
  }

  /** Method, path and the parsed body: equal requests hash equally whatever their encoding. */
  private String requestHash(Context ctx) throws NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update((ctx.method() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
    if (Boolean.TRUE.equals(ctx.attribute(Api.FILE_BODY))) {
      // A file form: its fields and each file's name and bytes, whatever boundary the client chose.
      FileForm form = Api.files(ctx);
      digest.update(new java.util.TreeMap<>(form.fields()).toString().getBytes(StandardCharsets.UTF_8));
      new java.util.TreeMap<>(form.files()).forEach((name, parts) -> parts.forEach(part -> {
        digest.update(("\n" + name + "=" + part.fileName() + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(part.bytes());
      }));
    } else {
      RequestBody body = RequestBody.of(ctx, maxBodyBytes);
      digest.update(body.fields().toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String boundTo(Caller caller, String key) {
    return caller.organizationId() + "|" + caller.environment() + "|" + key;
  }

  /** Drops remembered responses past their 24 hours; called periodically. */
  int purgeExpired() {
    return store.deleteOlderThan(clock.instant().minus(RETENTION));
  }
}

package io.nectar.webhooks;

import io.nectar.config.CredentialCipher;
import io.nectar.errors.Forbidden;
import io.nectar.errors.NotFound;
import io.nectar.http.Json;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import io.nectar.storage.SignedLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Webhook endpoints of a tenant (CONTRACT §9): create, change, rotate the secret, test, recover and
 * replay, and the portal link. Every id is resolved together with the tenant: another tenant's
 * endpoint is a 403, a missing one a 404.
 */
public final class WebhookService {
  /** How long the link of {@code GET /webhook} stays valid (nectar-api.md §13.1). */
  public static final Duration PORTAL_LINK_VALIDITY = Duration.ofDays(7);
  /** How long messages and their attempt log are kept, for replay and recovery. */
  public static final Duration RETENTION = Duration.ofDays(90);
  /** How long the previous secret keeps signing after a rotation. */
  static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

  /** An endpoint with its secret, shown on creation and rotation only. */
  record EndpointWithSecret(WebhookEndpoint endpoint, String secret) {}

  record AttemptPage(List<WebhookStore.Attempt> attempts, PageWindow window) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final Outbox outbox;
  private final CredentialCipher cipher;
  private final SignedLinks links;
  private final String baseUrl;
  private final WebhookStore store = new WebhookStore();

  public WebhookService(Jdbi jdbi, Clock clock, Supplier<UUID> ids, Outbox outbox, CredentialCipher cipher,
      SignedLinks links, String baseUrl) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ids = ids;
    this.outbox = outbox;
    this.cipher = cipher;
    this.links = links;
    this.baseUrl = baseUrl;
  }

  /** The portal page of {@code tenant}, as a link valid for seven days. */
  public String portalLink(Tenant tenant) {
    return links.pageLink(baseUrl, portalPath(tenant), PORTAL_LINK_VALIDITY);
  }

  public static String portalPath(Tenant tenant) {
    return "/webhooks/portal/" + tenant.organizationId() + "/" + tenant.environment().name();
  }

  EndpointWithSecret create(Tenant tenant, EndpointInput input) {
    Instant now = now();
    WebhookEndpoint endpoint = new WebhookEndpoint(ids.get(), tenant, input.url(), input.description(),
        input.eventTypes() == null ? List.of() : input.eventTypes(), false, null, now, now);
    String secret = WebhookSigner.newSecret();
    jdbi.useTransaction(h -> store.insert(h, endpoint, cipher.encrypt(secret, endpoint.id())));
    return new EndpointWithSecret(endpoint, secret);
  }

  public List<WebhookEndpoint> list(Tenant tenant) {
    return jdbi.withHandle(h -> store.list(h, tenant));
  }

  WebhookEndpoint get(Tenant tenant, UUID id) {
    return jdbi.inTransaction(h -> requireOwned(h, tenant, id, WebhookStore.RowLock.NONE));
  }

  /** Changes the given fields; the body is read only once the endpoint is known to be the tenant's. */
  WebhookEndpoint update(Tenant tenant, UUID id, Supplier<EndpointInput> body) {
    return Transactions.inTransaction(jdbi, h -> {
      WebhookEndpoint old = requireOwned(h, tenant, id, WebhookStore.RowLock.NO_KEY_UPDATE);
      EndpointInput input = body.get();
      WebhookEndpoint updated = old.with(
          input.given("url") ? input.url() : old.url(),
          input.given("description") ? input.description() : old.description(),
          input.given("eventTypes") ? input.eventTypes() : old.eventTypes(),
          input.given("isDisabled") ? input.isDisabled() : old.isDisabled(),
          now());
      store.update(h, updated);
      if (old.isDisabled() && !updated.isDisabled()) {
        Outbox.notifyWorkers(h); // what waited while it was disabled goes out now
      }
      return updated;
    });
  }

  void delete(Tenant tenant, UUID id) {
    Transactions.inTransaction(jdbi, h -> {
      requireOwned(h, tenant, id, WebhookStore.RowLock.UPDATE);
      store.delete(h, id);
      return null;
    });
  }

  /** A new secret; the previous one keeps signing next to it for {@link #ROTATION_OVERLAP}. */
  EndpointWithSecret rotateSecret(Tenant tenant, UUID id, Runnable emptyBody) {
    return Transactions.inTransaction(jdbi, h -> {
      WebhookEndpoint endpoint = requireOwned(h, tenant, id, WebhookStore.RowLock.NO_KEY_UPDATE);
      emptyBody.run();
      Instant now = now();
      String secret = WebhookSigner.newSecret();
      byte[] previous = store.secrets(h, id).current();
      store.rotate(h, id, cipher.encrypt(secret, id), previous, now.plus(ROTATION_OVERLAP), now);
      return new EndpointWithSecret(endpoint.with(endpoint.url(), endpoint.description(), endpoint.eventTypes(),
          endpoint.isDisabled(), now), secret);
    });
  }

  /** Sends a {@code webhook.test} event to this endpoint; returns the message id. */
  UUID sendTest(Tenant tenant, UUID id, Runnable emptyBody) {
    return jdbi.inTransaction(h -> {
      WebhookEndpoint endpoint = requireOwned(h, tenant, id, WebhookStore.RowLock.NONE);
      emptyBody.run();
      var body = Json.object().put("id", endpoint.id().toString()).put("created", Json.timestamp(now()))
          .put("message", "A test event from your Nectar server.");
      return outbox.publishTo(h, tenant, id, WebhookEventType.TEST, body);
    });
  }

  /** Re-sends every message since {@code since} that the endpoint subscribes to; returns how many. */
  int recover(Tenant tenant, UUID id, Supplier<Instant> since) {
    return Transactions.inTransaction(jdbi, h -> {
      WebhookEndpoint endpoint = requireOwned(h, tenant, id, WebhookStore.RowLock.NO_KEY_UPDATE);
      int queued = store.recover(h, endpoint, since.get(), now());
      Outbox.notifyWorkers(h);
      return queued;
    });
  }

  /** Sends the message again, under the same {@code webhook-id}, to each endpoint it went to. */
  int replay(Tenant tenant, UUID messageId, Runnable emptyBody) {
    return Transactions.inTransaction(jdbi, h -> {
      store.findMessage(h, tenant, messageId).orElseThrow(() -> new NotFound("Message"));
      emptyBody.run();
      store.lockEndpointsOf(h, messageId);
      int queued = store.replay(h, messageId, now());
      Outbox.notifyWorkers(h);
      return queued;
    });
  }

  AttemptPage attempts(Tenant tenant, UUID id, PageRequest page) {
    return jdbi.inTransaction(h -> {
      requireOwned(h, tenant, id, WebhookStore.RowLock.NONE);
      PageWindow window = page.window(store.countAttempts(h, id));
      return new AttemptPage(store.attempts(h, id, window.offset(), window.limit()), window);
    });
  }

  /**
   * Forgets messages (with their deliveries and attempts) older than {@code age}, as Svix keeps
   * them for 90 days; returns how many went.
   */
  public int purgeOlderThan(Duration age) {
    // Outside the lock order (it cascades to deliveries of many endpoints): a deadlock is retried.
    return Transactions.inTransaction(jdbi, h -> h.createUpdate(
        "delete from webhook_message where created_at < :before").bind("before", now().minus(age)).execute());
  }

  private WebhookEndpoint requireOwned(Handle h, Tenant tenant, UUID id, WebhookStore.RowLock lock) {
    WebhookEndpoint endpoint = store.find(h, id, lock).orElseThrow(() -> new NotFound("Webhook endpoint"));
    if (!endpoint.tenant().equals(tenant)) {
      throw new Forbidden();
    }
    return endpoint;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

package io.nectar.webhooks;

import io.nectar.config.CredentialCipher;
import io.nectar.db.Rows;
import io.nectar.keys.Environment;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for webhook endpoints, their secrets, messages, deliveries and the attempt log.
 *
 * <p>The lock order: a transaction that writes an endpoint's deliveries (or the endpoint itself)
 * first locks the endpoint's row, and locks several endpoints in id order. The delivery worker
 * records attempts in batches over many deliveries while recover, replay, re-enable, rotation and
 * deletion change the same rows; locking the parent rows first, in one order, means two of them can
 * never each hold a row the other waits for (PostgreSQL would abort one with "deadlock detected").
 * New deliveries and attempts are inserted without it: their foreign-key checks take only a key-share
 * lock, which the {@code for no key update} lock taken here lets through.
 */
final class WebhookStore {
  private static final String ENDPOINT_COLUMNS =
      "id, organization_id, environment, url, description, event_types, is_disabled, failing_since, created_at, "
          + "updated_at";

  /** How a read locks the endpoint's row for the rest of the transaction. */
  enum RowLock {
    NONE(""),
    /** Before changing the endpoint's columns or writing its deliveries. */
    NO_KEY_UPDATE(" for no key update"),
    /** Before deleting the endpoint. */
    UPDATE(" for update");

    private final String clause;

    RowLock(String clause) {
      this.clause = clause;
    }
  }

  /** An endpoint's signing secrets, sealed; the previous one only until it expires. */
  record SealedSecrets(byte[] current, byte[] previous, Instant previousExpires) {
    /** The secrets that sign now: the current one, and the previous one during a rotation. */
    List<String> open(CredentialCipher cipher, UUID endpointId, Instant now) {
      String secret = cipher.decrypt(current, endpointId);
      return previous != null && previousExpires.isAfter(now)
          ? List.of(secret, cipher.decrypt(previous, endpointId)) : List.of(secret);
    }
  }

  /** One logged delivery attempt. */
  record Attempt(UUID id, UUID messageId, UUID endpointId, String eventType, Instant attemptedAt, Integer statusCode,
      int durationMillis, String responseExcerpt, String error, boolean succeeded) {}

  void insert(Handle h, WebhookEndpoint e, byte[] sealedSecret) {
    h.createUpdate("insert into webhook_endpoint (" + ENDPOINT_COLUMNS + ", secret_sealed) values (:id, :org, :env, "
            + ":url, :description, :types, :disabled, :failing, :created, :updated, :secret)")
        .bind("id", e.id()).bind("org", e.tenant().organizationId()).bind("env", e.tenant().environment().name())
        .bind("url", e.url()).bind("description", e.description())
        .bind("types", e.eventTypes().toArray(String[]::new)).bind("disabled", e.isDisabled())
        .bind("failing", e.failingSince()).bind("created", e.created()).bind("updated", e.updated())
        .bind("secret", sealedSecret)
        .execute();
  }

  Optional<WebhookEndpoint> find(Handle h, UUID id, RowLock lock) {
    return h.createQuery("select " + ENDPOINT_COLUMNS + " from webhook_endpoint where id = :id" + lock.clause)
        .bind("id", id).map(WebhookStore::endpoint).findOne();
  }

  /** Locks the endpoints' rows in id order (the lock order above); endpoints that are gone are skipped. */
  void lockEndpoints(Handle h, Collection<UUID> ids) {
    h.createQuery("select id from webhook_endpoint where id = any(:ids) order by id" + RowLock.NO_KEY_UPDATE.clause)
        .bindArray("ids", UUID.class, ids).mapTo(UUID.class).list();
  }

  /** Locks, in id order, the endpoints that {@code messageId} was delivered to. */
  void lockEndpointsOf(Handle h, UUID messageId) {
    h.createQuery("select id from webhook_endpoint where id in (select endpoint_id from webhook_delivery "
            + "where message_id = :id) order by id" + RowLock.NO_KEY_UPDATE.clause)
        .bind("id", messageId).mapTo(UUID.class).list();
  }

  List<WebhookEndpoint> list(Handle h, Tenant tenant) {
    return h.createQuery("select " + ENDPOINT_COLUMNS + " from webhook_endpoint "
            + "where organization_id = :org and environment = :env order by created_at, id")
        .bind("org", tenant.organizationId()).bind("env", tenant.environment().name())
        .map(WebhookStore::endpoint).list();
  }

  void update(Handle h, WebhookEndpoint e) {
    h.createUpdate("update webhook_endpoint set url = :url, description = :description, event_types = :types, "
            + "is_disabled = :disabled, failing_since = :failing, updated_at = :updated where id = :id")
        .bind("id", e.id()).bind("url", e.url()).bind("description", e.description())
        .bind("types", e.eventTypes().toArray(String[]::new)).bind("disabled", e.isDisabled())
        .bind("failing", e.failingSince()).bind("updated", e.updated())
        .execute();
  }

  void delete(Handle h, UUID id) {
    h.createUpdate("delete from webhook_endpoint where id = :id").bind("id", id).execute();
  }

  SealedSecrets secrets(Handle h, UUID id) {
    return h.createQuery("select secret_sealed, previous_secret_sealed, previous_secret_expires "
            + "from webhook_endpoint where id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new SealedSecrets(rs.getBytes(1), rs.getBytes(2), Rows.instant(rs.getTimestamp(3))))
        .one();
  }

  void rotate(Handle h, UUID id, byte[] newSecret, byte[] previousSecret, Instant previousExpires, Instant now) {
    h.createUpdate("update webhook_endpoint set secret_sealed = :secret, previous_secret_sealed = :previous, "
            + "previous_secret_expires = :expires, updated_at = :now where id = :id")
        .bind("id", id).bind("secret", newSecret).bind("previous", previousSecret).bind("expires", previousExpires)
        .bind("now", now).execute();
  }

  /** The message, if it belongs to {@code tenant}. */
  Optional<UUID> findMessage(Handle h, Tenant tenant, UUID messageId) {
    return h.createQuery(
            "select id from webhook_message where id = :id and organization_id = :org and environment = :env")
        .bind("id", messageId).bind("org", tenant.organizationId()).bind("env", tenant.environment().name())
        .mapTo(UUID.class).findOne();
  }

  /**
   * Puts the message's deliveries back on a fresh schedule, due now; returns how many. Lock the
   * endpoints first ({@link #lockEndpointsOf}).
   */
  int replay(Handle h, UUID messageId, Instant now) {
    return h.createUpdate("update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now, "
            + "locked_until = null where message_id = :id")
        .bind("id", messageId).bind("now", now).execute();
  }

  /**
   * Queues every message of the endpoint's tenant since {@code since} that the endpoint subscribes
   * to, including messages from before the endpoint existed or while it was disabled; returns how many.
   * An endpoint that names no type gets the current types only, never the legacy ones, as at publication.
   * Lock the endpoint first.
   */
  int recover(Handle h, WebhookEndpoint e, Instant since, Instant now) {
    return h.createUpdate("""
            insert into webhook_delivery (message_id, endpoint_id, status, attempts, next_attempt_at, created_at)
            select m.id, :endpoint, 'PENDING', 0, :now, :now from webhook_message m
            where m.organization_id = :org and m.environment = :env and m.created_at >= :since
              and m.event_type <> 'webhook.test'
              and ((cardinality(:types) = 0 and m.event_type <> all(:namedOnly)) or m.event_type = any(:types))
            on conflict (message_id, endpoint_id) do update
              set status = 'PENDING', attempts = 0, next_attempt_at = :now, locked_until = null""")
        .bind("endpoint", e.id()).bind("org", e.tenant().organizationId())
        .bind("env", e.tenant().environment().name()).bind("since", since).bind("now", now)
        .bind("types", e.eventTypes().toArray(String[]::new))
        .bind("namedOnly", WebhookEventType.namedOnly().toArray(String[]::new))
        .execute();
  }

  long countAttempts(Handle h, UUID endpointId) {
    return h.createQuery("select count(*) from webhook_attempt where endpoint_id = :id")
        .bind("id", endpointId).mapTo(Long.class).one();
  }

  /** Newest first. */
  List<Attempt> attempts(Handle h, UUID endpointId, long offset, int limit) {
    return h.createQuery("select a.id, a.message_id, a.endpoint_id, m.event_type, a.attempted_at, a.status_code, "
            + "a.duration_ms, a.response_excerpt, a.error, a.succeeded from webhook_attempt a "
            + "join webhook_message m on m.id = a.message_id where a.endpoint_id = :id "
            + "order by a.attempted_at desc, a.id desc offset :offset limit :limit")
        .bind("id", endpointId).bind("offset", offset).bind("limit", limit)
        .map((rs, ctx) -> new Attempt(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), rs.getString(4), Rows.instant(rs.getTimestamp(5)), (Integer) rs.getObject(6),
            rs.getInt(7),
            rs.getString(8), rs.getString(9), rs.getBoolean(10)))
        .list();
  }

  private static WebhookEndpoint endpoint(ResultSet rs, StatementContext ctx) throws SQLException {
    Array types = rs.getArray("event_types");
    return new WebhookEndpoint(rs.getObject("id", UUID.class),
        new Tenant(rs.getObject("organization_id", UUID.class), Environment.valueOf(rs.getString("environment"))),
        rs.getString("url"), rs.getString("description"), Arrays.asList((String[]) types.getArray()),
        rs.getBoolean("is_disabled"), Rows.instant(rs.getTimestamp("failing_since")),
        Rows.instant(rs.getTimestamp("created_at")), Rows.instant(rs.getTimestamp("updated_at")));
  }
}

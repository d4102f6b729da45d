package io.nectar.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Records events in the transaction of the change they announce (DESIGN: one transaction for a
 * change and its event). A message and its deliveries to every subscribed endpoint are rows, so a
 * rolled-back change sends nothing and a committed one is delivered even if the process dies the
 * next instant. {@code NOTIFY} is transactional too: delivery workers in every process wake at
 * commit, not before.
 */
public final class Outbox {
  static final String CHANNEL = "webhook_outbox";
  /** An API timestamp ({@code 2025-10-14T09:37:30.788Z}). */
  private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

  private final Clock clock;
  private final Supplier<UUID> ids;

  public Outbox(Clock clock, Supplier<UUID> ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Records {@code type} with {@code body} (the object as the v2.2 serializer renders it) for the
   * tenant of {@code companyId}, and a pending delivery to each endpoint subscribed to it (for a
   * {@link WebhookEventType.Audience#NAMED_ONLY} type: each endpoint that names it).
   */
  public UUID publish(Handle h, UUID companyId, WebhookEventType type, ObjectNode body) {
    UUID id = ids.get();
    Instant now = now();
    int deliveries = h.createUpdate("""
            with message as (
              insert into webhook_message (id, organization_id, environment, event_type, payload, created_at)
              select :id, c.organization_id, c.environment, :type, :payload, :now from company c where c.id = :company
              returning id, organization_id, environment)
            insert into webhook_delivery (message_id, endpoint_id, status, attempts, next_attempt_at, created_at)
            select m.id, e.id, 'PENDING', 0, :now, :now
            from message m join webhook_endpoint e
              on e.organization_id = m.organization_id and e.environment = m.environment
            where (:toAll and cardinality(e.event_types) = 0) or :type = any(e.event_types)""")
        .bind("id", id).bind("type", type.wireName()).bind("payload", payload(type, body)).bind("now", now)
        .bind("company", companyId).bind("toAll", type.audience() == WebhookEventType.Audience.DEFAULT)
        .execute();
    if (deliveries > 0) {
      h.execute("notify " + CHANNEL);
    }
    return id;
  }

  /**
   * Records a {@link WebhookEventType.Audience#NAMED_ONLY} type (a legacy event) only if an endpoint
   * of the tenant of {@code companyId} names it; otherwise writes nothing and does not even build
   * the body. Checking first is as safe as the delivery rows themselves: an endpoint that names the
   * type before this statement runs gets the message, one that names it later would not have got
   * a delivery row anyway (the {@code .v2} twin behaves the same). What is never written cannot be
   * recovered later ({@code POST /webhook/endpoint/{id}/recover}): a legacy event of a time when no
   * endpoint named its type is gone, which is the price of not doubling the outbox for tenants
   * that never use the legacy types. The check is one index probe on the tenant's few endpoints.
   */
  public Optional<UUID> publishIfNamed(Handle h, UUID companyId, WebhookEventType type, Supplier<ObjectNode> body) {
    boolean named = h.createQuery("""
            select exists (select 1 from company c join webhook_endpoint e
              on e.organization_id = c.organization_id and e.environment = c.environment
              where c.id = :company and :type = any(e.event_types))""")
        .bind("company", companyId).bind("type", type.wireName()).mapTo(Boolean.class).one();
    return named ? Optional.of(publish(h, companyId, type, body.get())) : Optional.empty();
  }

  /** Records a message for one endpoint only (the test event). */
  UUID publishTo(Handle h, Tenant tenant, UUID endpointId, WebhookEventType type, ObjectNode body) {
    UUID id = ids.get();
    Instant now = now();
    h.createUpdate("insert into webhook_message (id, organization_id, environment, event_type, payload, created_at) "
            + "values (:id, :org, :env, :type, :payload, :now)")
        .bind("id", id).bind("org", tenant.organizationId()).bind("env", tenant.environment().name())
        .bind("type", type.wireName()).bind("payload", payload(type, body)).bind("now", now).execute();
    h.createUpdate("insert into webhook_delivery (message_id, endpoint_id, status, attempts, next_attempt_at, "
            + "created_at) values (:id, :endpoint, 'PENDING', 0, :now, :now)")
        .bind("id", id).bind("endpoint", endpointId).bind("now", now).execute();
    h.execute("notify " + CHANNEL);
    return id;
  }

  /** Wakes the delivery workers at commit (after a replay or a recovery). */
  static void notifyWorkers(Handle h) {
    h.execute("notify " + CHANNEL);
  }

  /**
   * The body sent: the object plus {@code eventType}. Timestamps lose their {@code Z}: Nectar's
   * webhook payloads carry naive UTC timestamps (nectar-api.md §13.3), and clients parse them so.
   */
  static String payload(WebhookEventType type, ObjectNode body) {
    ObjectNode payload = (ObjectNode) naive(body);
    payload.put("eventType", type.wireName());
    return payload.toString();
  }

  private static JsonNode naive(JsonNode node) {
    return JsonTrees.copy(node, name -> true, v -> v.isTextual() && INSTANT.matcher(v.textValue()).matches()
        ? TextNode.valueOf(v.textValue().substring(0, v.textValue().length() - 1)) : v);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

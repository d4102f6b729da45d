package io.nectar.webhooks;

import io.nectar.db.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL of the delivery worker: claiming due deliveries and recording what each attempt did. Recording
 * follows the lock order of {@link WebhookStore}: the batch's endpoints first, in id order.
 */
final class DeliveryStore {
  private final WebhookStore endpoints = new WebhookStore();

  /** A delivery this worker owns until {@code lease}. */
  record Claimed(UUID messageId, UUID endpointId, int attempts, String payload, String url,
      WebhookStore.SealedSecrets secrets, Instant lease) {}

  /** What one attempt did, to be recorded. */
  record Outcome(Claimed delivery, UUID attemptId, Instant attemptedAt, DeliveryResult result) {}

  /**
   * Claims up to {@code limit} deliveries that are due, skipping rows another worker holds, so
   * several processes share the work without sending anything twice in the normal case. A claim
   * lasts until {@code lease}; a worker that dies loses it then and the delivery is claimed again.
   * It locks deliveries without their endpoints, outside the lock order, but it never waits for a
   * lock ({@code skip locked}) and is the last statement of its transaction, so nothing waits on it
   * for long and it waits on nothing.
   */
  List<Claimed> claim(Handle h, Instant now, Instant lease, int limit) {
    return h.createQuery("""
            with due as (
              select d.message_id, d.endpoint_id from webhook_delivery d
              join webhook_endpoint e on e.id = d.endpoint_id and not e.is_disabled
              where d.status = 'PENDING' and d.next_attempt_at <= :now
                and (d.locked_until is null or d.locked_until < :now)
              order by d.next_attempt_at
              limit :limit
              for update of d skip locked)
            update webhook_delivery d set locked_until = :lease
            from due, webhook_message m, webhook_endpoint e
            where d.message_id = due.message_id and d.endpoint_id = due.endpoint_id
              and m.id = d.message_id and e.id = d.endpoint_id
            returning d.message_id, d.endpoint_id, d.attempts, m.payload, e.url, e.secret_sealed,
              e.previous_secret_sealed, e.previous_secret_expires""")
        .bind("now", now).bind("lease", lease).bind("limit", limit)
        .map((rs, ctx) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
            rs.getString(4), rs.getString(5),
            new WebhookStore.SealedSecrets(rs.getBytes(6), rs.getBytes(7), Rows.instant(rs.getTimestamp(8))), lease))
        .list();
  }

  /**
   * Logs each attempt and moves its delivery on: done after a 2xx, due again after the next wait of
   * {@code schedule}, or failed when the schedule is spent. An endpoint's failures since its last
   * success are timed, and after {@code disableAfter} of them it is disabled. A delivery replayed
   * while its attempt was in flight (its lease changed) keeps the replay's schedule.
   */
  void record(Handle h, List<Outcome> outcomes, List<Duration> schedule, Duration disableAfter) {
    // An endpoint deleted (or a message purged) while its attempt was in flight leaves nothing to log.
    PreparedBatch attempts = h.prepareBatch("""
        insert into webhook_attempt (id, message_id, endpoint_id, attempted_at, status_code, duration_ms,
          response_excerpt, error, succeeded)
        select :id, :message, :endpoint, :at, :status, :duration, :excerpt, :error, :succeeded
        where exists (select 1 from webhook_endpoint where id = :endpoint)
          and exists (select 1 from webhook_message where id = :message)""");
    PreparedBatch deliveries = h.prepareBatch("update webhook_delivery set status = :status, attempts = attempts + 1, "
        + "next_attempt_at = :next, locked_until = null "
        + "where message_id = :message and endpoint_id = :endpoint and locked_until = :lease");
    // A success touches its endpoint only to end a run of failures: endpoints are few and busy, and
    // rewriting their rows on every delivery would only pile up dead row versions.
    PreparedBatch recovered = h.prepareBatch(
        "update webhook_endpoint set failing_since = null where id = :endpoint and failing_since is not null");
    PreparedBatch failing = h.prepareBatch("""
        update webhook_endpoint set failing_since = case when :reset then :at else coalesce(failing_since, :at) end,
          is_disabled = is_disabled
            or (case when :reset then :at else coalesce(failing_since, :at) end) <= :disableBefore
        where id = :endpoint""");
    java.util.Map<UUID, EndpointHealth> health = new java.util.TreeMap<>();
    for (Outcome o : outcomes) {
      DeliveryResult r = o.result();
      Claimed d = o.delivery();
      attempts.bind("id", o.attemptId()).bind("message", d.messageId()).bind("endpoint", d.endpointId())
          .bind("at", o.attemptedAt()).bind("status", r.statusCode())
          .bind("duration", (int) Math.min(Integer.MAX_VALUE, r.durationMillis()))
          .bind("excerpt", r.responseExcerpt()).bind("error", r.error()).bind("succeeded", r.succeeded())
          .add();
      int made = d.attempts() + 1;
      Instant next = r.succeeded() || made >= schedule.size() ? null : o.attemptedAt().plus(schedule.get(made));
      deliveries.bind("status", r.succeeded() ? "SUCCEEDED" : next == null ? "FAILED" : "PENDING")
          .bind("next", next).bind("message", d.messageId()).bind("endpoint", d.endpointId())
          .bind("lease", d.lease())
          .add();
      health.computeIfAbsent(d.endpointId(), id -> new EndpointHealth()).add(r.succeeded(), o.attemptedAt());
    }
    health.forEach((endpoint, e) -> {
      if (e.failingSince == null) {
        recovered.bind("endpoint", endpoint).add();
      } else {
        failing.bind("reset", e.succeededBefore).bind("at", e.failingSince)
            .bind("disableBefore", e.latest.minus(disableAfter)).bind("endpoint", endpoint).add();
      }
    });
    endpoints.lockEndpoints(h, health.keySet());
    attempts.execute();
    deliveries.execute();
    if (recovered.size() > 0) {
      recovered.execute();
    }
    if (failing.size() > 0) {
      failing.execute();
    }
  }

  /**
   * An endpoint's outcomes within one batch, in order: what counts is the latest, either a success
   * or the run of failures since the last success (which, if it is in this batch, resets the run).
   */
  private static final class EndpointHealth {
    boolean succeededBefore;
    Instant failingSince;
    Instant latest;

    void add(boolean succeeded, Instant at) {
      latest = latest == null || at.isAfter(latest) ? at : latest;
      if (succeeded) {
        succeededBefore = true;
        failingSince = null;
      } else if (failingSince == null) {
        failingSince = at;
      }
    }
  }
}

package io.nectar.http;

import io.nectar.keys.Caller;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for remembered POST responses (CONTRACT §11). */
final class IdempotencyStore {
  record Stored(String requestHash, Integer statusCode, byte[] body) {}

  private final Jdbi jdbi;

  IdempotencyStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Reserves {@code key} for a new request. A row older than {@code expiredBefore}, or still
   * unfinished since {@code abandonedBefore} (its process died mid-request), is taken over.
   * Returns false when another request holds the key.
   */
  boolean reserve(Caller caller, String key, String requestHash, Instant now, Instant expiredBefore,
      Instant abandonedBefore) {
    return jdbi.withHandle(h -> h.createUpdate("""
            insert into idempotency_key (organization_id, environment, key, request_hash, created_at)
            values (:org, :env, :key, :hash, :now)
            on conflict (organization_id, environment, key) do update
              set request_hash = excluded.request_hash, status_code = null, response_body = null,
                  created_at = excluded.created_at
              where idempotency_key.created_at < :expired
                 or (idempotency_key.status_code is null and idempotency_key.created_at < :abandoned)""")
        .bind("org", caller.organizationId()).bind("env", caller.environment().name()).bind("key", key)
        .bind("hash", requestHash).bind("now", now).bind("expired", expiredBefore)
        .bind("abandoned", abandonedBefore)
        .execute()) > 0;
  }

  Optional<Stored> find(Caller caller, String key) {
    return jdbi.withHandle(h -> h.createQuery("""
            select request_hash, status_code, response_body from idempotency_key
            where organization_id = :org and environment = :env and key = :key""")
        .bind("org", caller.organizationId()).bind("env", caller.environment().name()).bind("key", key)
        .map((rs, ctx) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getBytes(3)))
        .findOne());
  }

  void complete(Caller caller, String key, int status, byte[] body) {
    jdbi.useHandle(h -> h.createUpdate("""
            update idempotency_key set status_code = :status, response_body = :body
            where organization_id = :org and environment = :env and key = :key""")
        .bind("org", caller.organizationId()).bind("env", caller.environment().name()).bind("key", key)
        .bind("status", status).bind("body", body).execute());
  }

  void release(Caller caller, String key) {
    jdbi.useHandle(h -> h.createUpdate("""
            delete from idempotency_key where organization_id = :org and environment = :env and key = :key""")
        .bind("org", caller.organizationId()).bind("env", caller.environment().name()).bind("key", key)
        .execute());
  }

  int deleteOlderThan(Instant cutoff) {
    return jdbi.withHandle(h -> h.createUpdate("delete from idempotency_key where created_at < :cutoff")
        .bind("cutoff", cutoff).execute());
  }
}

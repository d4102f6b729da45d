package io.nectar.client;

/**
 * Whether the client adds an {@code Idempotency-Key} to every POST. The key is what makes a POST
 * safe to retry, so it also decides whether POSTs are retried at all. This server honours the
 * header; Nectar's own API may not, so a client that must never risk a duplicate create against
 * a server that ignores the key can turn the automatic keys off (then a POST is retried only when
 * {@link RequestOptions} names a key).
 */
public enum IdempotencyKeys {
  /** A fresh random UUID per call, reused across that call's retries (the default). */
  GENERATED,
  /** No automatic key: only a key given in {@link RequestOptions} is sent. */
  NONE
}

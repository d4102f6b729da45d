package io.nectar.client;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * Verifies the webhooks Nectar and this server send, which are signed the Standard Webhooks way (the
 * scheme Svix uses): headers {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} (or the same three with the {@code svix-} prefix), and a signature
 * {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">} keyed with the endpoint's
 * {@code whsec_…} secret.
 *
 * <pre>{@code
 * WebhookEvent event = Webhook.verify(body, request.headers(), secret);
 * if (event.eventType().equals("document.created.v2")) { ... }
 * }</pre>
 *
 * <p>The static methods accept a timestamp within {@link WebhookVerifier#DEFAULT_TOLERANCE} of the
 * system clock and one secret. For another tolerance, a test clock, or several secrets while one is
 * being rotated, build a {@link WebhookVerifier} once with {@link #verifier(String...)} and reuse it.
 *
 * <p>Verify the body exactly as received, before any parsing: a body re-serialized from parsed JSON
 * differs in spacing or key order and its signature no longer matches.
 */
public final class Webhook {
  private Webhook() {}

  /**
   * Verifies one webhook with one secret against the system clock.
   *
   * @param payload the request body exactly as received
   * @param headers the request headers; names are matched ignoring case (a
   *     {@code com.sun.net.httpserver.Headers} is such a map)
   * @param secret the endpoint's secret, with or without its {@code whsec_} prefix
   * @return the verified event
   * @throws WebhookVerificationException if the webhook must not be trusted
   * @throws IllegalArgumentException if the secret is empty or not base64
   */
  public static WebhookEvent verify(String payload, Map<String, List<String>> headers, String secret) {
    return verifier(secret).build().verify(payload, headers);
  }

  /** As {@link #verify(String, Map, String)}, with the headers of a {@code java.net.http} message. */
  public static WebhookEvent verify(String payload, HttpHeaders headers, String secret) {
    return verifier(secret).build().verify(payload, headers);
  }

  /** As {@link #verify(String, Map, String)}, with the body as the bytes received. */
  public static WebhookEvent verify(byte[] payload, Map<String, List<String>> headers, String secret) {
    return verifier(secret).build().verify(payload, headers);
  }

  /**
   * Starts a reusable verifier. Give every secret a receiver should currently accept: during a
   * rotation the sender signs with the old and the new secret, and either one matching is enough.
   *
   * @param secrets at least one secret, each with or without its {@code whsec_} prefix
   */
  public static WebhookVerifier.Builder verifier(String... secrets) {
    return new WebhookVerifier.Builder(secrets);
  }
}

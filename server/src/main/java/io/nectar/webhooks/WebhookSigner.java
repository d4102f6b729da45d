package io.nectar.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook messages the Standard Webhooks way, which is also Svix's, so that receivers can verify
 * them with the Svix or Standard Webhooks libraries unchanged (CONTRACT §9).
 *
 * <p>The signed content is {@code "{id}.{timestamp}.{body}"}: the id and the attempt's timestamp are
 * signed with the body so that a captured delivery cannot be replayed later or under another id.
 * The secret is {@code whsec_} followed by the base64 of the key bytes.
 */
public final class WebhookSigner {
  static final String SECRET_PREFIX = "whsec_";
  /** The specification's minimum for HMAC keys (192 bits), which Svix's secrets also have. */
  static final int KEY_BYTES = 24;
  private static final String HMAC = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSigner() {}

  /** A new endpoint secret: {@code whsec_} and the base64 of 24 random bytes. */
  public static String newSecret() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /**
   * One signature: {@code v1,} and the base64 HMAC-SHA256 of {@code "{messageId}.{timestamp}.{body}"}
   * keyed with the secret's decoded bytes. The {@code whsec_} prefix is optional here, as it is in the
   * reference libraries.
   *
   * @throws IllegalArgumentException if the secret is not base64
   */
  public static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key(secret), HMAC));
      mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  /**
   * The headers of one delivery attempt: id, timestamp and signatures under both the Standard Webhooks
   * ({@code webhook-}) and the Svix ({@code svix-}) names, with the same values, and the content type.
   * While a secret is being rotated both the old and the new secret sign, and the receiver accepts the
   * message if any one signature verifies, so receivers can switch secrets without losing messages.
   *
   * @param secrets the endpoint's current secrets, at least one
   * @return the headers in a stable order
   */
  public static Map<String, String> headers(
      List<String> secrets, String messageId, long timestampSeconds, byte[] body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("A webhook needs at least one secret to be signed.");
    }
    // The id and timestamp are delimited by '.' in the signed content; a '.' or a line break in the id
    // would let two different messages share a signature or split the header.
    if (messageId.isEmpty() || !messageId.chars().allMatch(c -> c > ' ' && c < 127 && c != '.')) {
      throw new IllegalArgumentException("A webhook message id must be printable ASCII without '.'.");
    }
    StringBuilder signatures = new StringBuilder();
    for (String secret : secrets) {
      if (signatures.length() > 0) {
        signatures.append(' ');
      }
      signatures.append(sign(secret, messageId, timestampSeconds, body));
    }
    String timestamp = Long.toString(timestampSeconds);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", messageId);
    headers.put("webhook-timestamp", timestamp);
    headers.put("webhook-signature", signatures.toString());
    headers.put("svix-id", messageId);
    headers.put("svix-timestamp", timestamp);
    headers.put("svix-signature", signatures.toString());
    headers.put("content-type", "application/json");
    return headers;
  }

  private static byte[] key(String secret) {
    String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("A webhook secret must be base64 after '" + SECRET_PREFIX + "'.");
    }
  }
}

package io.nectar.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a webhook, written from the Standard Webhooks specification rather than from
 * {@link WebhookSigner}, so that tests compare the signer against the specification and not against
 * itself. Tests that receive webhooks (with MockWebServer) use it to say "a receiver would accept this".
 *
 * <p>What the specification asks of a verifier: the id, timestamp and signature headers are required;
 * the signature header is a space-separated list and one matching {@code v1} entry is enough (secret
 * rotation); signatures are compared in constant time; the timestamp must be within a tolerance of now,
 * in both directions, against replays.
 */
public final class StandardWebhooksVerifier {
  /** The tolerance the reference libraries use. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private StandardWebhooksVerifier() {}

  /**
   * Returns normally if a receiver holding {@code secret} would accept this webhook at {@code now}.
   * Header names are matched ignoring case; the {@code webhook-} names are read first, then the
   * {@code svix-} ones, as the Svix libraries do.
   *
   * @throws Rejected saying why it would not
   */
  public static void verify(String secret, Map<String, String> headers, byte[] body, Instant now) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    String id = header(byName, "id");
    String timestamp = header(byName, "timestamp");
    String signatures = header(byName, "signature");
    if (id == null || timestamp == null || signatures == null) {
      throw new Rejected("missing required headers");
    }

    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new Rejected("invalid timestamp " + timestamp);
    }
    if (now.getEpochSecond() - seconds > TOLERANCE.toSeconds()) {
      throw new Rejected("message timestamp too old");
    }
    if (seconds - now.getEpochSecond() > TOLERANCE.toSeconds()) {
      throw new Rejected("message timestamp too new");
    }

    byte[] expected = hmac(key(secret), (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    for (String entry : signatures.split(" ")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
        continue; // another scheme (v1a) or a version this verifier does not know
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(entry.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return;
      }
    }
    throw new Rejected("no matching signature found");
  }

  private static String header(Map<String, String> headers, String name) {
    String value = headers.get("webhook-" + name);
    return value != null ? value : headers.get("svix-" + name);
  }

  private static byte[] key(String secret) {
    String encoded = secret.toLowerCase(Locale.ROOT).startsWith("whsec_") ? secret.substring(6) : secret;
    return Base64.getDecoder().decode(encoded);
  }

  private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The webhook would be rejected; the message says why, in the reference libraries' words. */
  public static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
      super(message);
    }
  }
}

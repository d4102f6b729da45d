package io.nectar.client;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks webhooks against a fixed set of secrets, a tolerance and a clock; immutable and safe to share
 * between threads. Made by {@link Webhook#verifier(String...)}.
 *
 * <p>What it checks, as the Standard Webhooks specification asks: the id, timestamp and signature
 * headers are present; the timestamp is whole seconds within the tolerance of the clock, in either
 * direction (a captured delivery cannot be replayed later, and a clock far ahead is noticed); and one
 * {@code v1} entry of the space-separated signature header is the HMAC-SHA256 of
 * {@code "{id}.{timestamp}.{body}"} under one of the secrets. Signatures are compared in constant
 * time, so the time taken does not tell an attacker how many bytes of a forgery were right.
 */
public final class WebhookVerifier {
  /** The tolerance of the Standard Webhooks and Svix libraries. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String HMAC = "HmacSHA256";
  private static final String SECRET_PREFIX = "whsec_";
  private static final String SCHEME = "v1";

  private final List<SecretKeySpec> keys;
  private final Duration tolerance;
  private final Clock clock;

  private WebhookVerifier(Builder builder) {
    this.keys = builder.keys;
    this.tolerance = builder.tolerance;
    this.clock = builder.clock;
  }

  /**
   * Verifies one webhook.
   *
   * @param payload the request body exactly as received
   * @param headers the request headers, names matched ignoring case
   * @return the verified event
   * @throws WebhookVerificationException if the webhook must not be trusted
   */
  public WebhookEvent verify(String payload, Map<String, List<String>> headers) {
    Objects.requireNonNull(payload, "payload");
    return verify(payload.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** As {@link #verify(String, Map)}, with the headers of a {@code java.net.http} message. */
  public WebhookEvent verify(String payload, HttpHeaders headers) {
    Objects.requireNonNull(headers, "headers");
    return verify(payload, headers.map());
  }

  /** As {@link #verify(String, Map)}, with the body as the bytes received. */
  public WebhookEvent verify(byte[] payload, Map<String, List<String>> headers) {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(headers, "headers");
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> {
      if (name != null && values != null) {
        byName.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
      }
    });
    String id = single(byName, "id");
    String timestamp = single(byName, "timestamp");
    String signatures = String.join(" ", values(byName, "signature"));
    if (signatures.isBlank()) {
      throw new WebhookVerificationException("Missing required header webhook-signature (or svix-signature).");
    }

    Instant sent = parseTimestamp(timestamp);
    // Whole seconds on both sides, as the timestamp is and as the reference libraries compare.
    Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
    if (sent.isBefore(now.minus(tolerance))) {
      throw new WebhookVerificationException("Message timestamp too old: sent at " + sent + ", now " + now
          + ", tolerance " + tolerance + ".");
    }
    if (sent.isAfter(now.plus(tolerance))) {
      throw new WebhookVerificationException("Message timestamp too new: sent at " + sent + ", now " + now
          + ", tolerance " + tolerance + ".");
    }

    byte[] signedPrefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    List<byte[]> given = v1Signatures(signatures);
    for (SecretKeySpec key : keys) {
      byte[] expected = hmac(key, signedPrefix, payload);
      for (byte[] signature : given) {
        if (MessageDigest.isEqual(expected, signature)) {
          return WebhookEvent.parse(id, sent, payload);
        }
      }
    }
    throw new WebhookVerificationException("No matching signature found: the body, id or timestamp was changed, "
        + "or it was signed with another secret.");
  }

  /** The header's value, read from the {@code webhook-} name, else from the {@code svix-} one. */
  private static String single(Map<String, List<String>> headers, String name) {
    List<String> values = values(headers, name);
    if (values.isEmpty() || values.get(0).isBlank()) {
      throw new WebhookVerificationException("Missing required header webhook-" + name + " (or svix-" + name + ").");
    }
    if (values.stream().distinct().count() > 1) {
      // Two ids or two timestamps: which one the signature covers is ambiguous, so trust neither.
      throw new WebhookVerificationException("Header webhook-" + name + " has several values.");
    }
    return values.get(0).trim();
  }

  private static List<String> values(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get("webhook-" + name);
    if (values == null || values.isEmpty()) {
      values = headers.get("svix-" + name);
    }
    return values == null ? List.of() : values;
  }

  private static Instant parseTimestamp(String timestamp) {
    // Digits only: Long.parseLong would also take a sign, and "+1614265330" is not what was signed.
    if (timestamp.length() > 18 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new WebhookVerificationException("Invalid webhook-timestamp header: " + shortened(timestamp) + ".");
    }
    return Instant.ofEpochSecond(Long.parseLong(timestamp));
  }

  /** The decoded {@code v1} entries; other schemes (such as {@code v1a}) and broken entries are skipped. */
  private static List<byte[]> v1Signatures(String header) {
    List<byte[]> signatures = new ArrayList<>();
    for (String entry : header.trim().split(" +")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals(SCHEME)) {
        continue;
      }
      try {
        signatures.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
      } catch (IllegalArgumentException e) {
        // Not base64: it cannot match, and another entry still may.
      }
    }
    return signatures;
  }

  private static byte[] hmac(SecretKeySpec key, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  private static String shortened(String value) {
    return value.length() <= 40 ? "\"" + value + "\"" : "\"" + value.substring(0, 40) + "…\"";
  }

  /** Settings of a {@link WebhookVerifier}: the secrets, and optionally a tolerance and a clock. */
  public static final class Builder {
    private final List<SecretKeySpec> keys;
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    Builder(String[] secrets) {
      Objects.requireNonNull(secrets, "secrets");
      if (secrets.length == 0) {
        throw new IllegalArgumentException("A webhook verifier needs at least one secret.");
      }
      List<SecretKeySpec> keys = new ArrayList<>();
      for (String secret : secrets) {
        keys.add(key(secret));
      }
      this.keys = List.copyOf(keys);
    }

    /**
     * How far the timestamp may be from the clock, either way; {@link #DEFAULT_TOLERANCE} unless set.
     * A longer tolerance lets a captured delivery be replayed for longer.
     */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative()) {
        throw new IllegalArgumentException("A webhook tolerance cannot be negative: " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /** The clock timestamps are compared with; the system clock unless set (tests pass a fixed one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public WebhookVerifier build() {
      return new WebhookVerifier(this);
    }

    private static SecretKeySpec key(String secret) {
      if (secret == null || secret.isBlank()) {
        throw new IllegalArgumentException("A webhook secret cannot be empty.");
      }
      String trimmed = secret.trim();
      String encoded = trimmed.regionMatches(true, 0, SECRET_PREFIX, 0, SECRET_PREFIX.length())
          ? trimmed.substring(SECRET_PREFIX.length()) : trimmed;
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(encoded);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("A webhook secret must be base64 after its optional '" + SECRET_PREFIX
            + "' prefix.");
      }
      if (bytes.length == 0) {
        throw new IllegalArgumentException("A webhook secret cannot be empty.");
      }
      return new SecretKeySpec(bytes, HMAC);
    }
  }
}

package io.nectar.storage;

import io.nectar.config.DerivedKey;
import io.nectar.errors.Forbidden;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Expiring links to blobs served by this server (CONTRACT §10): {@code {baseUrl}/files/{key}
 * ?expires={epochSeconds}&signature={base64url HMAC-SHA256}}. Whoever holds the link may fetch the
 * file until it expires, without an API key: the signature is the authorization, the way a
 * pre-signed S3 URL is.
 *
 * <p>The signature covers the path and the expiry, never the host, so a link keeps working behind a
 * proxy that rewrites the host. It is computed with a key derived for this purpose alone from the
 * server secret, so links survive restarts and every server process behind a load balancer accepts
 * every other's links.
 */
public final class SignedLinks {
  /** How long a document's {@code url} stays valid (CONTRACT §10). */
  public static final Duration DOCUMENT_LINK_VALIDITY = Duration.ofHours(24);
  public static final String EXPIRED = "This link has expired.";
  public static final String INVALID = "This link is not valid.";

  private static final String PURPOSE = "nectar signed links v1";
  private static final String ALGORITHM = "HmacSHA256";
  /**
   * The one spelling {@link #link} writes: digits with no sign, spaces or leading zeros (so a signed
   * link has exactly one valid form), and short enough to parse without overflow.
   */
  private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");
  private static final Pattern EPOCH_SECONDS = Pattern.compile("0|[1-9][0-9]{0,11}");

  private final SecretKeySpec key;
  private final Clock clock;
  /** Keyed once and cloned per signature: a page of usage signs a hundred links, and keying costs more than signing. */
  private final Mac keyedMac;

  public SignedLinks(byte[] serverSecret, Clock clock) {
    this.key = new SecretKeySpec(DerivedKey.of(serverSecret, PURPOSE), ALGORITHM);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keyedMac = newMac();
  }

  /**
   * A link to the blob under {@code key} that works for {@code validFor} from now.
   *
   * @param baseUrl where clients reach this server, e.g. the configured public URL
   * @throws IllegalArgumentException if the key is invalid or the validity is not positive
   */
  public String link(String baseUrl, String key, Duration validFor) {
    BlobKey.validate(key);
    if (validFor.isZero() || validFor.isNegative()) {
      throw new IllegalArgumentException("A link must be valid for a positive duration.");
    }
    return signed(baseUrl, pathOf(key), validFor);
  }

  /**
   * A link to one of this server's pages (e.g. {@code /audit/documents/{id}}) that works for
   * {@code validFor} from now; {@link #verifyPage} checks it.
   */
  public String pageLink(String baseUrl, String path, Duration validFor) {
    if (!SAFE_PATH.matcher(path).matches() || path.startsWith("/files/")) {
      throw new IllegalArgumentException("not a page path: " + path);
    }
    if (validFor.isZero() || validFor.isNegative()) {
      throw new IllegalArgumentException("A link must be valid for a positive duration.");
    }
    return signed(baseUrl, path, validFor);
  }

  private String signed(String baseUrl, String path, Duration validFor) {
    long expires = clock.instant().plus(validFor).getEpochSecond();
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    // Paths hold only URL-safe characters and the signature is base64url: nothing needs escaping.
    return base + path + "?expires=" + expires + "&signature=" + sign(path, expires);
  }

  /** Checks a page link as {@link #verify} checks a file link. */
  public Duration verifyPage(String path, String expires, String signature) {
    if (path == null || !SAFE_PATH.matcher(path).matches() || path.startsWith("/files/")) {
      throw new Forbidden(INVALID);
    }
    return verifySigned(path, expires, signature);
  }

  /**
   * Checks a link's parts as they arrived (any may be null) and returns how long it stays valid.
   *
   * @throws Forbidden "This link is not valid." when anything was altered or is missing, or 403
   *     "This link has expired." when a genuine link is past its expiry
   */
  public Duration verify(String key, String expires, String signature) {
    if (key == null || !BlobKey.isValid(key)) {
      throw new Forbidden(INVALID);
    }
    return verifySigned(pathOf(key), expires, signature);
  }

  private Duration verifySigned(String path, String expires, String signature) {
    if (expires == null || signature == null || !EPOCH_SECONDS.matcher(expires).matches()) {
      throw new Forbidden(INVALID);
    }
    long expiresAt = Long.parseLong(expires);
    byte[] expected = sign(path, expiresAt).getBytes(StandardCharsets.US_ASCII);
    // Constant time, so response timing does not reveal how much of a forged signature was right.
    // The signature is checked before the expiry so an altered expiry is "not valid", not "expired".
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new Forbidden(INVALID);
    }
    Instant expiry = Instant.ofEpochSecond(expiresAt);
    Instant now = clock.instant();
    if (!now.isBefore(expiry)) {
      throw new Forbidden(EXPIRED);
    }
    return Duration.between(now, expiry);
  }

  @Override
  public String toString() {
    return "SignedLinks[HMAC-SHA256]";
  }

  private static String pathOf(String key) {
    return "/files/" + key;
  }

  /** Signs the path (so a future kind of link under another path can never reuse a signature). */
  private String sign(String path, long expires) {
    Mac mac;
    try {
      mac = (Mac) keyedMac.clone();
    } catch (CloneNotSupportedException e) {
      mac = newMac();
    }
    // Neither part can contain a newline, so the message is unambiguous.
    byte[] digest = mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }
}

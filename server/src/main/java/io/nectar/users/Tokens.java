package io.nectar.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random tokens for cookies and one-time links (256 bits, URL-safe) and their stored form. A token
 * this random needs no slow hash: SHA-256 keeps a copy of the database from signing anyone in.
 */
final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code token} could be one of ours; anything else is refused before any SQL. */
  static boolean wellFormed(String token) {
    return token != null && token.length() == 43 && token.chars().allMatch(c -> c < 128
        && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
  }
}

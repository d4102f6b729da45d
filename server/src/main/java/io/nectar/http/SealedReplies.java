package io.nectar.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the responses kept for {@code Idempotency-Key} replays: some hold a secret shown once (an
 * invitation's token, a webhook endpoint's signing secret), which must not sit readable in the
 * database for the 24 hours a replay is possible. AES-256-GCM under a key derived for this purpose,
 * bound to the tenant and key it was stored under: {@code version | nonce | ciphertext and tag}.
 */
public final class SealedReplies {
  private static final byte VERSION = 1;
  /** What the key is derived from the server secret for; no other key of the server may share it. */
  public static final String PURPOSE = "nectar idempotent replies v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** {@code key}: 32 bytes derived from the server secret for {@link #PURPOSE} (http knows no secrets itself). */
  SealedReplies(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  byte[] seal(byte[] body, String boundTo) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, boundTo);
      return ByteBuffer.allocate(1 + NONCE_BYTES + cipher.getOutputSize(body.length)).put(VERSION).put(nonce)
          .put(cipher.doFinal(body)).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
    }
  }

  /** The body, or empty when it was altered, stored under another tenant or key, or under another secret. */
  Optional<byte[]> open(byte[] sealed, String boundTo) {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
      return Optional.empty();
    }
    try {
      byte[] nonce = java.util.Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
      return Optional.of(cipher(Cipher.DECRYPT_MODE, nonce, boundTo)
          .doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String boundTo) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}

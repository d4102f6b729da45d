package io.nectar.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the passwords of utility connections for storage: AES-256-GCM under a key derived from the
 * server secret for this purpose alone. The output is {@code version (1 byte) | nonce (12 bytes) |
 * ciphertext and tag}. The connection id and the version byte are authenticated as associated data,
 * so a sealed password copied into another connection's row, or relabelled as another version, fails
 * to open instead of logging in somewhere it was never meant for.
 *
 * <p>A fresh random nonce per encryption: the same password never looks the same twice, and the
 * number of passwords a server will ever store is far below what random GCM nonces allow.
 */
public final class CredentialCipher {
  private static final byte VERSION = 1;
  /** What the key is derived for; no other key of the server may share it. */
  static final String PURPOSE = "nectar credentials v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String FAILED = "Could not decrypt the stored credential: it was altered, belongs to"
      + " another connection, or was sealed under a different server secret.";

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public CredentialCipher(byte[] serverSecret) {
    this.key = new SecretKeySpec(DerivedKey.of(serverSecret, PURPOSE), "AES");
  }

  /** Seals {@code plaintext} for the connection {@code connectionId}. */
  public byte[] encrypt(String plaintext, UUID connectionId) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(connectionId, "connectionId");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(VERSION, connectionId));
      byte[] sealed = ByteBuffer.allocate(1 + NONCE_BYTES + cipher.getOutputSize(plain.length))
          .put(VERSION).put(nonce).array();
      cipher.doFinal(plain, 0, plain.length, sealed, 1 + NONCE_BYTES);
      return sealed;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * Opens what {@link #encrypt} sealed for the same connection.
   *
   * @throws IllegalStateException if it was altered, sealed for another connection or under another
   *     secret; the message never contains any part of the credential
   */
  public String decrypt(byte[] sealed, UUID connectionId) {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(connectionId, "connectionId");
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("The stored credential is too short to be a sealed value.");
    }
    if (sealed[0] != VERSION) {
      throw new IllegalStateException("The stored credential has unknown format version " + sealed[0] + ".");
    }
    byte[] plain = null;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(associatedData(sealed[0], connectionId));
      plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(plain))
          .toString();
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(FAILED); // no cause: nothing more to say, and nothing to leak
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("The stored credential is not valid UTF-8.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(FAILED, e);
    } finally {
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  @Override
  public String toString() {
    return "CredentialCipher[AES-256-GCM, v" + VERSION + "]";
  }

  private static byte[] associatedData(byte version, UUID connectionId) {
    return ByteBuffer.allocate(1 + 16)
        .put(version)
        .putLong(connectionId.getMostSignificantBits())
        .putLong(connectionId.getLeastSignificantBits())
        .array();
  }
}

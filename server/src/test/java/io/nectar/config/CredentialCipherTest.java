package io.nectar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.storage.SignedLinks;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialCipherTest {
  private static final byte[] SECRET = "a server secret of at least 32 characters".getBytes(StandardCharsets.UTF_8);
  private static final String PASSWORD = "correct horse battery staple";

  private final CredentialCipher cipher = new CredentialCipher(SECRET);
  private final UUID connection = UUID.fromString("0190c3a2-7b1e-7c4d-9a3f-1d2e3f4a5b6c");

  @Test
  void aSealedPasswordOpensForItsConnection() {
    byte[] sealed = cipher.encrypt(PASSWORD, connection);

    assertThat(cipher.decrypt(sealed, connection)).isEqualTo(PASSWORD);
    // Another instance with the same secret (after a restart, on another server process) opens it too.
    assertThat(new CredentialCipher(SECRET.clone()).decrypt(sealed, connection)).isEqualTo(PASSWORD);
  }

  @Test
  void theSealedFormIsVersionThenNonceThenCiphertextAndTag() {
    byte[] sealed = cipher.encrypt(PASSWORD, connection);

    assertThat(sealed[0]).isEqualTo((byte) 1);
    assertThat(sealed).hasSize(1 + 12 + PASSWORD.getBytes(StandardCharsets.UTF_8).length + 16);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("horse");
  }

  @Test
  void theSamePasswordNeverSealsTheSameWayTwice() {
    Set<String> sealedForms = new HashSet<>();
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      byte[] sealed = cipher.encrypt(PASSWORD, connection);
      sealedForms.add(Arrays.toString(sealed));
      nonces.add(Arrays.toString(Arrays.copyOfRange(sealed, 1, 13)));
    }

    assertThat(sealedForms).hasSize(100);
    assertThat(nonces).hasSize(100);
  }

  @Test
  void changingAnyByteMakesItFailToOpen() {
    byte[] sealed = cipher.encrypt(PASSWORD, connection);

    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> cipher.decrypt(tampered, connection))
          .as("byte %d", i)
          .isInstanceOf(IllegalStateException.class)
          .message().doesNotContain(PASSWORD);
    }
  }

  @Test
  void aTruncatedOrExtendedValueFailsToOpen() {
    byte[] sealed = cipher.encrypt(PASSWORD, connection);

    assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(sealed, sealed.length - 1), connection))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(sealed, sealed.length + 1), connection))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(sealed, 20), connection))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("too short");
    assertThatThrownBy(() -> cipher.decrypt(new byte[0], connection))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPasswordCopiedToAnotherConnectionFailsToOpen() {
    byte[] sealed = cipher.encrypt(PASSWORD, connection);

    assertThatThrownBy(() -> cipher.decrypt(sealed, UUID.randomUUID()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another connection")
        .message().doesNotContain(PASSWORD);
  }

  @Test
  void aPasswordSealedUnderAnotherSecretFailsToOpen() {
    CredentialCipher other = new CredentialCipher(
        "another server secret, 32 characters or more".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> other.decrypt(cipher.encrypt(PASSWORD, connection), connection))
        .isInstanceOf(IllegalStateException.class)
        .message().doesNotContain(PASSWORD);
  }

  @Test
  void anUnknownFormatVersionIsNamedInTheError() {
    byte[] sealed = cipher.encrypt(PASSWORD, connection);
    sealed[0] = 2;

    assertThatThrownBy(() -> cipher.decrypt(sealed, connection))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "pässwörd", "密码🔐🔑", "emoji👩‍👩‍👧 and RTL مرحبا", "\u0000nul inside",
      "a very long password that goes on and on and on and on and on and on and on and on and on and on"})
  void anyPasswordRoundTrips(String password) {
    assertThat(cipher.decrypt(cipher.encrypt(password, connection), connection)).isEqualTo(password);
  }

  @Test
  void itsKeyIsNotTheKeyThatSignsLinks() throws Exception {
    byte[] sealed = cipher.encrypt(PASSWORD, connection);
    byte[] linkKey = DerivedKey.of(SECRET, purposeOf(SignedLinks.class));

    // Opening by hand under the cipher's own key works, so failing under the link key is about the key.
    assertThat(openWith(DerivedKey.of(SECRET, CredentialCipher.PURPOSE), sealed)).isEqualTo(PASSWORD);
    assertThatThrownBy(() -> openWith(linkKey, sealed)).isInstanceOf(AEADBadTagException.class);
    assertThat(CredentialCipher.PURPOSE).isNotEqualTo(purposeOf(SignedLinks.class));
  }

  /** The purpose label a class derives its key for, read from the class itself. */
  private static String purposeOf(Class<?> type) throws ReflectiveOperationException {
    Field purpose = type.getDeclaredField("PURPOSE");
    purpose.setAccessible(true);
    return (String) purpose.get(null);
  }

  /** Opens a sealed value as the format says (version, nonce, ciphertext and tag), under {@code key}. */
  private String openWith(byte[] key, byte[] sealed) throws GeneralSecurityException {
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 1, 12));
    aes.updateAAD(ByteBuffer.allocate(17).put(sealed[0]).putLong(connection.getMostSignificantBits())
        .putLong(connection.getLeastSignificantBits()).array());
    return new String(aes.doFinal(sealed, 13, sealed.length - 13), StandardCharsets.UTF_8);
  }

  @Test
  void itsDescriptionRevealsNoSecret() {
    assertThat(cipher.toString()).isEqualTo("CredentialCipher[AES-256-GCM, v1]");
  }

  @Test
  void anEmptySecretIsRefused() {
    assertThatThrownBy(() -> new CredentialCipher(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSealedValueThatIsNotUtf8TextIsRefusedRatherThanGuessedAt() throws Exception {
    // Authentic (sealed under the cipher's own key and format) but not UTF-8: decoding it leniently
    // would send a password with replacement characters to the utility, so it is refused.
    byte[] sealed = sealWith(DerivedKey.of(SECRET, CredentialCipher.PURPOSE), new byte[] {'p', (byte) 0xC3, 'w'});

    assertThatThrownBy(() -> cipher.decrypt(sealed, connection))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The stored credential is not valid UTF-8.");
  }

  /** Seals {@code plain} as the format says (version 1, nonce, ciphertext and tag), under {@code key}. */
  private byte[] sealWith(byte[] key, byte[] plain) throws GeneralSecurityException {
    byte[] nonce = new byte[12];
    new java.security.SecureRandom().nextBytes(nonce);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    aes.updateAAD(ByteBuffer.allocate(17).put((byte) 1).putLong(connection.getMostSignificantBits())
        .putLong(connection.getLeastSignificantBits()).array());
    byte[] sealed = aes.doFinal(plain);
    return ByteBuffer.allocate(13 + sealed.length).put((byte) 1).put(nonce).put(sealed).array();
  }
}

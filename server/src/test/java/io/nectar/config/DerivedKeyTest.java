package io.nectar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerivedKeyTest {
  private static final byte[] SECRET = "a server secret of at least 32 characters".getBytes(StandardCharsets.UTF_8);

  @Test
  void aKeyIsTheHmacSha256OfItsPurposeUnderTheServerSecret() {
    // RFC 4231 test case 2 (key "Jefe"). Sealed passwords and outstanding links depend on this exact
    // derivation: any change would lock every server out of what it stored under its own secret.
    byte[] key = DerivedKey.of("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?");

    assertThat(HexFormat.of().formatHex(key))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void eachPurposeAndEachSecretHasItsOwnKey() {
    byte[] links = DerivedKey.of(SECRET, "nectar signed links v1");

    assertThat(links).hasSize(32).isEqualTo(DerivedKey.of(SECRET.clone(), "nectar signed links v1"));
    assertThat(DerivedKey.of(SECRET, "nectar signed links v2")).isNotEqualTo(links);
    assertThat(DerivedKey.of(SECRET, CredentialCipher.PURPOSE)).isNotEqualTo(links);
    assertThat(DerivedKey.of("another server secret, 32 characters or more".getBytes(StandardCharsets.UTF_8),
        "nectar signed links v1")).isNotEqualTo(links);
  }

  @Test
  void anEmptyOrMissingSecretIsRefused() {
    assertThatThrownBy(() -> DerivedKey.of(new byte[0], "nectar signed links v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The server secret is empty.");
    assertThatThrownBy(() -> DerivedKey.of(null, "nectar signed links v1")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DerivedKey.of(SECRET, null)).isInstanceOf(NullPointerException.class);
  }
}

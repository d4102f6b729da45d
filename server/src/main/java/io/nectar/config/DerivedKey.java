package io.nectar.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys for one purpose each, derived from the one server secret ({@link ServerSecret}):
 * {@code HMAC-SHA256(secret, purpose)}. Separate keys mean a signature made for links can never pass
 * as anything else, and a weakness in how one purpose uses its key does not reach the others. The
 * purpose label carries a version so a key can be rotated by changing the label.
 */
public final class DerivedKey {
  private DerivedKey() {}

  /** 32 bytes of key material for {@code purpose}, e.g. {@code "nectar signed links v1"}. */
  public static byte[] of(byte[] serverSecret, String purpose) {
    Objects.requireNonNull(serverSecret, "serverSecret");
    Objects.requireNonNull(purpose, "purpose");
    if (serverSecret.length == 0) {
      throw new IllegalArgumentException("The server secret is empty.");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(serverSecret, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }
}

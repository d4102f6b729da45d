package io.nectar.web.hosted;

import io.nectar.config.DerivedKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The anti-forgery token every hosted form carries: an HMAC of the visit under a key derived for this
 * purpose alone. The visit's own token already sits in the page address, where another site cannot
 * read it; this one makes the rule explicit and checkable on every POST, whatever a future page adds.
 */
final class FormTokens {
  static final String FIELD = "csrf";
  private static final String PURPOSE = "nectar hosted forms v1";

  private final SecretKeySpec key;

  FormTokens(byte[] serverSecret) {
    this.key = new SecretKeySpec(DerivedKey.of(serverSecret, PURPOSE), "HmacSHA256");
  }

  String tokenFor(UUID visit) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(visit));
  }

  boolean verify(UUID visit, String token) {
    if (token == null) {
      return false;
    }
    return MessageDigest.isEqual(tokenFor(visit).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] mac(UUID visit) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(ByteBuffer.allocate(16).putLong(visit.getMostSignificantBits())
          .putLong(visit.getLeastSignificantBits()).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }
}

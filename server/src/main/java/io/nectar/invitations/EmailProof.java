package io.nectar.invitations;

import io.nectar.config.DerivedKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that an address was verified for one invitation: the {@code proof} of the pre-verified link
 * an invitation e-mail carries ({@code /p/i/{token}?email=…&proof=…}). It is an HMAC-SHA256 of the
 * invitation id and the lower-cased address, under a key derived from the server secret for this
 * purpose alone, so it proves nothing for another invitation, another address, or any other use.
 */
public final class EmailProof {
  /** What the key is derived for; no other key of the server may share it. */
  static final String PURPOSE = "nectar invitation e-mail proof v1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  public EmailProof(byte[] serverSecret) {
    this.key = new SecretKeySpec(DerivedKey.of(serverSecret, PURPOSE), "HmacSHA256");
  }

  /** The proof for {@code email} on invitation {@code invitationId}: base64url, without padding. */
  public String sign(UUID invitationId, String email) {
    return ENCODER.encodeToString(mac(invitationId, email));
  }

  /** True when {@code proof} is what {@link #sign} gives for them; compared in constant time. */
  public boolean verify(UUID invitationId, String email, String proof) {
    if (invitationId == null || email == null || proof == null) {
      return false;
    }
    byte[] expected = sign(invitationId, email).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, proof.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] mac(UUID invitationId, String email) {
    Objects.requireNonNull(invitationId, "invitationId");
    Objects.requireNonNull(email, "email");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      // The id has a fixed length, so "id|address" can be split only one way.
      return mac.doFinal((invitationId + "|" + email.trim().toLowerCase(Locale.ROOT))
          .getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "EmailProof[HMAC-SHA256]";
  }
}

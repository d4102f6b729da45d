package io.nectar.hosted;

import io.nectar.keys.Branding;
import io.nectar.mail.Mail;
import io.nectar.mail.MailFailure;
import io.nectar.mail.Mailer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The e-mail check of an invitation limited to addresses: a six-digit code sent to the address the
 * visitor gives, valid for a quarter of an hour and a few tries. Only the code's hash, bound to the
 * visit, is stored, so a code typed into another visit proves nothing.
 */
final class EmailCheck {
  static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
  static final int CODE_TRIES = 5;

  private final Mailer mailer;
  private final SecureRandom random = new SecureRandom();

  EmailCheck(Mailer mailer) {
    this.mailer = mailer;
  }

  boolean canSend() {
    return mailer.configured();
  }

  String newCode() {
    return String.format("%06d", random.nextInt(1_000_000));
  }

  /** Sends {@code code} to {@code email}; throws {@link MailFailure} with a reason fit for the page. */
  void send(String email, String code, Branding branding, String companyName) {
    String text = "Your code to connect a utility account for " + companyName + " through " + branding.name()
        + " is:\n\n    " + code + "\n\nIt is valid for 15 minutes. If you did not ask for it, ignore this e-mail.\n";
    mailer.send(new Mail(email, "Your verification code: " + code, text, null));
  }

  static byte[] hash(UUID visit, String code) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(16).putLong(visit.getMostSignificantBits())
          .putLong(visit.getLeastSignificantBits()).array());
      return sha.digest(code.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** The address lower-cased, or null when it is not one (control characters included: none belongs there). */
  static String normalEmail(String email) {
    if (email == null) {
      return null;
    }
    String trimmed = email.trim().toLowerCase(Locale.ROOT);
    // No control characters: a NUL cannot even be stored, and none belongs in an address.
    return trimmed.length() <= 254 && trimmed.matches("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+")
        ? trimmed : null;
  }
}

package io.nectar.users;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Password hashing with Argon2id, the winner of the Password Hashing Competition and OWASP's first
 * choice: memory-hard, so guessing on graphics cards costs memory as well as time. The stored value is
 * the PHC string ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), which carries its own salt and cost,
 * so the cost can rise later without breaking older hashes.
 */
final class Passwords {
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 200;

  /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane; about 50 ms here. */
  static final Cost STANDARD = new Cost(19 * 1024, 2, 1);

  /** Memory in KiB, passes, lanes. */
  record Cost(int memoryKib, int iterations, int parallelism) {}

  private final Argon2Function function;
  /** Checked against when the e-mail is unknown, so that such a sign-in takes as long as a real one. */
  private final String decoy;

  Passwords(Cost cost) {
    this.function = Argon2Function.getInstance(cost.memoryKib(), cost.iterations(), cost.parallelism(), 32,
        Argon2.ID);
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    this.decoy = hash(Base64.getEncoder().encodeToString(random));
  }

  String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(function).getResult();
  }

  /** Whether {@code password} matches {@code stored}; a missing hash costs the same time and fails. */
  boolean matches(String password, String stored) {
    if (stored == null) {
      Password.check(password, decoy).with(function);
      return false;
    }
    return Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
  }

  /** Why a new password is refused, or empty when it is acceptable. */
  static Optional<String> problem(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("Use at least " + MIN_LENGTH + " characters.");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("Use at most " + MAX_LENGTH + " characters.");
    }
    if (password.isBlank()) {
      return Optional.of("Use more than spaces.");
    }
    return Optional.empty();
  }
}

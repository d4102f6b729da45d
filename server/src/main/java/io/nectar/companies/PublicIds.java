package io.nectar.companies;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Public company ids: 128 random bits as 32 lower-case hex characters, url-safe and unrelated to the
 * company's own id (migration V13 gives existing companies ids of the same shape).
 */
final class PublicIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private PublicIds() {}

  static String next() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

package io.nectar.http;

import java.util.Optional;

/**
 * The characters no request may carry into the server, wherever they arrive (a body field, a query
 * parameter): U+0000, which PostgreSQL cannot store in text and refuses mid-query, and a lone UTF-16
 * surrogate, which no database encoding stores faithfully. One definition, so that a filter cannot
 * let through what a body field refuses.
 */
final class Text {
  private Text() {}

  /** Why {@code value} cannot be accepted as text, or empty when it can. */
  static Optional<String> refusal(String value) {
    if (value.indexOf('\0') >= 0) {
      return Optional.of("Null characters are not allowed.");
    }
    if (!isWellFormed(value)) {
      return Optional.of("Invalid Unicode: the text contains an unpaired surrogate.");
    }
    return Optional.empty();
  }

  private static boolean isWellFormed(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}

package io.nectar.meters;

import java.util.Locale;

/**
 * Identifier normalisation (nectar-api.md §1.6): dashes, spaces, underscores, commas and slashes
 * removed, leading zeros stripped, upper-cased, so {@code 013-774-6423} and {@code 137746423} match.
 */
public final class Identifiers {
  private Identifiers() {}

  public static String normalize(String raw) {
    String compact = raw.replaceAll("[-\\s_,/]", "").toUpperCase(Locale.ROOT);
    int i = 0;
    while (i < compact.length() - 1 && compact.charAt(i) == '0') {
      i++;
    }
    return compact.substring(i);
  }
}

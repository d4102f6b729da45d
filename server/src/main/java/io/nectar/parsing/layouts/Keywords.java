package io.nectar.parsing.layouts;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** How strongly a bill's text carries a template's identifying keywords, robust to OCR spacing and case. */
final class Keywords {
  static final double DEFAULT_MIN_SCORE = 0.5;

  private Keywords() {}

  /** Lower case, no accents, letters and digits only: {@code "Pacific  Power,"} → {@code "pacificpower"}. */
  static String squash(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /**
   * 0 when a required keyword is missing or an excluded one present; otherwise the share of all the template's
   * keywords found, so a template that names more of the bill's words wins over a vaguer one.
   */
  static double score(Template.Identify identify, String squashedText) {
    for (String word : identify.none()) {
      if (squashedText.contains(squash(word))) {
        return 0;
      }
    }
    int found = 0;
    for (String word : identify.all()) {
      if (!squashedText.contains(squash(word))) {
        return 0;
      }
      found++;
    }
    int anyFound = count(identify.any(), squashedText);
    if (!identify.any().isEmpty() && anyFound == 0) {
      return 0;
    }
    double score = (double) (found + anyFound) / (identify.all().size() + identify.any().size());
    double min = identify.minScore() == null ? DEFAULT_MIN_SCORE : identify.minScore();
    return score >= min ? score : 0;
  }

  private static int count(List<String> words, String squashedText) {
    return (int) words.stream().filter(w -> squashedText.contains(squash(w))).count();
  }
}

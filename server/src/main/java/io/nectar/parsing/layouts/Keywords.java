package io.nectar.parsing.layouts;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How strongly a bill's text carries a template's identifying keywords, robust to OCR spacing and case. */
final class Keywords {
  static final double DEFAULT_MIN_SCORE = 0.5;

  private Keywords() {}

  /** How the text to search was read, which says how keywords are compared with it. */
  enum Source {
    /** A text layer: compared as printed, case, accents, spaces and punctuation aside. */
    PRINTED,
    /**
     * OCR: look-alike characters compare equal too ({@code Uti|ity} is {@code Utility}, {@code C0unty} is
     * {@code County}, {@code rn} is {@code m}), or one misread letter would hide a layout's keywords.
     */
    SCANNED
  }

  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
  private static final Pattern OCR_ELLS = Pattern.compile("[|!\\]]");

  /** Lower case, no accents, letters and digits only: {@code "Pacific  Power,"} → {@code "pacificpower"}. */
  static String squash(String text) {
    return NOT_LETTER_OR_DIGIT.matcher(withoutAccents(text).toLowerCase(Locale.ROOT)).replaceAll("");
  }

  /** The text with accents taken off its letters ({@code é} → {@code e}). */
  private static String withoutAccents(String text) {
    // Plain ASCII, most bills' whole text, has no accents: the decomposition would copy it for nothing.
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
      }
    }
    return text;
  }

  /** {@link #squash} for the source: on OCR text each look-alike class becomes one character. */
  static String squash(String text, Source source) {
    if (source == Source.PRINTED) {
      return squash(text);
    }
    String n = OCR_ELLS.matcher(withoutAccents(text).toLowerCase(Locale.ROOT)).replaceAll("l");
    n = NOT_LETTER_OR_DIGIT.matcher(n).replaceAll("").replace("rn", "m");
    StringBuilder out = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      out.append(switch (c) {
        case '0', 'q' -> 'o';
        case '1', 'i' -> 'l';
        case '5' -> 's';
        case '8' -> 'b';
        case '2' -> 'z';
        case '6' -> 'g';
        default -> c;
      });
    }
    return out.toString();
  }

  /**
   * 0 when a required keyword is missing or an excluded one present; otherwise the share of all the template's
   * keywords found, so a template that names more of the bill's words wins over a vaguer one.
   */
  static double score(Template.Identify identify, String squashedText) {
    return score(identify, squashedText, Source.PRINTED);
  }

  /** As {@link #score(Template.Identify, String)}, the text squashed for its source and the keywords alike. */
  static double score(Template.Identify identify, String squashedText, Source source) {
    for (String word : identify.none()) {
      if (carries(squashedText, squash(word, source), source)) {
        return 0;
      }
    }
    double found = 0;
    for (String word : identify.all()) {
      double presence = presence(squashedText, word, source);
      if (presence == 0) {
        return 0;
      }
      found += presence;
    }
    double anyFound = 0;
    for (String word : identify.any()) {
      anyFound += presence(squashedText, word, source);
    }
    if (!identify.any().isEmpty() && anyFound == 0) {
      return 0;
    }
    double score = (found + anyFound) / (identify.all().size() + identify.any().size());
    double min = identify.minScore() == null ? DEFAULT_MIN_SCORE : identify.minScore();
    return score >= min ? score : 0;
  }

  /** A keyword of at least this many words may have one of them lost to OCR ({@link #presence}). */
  static final int WORDS_FOR_A_LOST_WORD = 3;
  /** The words read of a keyword with a lost word must hold at least this share of its letters. */
  static final double SHARE_READ_FOR_A_LOST_WORD = 2.0 / 3;

  /**
   * How much of a keyword the squashed text holds: 1 when {@link #carries} finds it whole; on OCR text, for a
   * keyword of {@link #WORDS_FOR_A_LOST_WORD} words or more, the share of its letters read when all its words but
   * one are there, exact and in order, and they hold at least {@link #SHARE_READ_FOR_A_LOST_WORD} of its letters
   * (a faint or small word misread beyond a slip, {@code Commercial Electric Sais} for {@code Commercial Electric
   * Service}, on a page whose every other word was read); else 0. The share is below 1, so a layout whose keywords
   * are all read whole wins over one found with a lost word. Two-word keywords ({@code Gas statement}) must be read
   * whole: one word of them says too little.
   */
  static double presence(String squashedText, String keyword, Source source) {
    if (carries(squashedText, squash(keyword, source), source)) {
      return 1;
    }
    if (source != Source.SCANNED) {
      return 0;
    }
    List<String> words = Arrays.stream(keyword.split("\\s+"))
        .map(w -> squash(w, source)).filter(w -> !w.isEmpty()).toList();
    if (words.size() < WORDS_FOR_A_LOST_WORD) {
      return 0;
    }
    int letters = words.stream().mapToInt(String::length).sum();
    double best = 0;
    for (int lost = 0; lost < words.size(); lost++) {
      double share = 1 - (double) words.get(lost).length() / letters;
      if (share < SHARE_READ_FOR_A_LOST_WORD || share <= best) {
        continue;
      }
      String before = String.join("", words.subList(0, lost));
      String after = String.join("", words.subList(lost + 1, words.size()));
      // In the lost word's place: whatever OCR made of it, a few characters more or fewer.
      int gap = words.get(lost).length() + 3;
      boolean read = before.isEmpty() || after.isEmpty()
          ? squashedText.contains(before + after)
          : Pattern.compile(Pattern.quote(before) + ".{0," + gap + "}"
              + Pattern.quote(after)).matcher(squashedText).find();
      if (read) {
        best = share;
      }
    }
    return best;
  }

  /** On OCR text a keyword may also be there with one misread, lost or extra character per ten. */
  static final int LETTERS_PER_SLIP = 10;

  /**
   * Whether the squashed text holds the squashed keyword: exactly on a text layer; on OCR text with up to one
   * edit per {@link #LETTERS_PER_SLIP} letters of the keyword ({@code nectarsandbqoxxutility} holds
   * {@code nectarsandboxutility}), so a short keyword still has to be read whole.
   */
  static boolean carries(String text, String keyword, Source source) {
    if (text.contains(keyword)) {
      return true;
    }
    int slips = keyword.length() / LETTERS_PER_SLIP;
    return source == Source.SCANNED && slips > 0 && fewestEdits(text, keyword) <= slips;
  }

  /** The fewest edits that turn some stretch of the text into the keyword (Sellers' approximate search). */
  static int fewestEdits(String text, String keyword) {
    int m = keyword.length();
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    int best = previous[m];
    for (int i = 1; i <= text.length(); i++) {
      current[0] = 0; // a match may start anywhere in the text
      char c = text.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        int replace = previous[j - 1] + (keyword.charAt(j - 1) == c ? 0 : 1);
        current[j] = Math.min(replace, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      best = Math.min(best, current[m]);
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return best;
  }
}

package io.nectar.parsing.layouts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The characters OCR takes for one another ({@code 1ESY} read as {@code LESY}, {@code 0} as {@code O}, {@code 5}
 * as {@code S}, {@code h} as {@code b} on a coarse scan), and what a template's pattern can do with them on a
 * scan: match with each letter and digit standing for its look-alikes too ({@link #tolerant}), then put a value
 * back into the shape the pattern wants ({@link #repair}). Only OCR text is ever read this way; a text layer's characters are what was printed.
 */
final class Confusables {
  /** What each character may have been printed as, both ways round, lower case (patterns ignore case). */
  private static final Map<Character, String> LOOKS_LIKE = Map.ofEntries(
      Map.entry('0', "oqd"), Map.entry('o', "0qd"), Map.entry('q', "0og"), Map.entry('d', "0o"),
      Map.entry('1', "lit7|!]"), Map.entry('l', "1it|!f"), Map.entry('i', "1lt|!"), Map.entry('t', "17lif"),
      Map.entry('7', "1t"), Map.entry('|', "1li/"), Map.entry('/', "|"), Map.entry('!', "1li"), Map.entry('f', "lt"),
      Map.entry('5', "s"), Map.entry('s', "5"), Map.entry('8', "b"), Map.entry('b', "86h"), Map.entry('h', "b"),
      Map.entry('2', "z"), Map.entry('z', "2"), Map.entry('6', "gb"), Map.entry('g', "69q"), Map.entry('9', "g"),
      Map.entry('e', "c"), Map.entry('c', "e"));
  /** Any character a digit may have been read as: what {@code \d} becomes outside a character class. */
  private static final String DIGIT_LOOKALIKES = "\\dOoQDlIiLTt|!SsBbZzGg";
  /** A repair changes at most this many characters of one value. */
  static final int MAX_REPAIRS = 3;

  private Confusables() {}

  /** The characters {@code c} may have been printed as (lower case), empty when none. */
  static String lookAlikes(char c) {
    return LOOKS_LIKE.getOrDefault(Character.toLowerCase(c), "");
  }

  /**
   * The expression with every literal letter and digit also accepting its look-alikes, {@code \d} accepting
   * letters OCR gives for digits, {@code m} accepting {@code rn}, a slash accepting a bar or a one, and plain spaces optional. Character classes,
   * escapes other than {@code \d}, group names and quantifiers are kept as written.
   */
  static String tolerant(String source) {
    StringBuilder out = new StringBuilder(source.length() * 3);
    int depth = 0; // inside a character class
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length()) {
        char next = source.charAt(i + 1);
        if (depth == 0 && next == 'd') {
          out.append('[').append(DIGIT_LOOKALIKES).append(']');
          i++;
          continue;
        }
        int end = i + 2;
        if ((next == 'p' || next == 'P') && end < source.length() && source.charAt(end) == '{') {
          end = source.indexOf('}', end) + 1;
        }
        out.append(source, i, end);
        i = end - 1;
        continue;
      }
      if (c == '[') {
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
      }
      if (depth > 0 || c == ']') {
        out.append(c);
        continue;
      }
      if (c == '(' && source.startsWith("(?<", i) && i + 3 < source.length()
          && Character.isLetter(source.charAt(i + 3))) {
        int close = source.indexOf('>', i);
        out.append(source, i, close + 1);
        i = close;
        continue;
      }
      if (c == '(' && source.startsWith("(?", i)) {
        int j = i + 2;
        while (j < source.length() && (Character.isLetter(source.charAt(j)) || source.charAt(j) == '-')) {
          j++;
        }
        out.append(source, i, j);
        i = j - 1;
        continue;
      }
      if (c == '{') {
        int close = source.indexOf('}', i);
        out.append(source, i, close + 1);
        i = close;
        continue;
      }
      if (c == ' ') {
        boolean quantified = i + 1 < source.length() && "?*+{".indexOf(source.charAt(i + 1)) >= 0;
        out.append(quantified ? " " : "\\s*");
        continue;
      }
      String alike = lookAlikes(c);
      if (c == '/') {
        // a slash on a scan is read as a bar or a one as often as a slash (Product | Service, 01105/2024)
        out.append("[/|1lI]");
      } else if (Character.toLowerCase(c) == 'm') {
        out.append("(?:m|rn|nn)");
      } else if (Character.isLetterOrDigit(c) && !alike.isEmpty()) {
        out.append('[').append(c).append(alike.replace("]", "\\]")).append(']');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code text} put into the shape {@code shape} wants (the whole text must match) by changing the fewest
   * characters to what they look like, at most {@link #MAX_REPAIRS}; the text itself when it matches already;
   * empty when no repair fits or two different repairs fit equally well (OCR's reading is then not to be guessed).
   */
  static Optional<String> repair(String text, Pattern shape) {
    if (shape.matcher(text).matches()) {
      return Optional.of(text);
    }
    Set<String> level = new LinkedHashSet<>(List.of(text));
    for (int changes = 1; changes <= MAX_REPAIRS; changes++) {
      Set<String> next = new LinkedHashSet<>();
      Set<String> fits = new LinkedHashSet<>();
      for (String s : level) {
        for (int p = 0; p < s.length(); p++) {
          char c = s.charAt(p);
          if (c != text.charAt(p)) {
            continue; // changed already
          }
          for (char r : alternatives(c)) {
            String candidate = s.substring(0, p) + r + s.substring(p + 1);
            if (next.add(candidate) && shape.matcher(candidate).matches()) {
              fits.add(candidate);
            }
          }
        }
      }
      if (fits.size() == 1) {
        return Optional.of(fits.iterator().next());
      }
      if (fits.size() > 1 || next.size() > 20_000) {
        return Optional.empty();
      }
      level = next;
    }
    return Optional.empty();
  }

  /**
   * What a character may stand for; a letter in the case of the character read (a digit read for a letter, in upper
   * case, as identifiers print them), so that a pattern that ignores case gets one repair, not two.
   */
  private static List<Character> alternatives(char c) {
    List<Character> out = new ArrayList<>();
    for (char a : lookAlikes(c).toCharArray()) {
      out.add(Character.isLowerCase(c) ? a : Character.toUpperCase(a));
    }
    return out;
  }

  /**
   * The source of the named group in an expression ({@code (?<value>T-\d{5})} gives {@code T-\d{5}}), or null
   * when it has no such group.
   */
  static String groupSource(String source, String name) {
    String open = "(?<" + name + ">";
    int start = source.indexOf(open);
    if (start < 0) {
      return null;
    }
    int depth = 0;
    boolean inClass = false;
    for (int i = start; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (inClass) {
        inClass = c != ']';
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return source.substring(start + open.length(), i);
      }
    }
    return null;
  }
}

package io.nectar.parsing.layouts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's regular expression, compiled when the template is read so that a broken one is reported with
 * its file and line. Matching ignores case: OCR and utilities alike change case between bills.
 */
public final class Regex {
  private final Pattern pattern;
  private final Pattern spaced;
  private final Pattern heading;
  private volatile Pattern tolerant;
  private volatile Pattern tolerantHeading;
  private final java.util.Map<String, Optional<Pattern>> shapes = new java.util.concurrent.ConcurrentHashMap<>();

  private Regex(Pattern pattern) {
    this.pattern = pattern;
    this.spaced = Pattern.compile(anySpacing(pattern.pattern(), "\\s*"), pattern.flags());
    this.heading = Pattern.compile(anySpacing(optionalMarks(pattern.pattern()), "(?:\\s+\\S{1,4}){0,2}?\\s*"),
        pattern.flags());
  }

  @JsonCreator
  public static Regex of(String source) {
    return new Regex(Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE));
  }

  public Pattern pattern() {
    return pattern;
  }

  /**
   * The expression with each plain space made optional ({@code \\s*}): for labels and headings, which OCR
   * prints run together ({@code Accountnumber}) or split. Not for values, whose spaces separate figures.
   */
  public Pattern spaced() {
    return spaced;
  }

  /**
   * As {@link #spaced}, and up to two short specks may sit between two words, and a mark printed as a word of its
   * own ({@code Product / Service}) may be missing: for a table's headings, which are only anchors and often printed
   * on a shaded band OCR reads as {@code Description 3 Pia. Quantity}.
   */
  public Pattern heading() {
    return heading;
  }

  /**
   * For OCR text only: the expression with each literal letter and digit also matching its look-alikes, {@code \\d}
   * matching letters OCR gives for digits, and plain spaces optional ({@link Confusables#tolerant}). A match
   * must then have its groups put back into shape ({@link #repair}).
   */
  public Pattern tolerant() {
    if (tolerant == null) {
      tolerant = Pattern.compile(Confusables.tolerant(pattern.pattern()), pattern.flags());
    }
    return tolerant;
  }

  /**
   * For OCR text only: {@link #heading} with its letters and digits tolerant of look-alikes as in {@link #tolerant}:
   * a table's heading read {@code Product | Service} for {@code Product / Service} still anchors the table.
   */
  public Pattern tolerantHeading() {
    if (tolerantHeading == null) {
      tolerantHeading = Pattern.compile(Confusables.tolerant(heading.pattern()), pattern.flags());
    }
    return tolerantHeading;
  }

  /**
   * A group's text as read by {@link #tolerant} put back into the shape this expression gives that group, changing
   * the fewest look-alike characters ({@link Confusables#repair}); empty when no single repair fits.
   */
  public Optional<String> repair(String group, String text) {
    Optional<Pattern> shape = shapes.computeIfAbsent(group, g -> Optional.ofNullable(
        Confusables.groupSource(pattern.pattern(), g)).map(s -> Pattern.compile(s, pattern.flags())));
    return shape.isEmpty() ? Optional.of(text) : Confusables.repair(text, shape.get());
  }

  /** A mark printed as a word of its own between two words: {@code Product / Service}, {@code Gas & Electric}. */
  private static final Pattern LONE_MARK = Pattern.compile(" (\\\\?[-/&+@#]) ");

  /**
   * Each mark printed as a word of its own made optional: OCR drops a slash or dash it doubted, or reads it as a
   * bar it then drops ({@code Product | Service}), and a heading is only an anchor.
   */
  static String optionalMarks(String source) {
    return LONE_MARK.matcher(source).replaceAll(m -> " (?:" + Matcher.quoteReplacement(m.group(1)) + " )?");
  }

  /** Plain spaces (not escaped, not inside a character class) become {@code gap}. */
  static String anySpacing(String source, String gap) {
    StringBuilder out = new StringBuilder(source.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length()) {
        out.append(c).append(source.charAt(++i));
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      }
      if (c == ' ' && !inClass) {
        int j = i;
        while (j + 1 < source.length() && source.charAt(j + 1) == ' ') {
          j++;
        }
        boolean quantified = j + 1 < source.length() && "?*+{".indexOf(source.charAt(j + 1)) >= 0;
        out.append(quantified ? source.substring(i, j + 1) : gap);
        i = j;
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Whether the expression has a group of this name (Java 17 cannot ask the pattern itself). */
  public boolean hasGroup(String name) {
    return pattern.pattern().contains("(?<" + name + ">");
  }

  @JsonValue
  @Override
  public String toString() {
    return pattern.pattern();
  }
}

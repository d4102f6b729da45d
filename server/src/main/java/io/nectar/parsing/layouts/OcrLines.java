package io.nectar.parsing.layouts;

import io.nectar.parsing.Line;
import io.nectar.parsing.Word;
import io.nectar.parsing.normal.DecimalStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the scanner's dirt out of an OCR line before a template's patterns see it, so that a pattern
 * written against a text PDF reads the scan too. Tesseract turns specks, table rules and dot leaders into
 * tokens of their own ({@code Nettobetrag — 1.940,74 €}, {@code Delivery fee ak 45.00}, {@code _ G3646660})
 * or glues them to a word ({@code —R-2022-915607}), and reads a decimal point as a comma now and then.
 *
 * <p>Only what cannot be part of the bill is touched: a token with no letter or digit (but a dash, slash and the like
 * that Tesseract was sure of is kept: date ranges and headings print them), a one- or two-letter token Tesseract
 * itself doubted, rule and quote marks
 * stuck to a word's ends, and a decimal separator of the wrong kind before digits that cannot be a
 * thousands group (which always has three). Text-layer lines never come here.
 */
final class OcrLines {
  /** Below this confidence a token of one or two letters is a speck read as letters, not a word. */
  static final float DOUBTED = 0.5f;
  /** Below this confidence a short token of letters is a guess at a smudge; the bare form drops it. */
  static final float GUESSED = 0.3f;
  static final int SPECK_LETTERS = 4;
  /** A figure with thousands groups and two decimals, whatever separators OCR put in: {@code 1,850,19}. */
  private static final Pattern GROUPED = Pattern.compile("^([-($€£]*\\d{1,3})((?:[.,]\\d{3})+)[.,](\\d{2})(\\)?)$");
  private static final Pattern COLON_CENTS = Pattern.compile("^([-($€£]*\\d+):(\\d{2})$");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
  private static final Pattern WORD_STOP = Pattern.compile("(?<=\\p{L}{2}|\\d)[.,:;]$");
  private static final Pattern MARKS_ONLY = Pattern.compile("[^\\p{L}\\p{N}$€£%]+");
  /** Marks that print as words of their own on bills: range dashes, {@code Product / Service}, {@code @}, {@code &}. */
  private static final Pattern SEPARATOR = Pattern.compile("[-–—/&+@#]");
  private static final Pattern LEADING_MARKS = Pattern.compile("^[—–_|‘’'\"`~:;.,*°«»“”]+(?=[\\p{L}\\p{N}$€£(-])");
  private static final Pattern TRAILING_MARKS =
      Pattern.compile("(?<=[\\p{L}\\p{N}.%)])[—–_|‘’\"`~«»“”]+$|(?<=\\d)[:;]$");
  /**
   * A comma on a bill that writes decimal points, before digits that cannot be a thousands group (not three):
   * {@code 45,00}, {@code 49,7}, {@code 45,0000}; {@code 1,234} and {@code 1,234,56} are left alone.
   */
  private static final Pattern MISREAD_COMMA = Pattern.compile("^([-($€£]*\\d+),(\\d{1,2}|\\d{4,})(\\)?)$");
  /** The same for a point on a bill that writes decimal commas ({@code 14.00}, never {@code 5.168}). */
  private static final Pattern MISREAD_POINT = Pattern.compile("^([-($€£]*\\d+)\\.(\\d{1,2}|\\d{4,})(\\)?)$");

  /** What becomes of a token of marks only. */
  enum Marks {
    /** Dashes, slashes and the like that Tesseract was sure of stay (date ranges, headings print them). */
    KEEP_SEPARATORS,
    /** Every one goes: a speck read as a dash between a label and its figure is dirt too. */
    DROP_ALL
  }

  private OcrLines() {}

  static Line clean(Line line, DecimalStyle style, Marks marks) {
    List<Word> words = line.words();
    List<Word> kept = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      Word word = words.get(i);
      String text = word.text();
      if (MARKS_ONLY.matcher(text).matches()) {
        if (marks == Marks.KEEP_SEPARATORS && SEPARATOR.matcher(text).matches() && word.confidence() >= DOUBTED) {
          kept.add(word);
        }
        continue;
      }
      if (text.length() <= 2 && word.confidence() < DOUBTED && LETTERS.matcher(text).matches()) {
        continue;
      }
      if (marks == Marks.DROP_ALL && text.length() <= SPECK_LETTERS && word.confidence() < GUESSED
          && LETTERS.matcher(text).matches()) {
        // 'Gesamtbetrag (brutto) ces 1.854,41': a smudge Tesseract all but admits it guessed at
        continue;
      }
      String fixed = decimal(TRAILING_MARKS.matcher(LEADING_MARKS.matcher(text).replaceFirst(""))
          .replaceFirst(""), style);
      if (marks == Marks.DROP_ALL) {
        // 'CHARGES.', 'Total:' or '54,401.' where the pattern wants the bare label or figure
        fixed = WORD_STOP.matcher(fixed).replaceFirst("");
        // '29:95': a decimal point read as a colon (a time reads the same, hence only here)
        if (style != DecimalStyle.AUTO) {
          fixed = COLON_CENTS.matcher(fixed).replaceFirst(style == DecimalStyle.POINT ? "$1.$2" : "$1,$2");
        }
      }
      kept.add(fixed.equals(text) ? word
          : new Word(fixed, word.x(), word.y(), word.width(), word.height(), word.confidence()));
    }
    return kept.size() == words.size() && kept.equals(words) ? line : new Line(kept);
  }

  /** {@code 45,00} on a bill that writes {@code 45.00} (and the other way round): the separator OCR misread. */
  private static String decimal(String text, DecimalStyle style) {
    Matcher grouped = GROUPED.matcher(text);
    if (style != DecimalStyle.AUTO && grouped.matches()) {
      // 1,850,19 on a bill writing 1.850,19: the last separator is the decimal one, the others group thousands
      char thousands = style == DecimalStyle.POINT ? ',' : '.';
      char decimal = style == DecimalStyle.POINT ? '.' : ',';
      return grouped.group(1) + grouped.group(2).replaceAll("[.,]", String.valueOf(thousands)) + decimal
          + grouped.group(3) + grouped.group(4);
    }
    return switch (style) {
      case POINT -> MISREAD_COMMA.matcher(text).replaceFirst("$1.$2$3");
      case COMMA -> dayAndMonth(text) ? text : MISREAD_POINT.matcher(text).replaceFirst("$1,$2$3");
      case AUTO -> text;
    };
  }

  /** {@code 04.12} on a day-first bill is more likely the 4th of December than 4,12. */
  private static boolean dayAndMonth(String text) {
    String[] parts = text.split("\\.");
    return parts.length == 2 && parts[0].matches("\\d{1,2}") && parts[1].matches("\\d{2}")
        && between(Integer.parseInt(parts[0]), 1, 31) && between(Integer.parseInt(parts[1]), 1, 12);
  }

  private static boolean between(int value, int low, int high) {
    return value >= low && value <= high;
  }

  private static boolean hasDigit(String text) {
    return text.chars().anyMatch(Character::isDigit);
  }
}

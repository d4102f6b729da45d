package io.nectar.parsing.layouts;

import io.nectar.parsing.normal.Amounts;
import io.nectar.parsing.normal.DecimalStyle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A charge line read without its template's row pattern: the words up to the first figure as the description,
 * the line's last figure as the amount. For an OCR'd table line whose middle columns OCR garbled
 * ({@code Customer charge (31 days) Sek 1.9726 61.15}) the amount is usually still plain; only the total
 * check ({@link TotalCheck}) decides whether such a reading is taken.
 */
final class LooseRow {
  /** A figure with cents, signs and symbols around it: {@code 61.15}, {@code -$1,234.56}, {@code (12,00)}. */
  private static final Pattern MONEY =
      Pattern.compile("^[-~(]?[$€£]?[-~]?\\d{1,3}(?:[.,' ]?\\d{3})*[.,]\\d{2}\\)?-?$");
  /** The same figure with its decimal point lost: {@code 123456} for {@code 1,234.56}. */
  private static final Pattern NO_POINT = Pattern.compile("^[-~(]?[$€£]?[-~]?\\d{3,}\\)?-?$");
  private static final Pattern CENTS = Pattern.compile("^\\d{2}\\)?-?$");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  /** Marks OCR glues to a figure's ends: {@code 592,45€.}, {@code =38,12}, {@code -96.83:}. */
  private static final Pattern TRAILING = Pattern.compile("(?<=\\d)[€$£.,:;'\"`_|]+$");
  private static final Pattern LEADING = Pattern.compile("^[=+_'\"`*:;.,]+(?=[-~($€£\\d])");
  private static final Pattern SLASH_POINT = Pattern.compile("(?<=\\d)[/:-](\\d{2}\\)?)$");

  /** One way to read the line's amount, and what it assumed OCR lost. */
  record Amount(BigDecimal value, Recovery recovery) {}

  /** How much the reading assumed about what OCR lost. */
  enum Recovery {
    /** The figure as printed. */
    NONE,
    /** A decimal separator OCR dropped, put back before the last two digits. */
    DECIMAL_POINT,
    /** Letters OCR gave for digits ({@code T,24} for {@code 7,24}), or a slash, colon or dash for the separator. */
    CHARACTERS
  }

  /**
   * The word with each letter OCR gives for a digit turned into that digit, and a slash, colon or dash between digits
   * before the last two into a point ({@code 112/04}, {@code 1012-57}). Only a word that holds digits already is changed.
   */
  static String lookAlikeDigits(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      out.append(switch (c) {
        case 'O', 'o', 'D', 'Q' -> '0';
        case 'l', 'I', 'i', '|', '!' -> '1';
        case 'T' -> '7';
        case 'S', 's' -> '5';
        case 'B' -> '8';
        case 'Z', 'z' -> '2';
        case 'G', 'b' -> '6';
        case 'g' -> '9';
        default -> c;
      });
    }
    return SLASH_POINT.matcher(out.toString()).replaceFirst(".$1");
  }

  private LooseRow() {}

  /** The description: the words before the first one holding a digit (a parenthesised count stays). */
  static String description(String text) {
    List<String> out = new ArrayList<>();
    for (String word : text.strip().split("\\s+")) {
      if (DIGIT.matcher(word).find() && !word.startsWith("(")) {
        break;
      }
      out.add(word);
    }
    return out.isEmpty() ? null : String.join(" ", out);
  }

  /**
   * The readings of the line's last figure (the words after it hold no digit: a currency sign or a speck):
   * as printed when it has cents, else with the decimal point put back when it is a bare run of digits or
   * its cents stand apart ({@code 1234 56}). Empty when the line ends in no figure.
   */
  static List<Amount> amounts(String text, DecimalStyle style) {
    String[] words = text.strip().split("\\s+");
    int last = words.length - 1;
    while (last >= 0 && !DIGIT.matcher(words[last]).find()) {
      last--;
    }
    if (last < 0) {
      return List.of();
    }
    String printed = TRAILING.matcher(LEADING.matcher(words[last]).replaceFirst("")).replaceFirst("");
    String word = printed.replace('~', '-');
    List<Amount> out = new ArrayList<>();
    if (MONEY.matcher(printed).matches()) {
      value(word, style).ifPresent(v -> out.add(new Amount(v, Recovery.NONE)));
      return out;
    }
    // 'T,24' or '5B69': a figure with a letter OCR gives for a digit, or a slash, colon or dash for the separator
    String digits = lookAlikeDigits(printed);
    if (!digits.equals(printed) && MONEY.matcher(digits).matches()) {
      value(digits.replace('~', '-'), style).ifPresent(v -> out.add(new Amount(v, Recovery.CHARACTERS)));
      return out;
    }
    if (!NO_POINT.matcher(printed).matches() && NO_POINT.matcher(digits).matches()) {
      word = digits.replace('~', '-');
    }
    if (NO_POINT.matcher(word).matches()) {
      value(word, style).ifPresent(v -> out.add(new Amount(v.movePointLeft(2), Recovery.DECIMAL_POINT)));
    } else if (last > 0 && CENTS.matcher(printed).matches() && words[last - 1].matches("[-~(]?[$€£]?\\d[\\d.,]*")) {
      String joined = words[last - 1].replace('~', '-').replaceAll("[.,]", "") + word;
      value(joined, style).ifPresent(v -> out.add(new Amount(v.movePointLeft(2), Recovery.DECIMAL_POINT)));
    }
    return out;
  }

  private static Optional<BigDecimal> value(String word, DecimalStyle style) {
    return Amounts.value(word, style);
  }
}

package io.nectar.parsing.generic;

import io.nectar.parsing.normal.Amounts;
import io.nectar.parsing.normal.DateOrder;
import io.nectar.parsing.normal.Dates;
import io.nectar.parsing.normal.DecimalStyle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds identifiers, dates, amounts and quantities inside printed text; values are read by the normalisers. */
final class Grammar {
  /** A date found in a text and where. */
  record FoundDate(LocalDate date, int start, int end) {}

  private static final String MONTH = "[A-Za-zÀ-ÿ]{3,10}\\.?";
  /**
   * A date starts after no figure or date separator, but a dash before it may join a range to its start, whether
   * the dash stands apart or is glued to either date ({@code 01.05.2024 -31.05.2024}, {@code 01.05.2024-31.05.2024}).
   */
  private static final Pattern DATE = Pattern.compile(
      "(?:(?<![\\d/.\\-])|(?<=(?:^|[\\s(]|\\d{4})[\\-–]))"
          + "(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})(?![\\d/])"
          + "|" + MONTH + "\\s*\\d{1,2}(?:st|nd|rd|th)?,?\\s*'?(?:\\d{4}|\\d{2})(?!\\d)"
          + "|\\d{1,2}\\.?\\s*(?:de\\s+)?" + MONTH + ",?\\s*(?:de\\s+)?(?:\\d{4}))");
  private static final Pattern PARTIAL = Pattern.compile("(?<![\\d/.\\-])(\\d{1,2})/(\\d{1,2})(?![\\d/])");
  /** An amount with exactly two decimals, as bills print money; credit marks kept for the normaliser. */
  static final Pattern MONEY = Pattern.compile(
      "^[-+(]?(?:R\\$|US\\$|[$€£])?\\s?[-+]?(?:\\d{1,3}(?:[,.' ]\\d{3})+|\\d*)[.,]\\d{2}\\)?-?(?:CR|cr)?$");
  private static final Pattern QUANTITY = Pattern.compile("^[-+]?(?:\\d{1,3}(?:[,. ]\\d{3})+|\\d+)(?:[.,]\\d+)?$");
  private static final Pattern ID_TOKEN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9\\-./]*$");

  private Grammar() {}

  static List<FoundDate> dates(String text, DateOrder order) {
    List<FoundDate> out = new ArrayList<>();
    Matcher m = DATE.matcher(ocrNumbers(text));
    while (m.find()) {
      String raw = m.group().replace("'", " ");
      Optional<LocalDate> d = Dates.parse(raw, order);
      if (d.isPresent() && d.get().getYear() > 1980 && d.get().getYear() < 2100) {
        out.add(new FoundDate(d.get(), m.start(), m.end()));
      }
    }
    return out;
  }

  /** Day and month without a year ({@code 06/09}), as read-date columns print them. */
  static List<MonthDay> partialDates(String text, DateOrder order) {
    List<MonthDay> out = new ArrayList<>();
    Matcher m = PARTIAL.matcher(ocrNumbers(text));
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      boolean dayFirst = order == DateOrder.DAY_FIRST ? b <= 12 : a > 12;
      int month = dayFirst ? b : a;
      int day = dayFirst ? a : b;
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
        try {
          out.add(MonthDay.of(month, day));
        } catch (RuntimeException e) {
          // not a date after all (31/02)
        }
      }
    }
    return out;
  }

  static boolean isMoney(String token) {
    String t = ocrMoney(token);
    return MONEY.matcher(t).matches() && t.chars().anyMatch(Character::isDigit);
  }

  static Optional<BigDecimal> money(String token, DecimalStyle style) {
    if (!isMoney(token)) {
      return Optional.empty();
    }
    String t = ocrMoney(token).replace(" ", "");
    return Amounts.parse(t, style).map(a -> a.value());
  }

  private static final Pattern OCR_MONEY = Pattern.compile(
      "^([-+(]?)([$S]?)([-+]?)([\\dOoIlSB][\\dOoIlSB.,']*)[.,]([\\dOoIlSB]{2})(\\)?-?(?:CR|cr)?)$");
  private static final Pattern TABLE_RULE = Pattern.compile("^[_|\\[\\]{}]+|[_|\\[\\]{}]+$");

  /**
   * A money token as OCR reads it, mended: table rules glued to it ({@code _20.58}, {@code 42.92]}) dropped, a
   * leading {@code S} read for {@code $}, the letters OCR confuses with digits (O o I l S B) taken as digits, and
   * the last separator before two final digits taken as the decimal point whatever the scanner made of it
   * ({@code 1,234,56} is 1234.56: bills print money with two decimals). Clean amounts pass unchanged.
   */
  static String ocrMoney(String token) {
    String t = TABLE_RULE.matcher(token).replaceAll("");
    Matcher m = OCR_MONEY.matcher(t);
    if (!m.matches() || m.group(4).chars().noneMatch(Character::isDigit)) {
      return t;
    }
    String digits = confusions(m.group(4));
    String cents = confusions(m.group(5));
    if (!digits.matches("\\d{1,3}([,.']\\d{3})*|\\d+") || !cents.matches("\\d{2}")) {
      return t;
    }
    String currency = m.group(2).isEmpty() ? "" : "$";
    return m.group(1) + currency + m.group(3) + digits.replaceAll("[.,']", "") + "." + cents + m.group(6);
  }

  private static String confusions(String s) {
    return s.replace('O', '0').replace('o', '0').replace('I', '1').replace('l', '1').replace('S', '5')
        .replace('B', '8');
  }

  /**
   * A plain quantity (meter reading, usage): digits with grouping, optional decimals; OCR's O and l read as digits.
   * Punctuation ending a sentence or a clause after it is not part of it ({@code delivered 196.5.}).
   */
  static Optional<BigDecimal> quantity(String token, DecimalStyle style) {
    String t = ocrDigits(token.replaceAll("[,;:).]+$", "").replaceAll("^\\(", ""));
    if (!QUANTITY.matcher(t).matches()) {
      return Optional.empty();
    }
    return Amounts.value(t, style);
  }

  private static final Pattern WORD = Pattern.compile("[^\\s]+");

  /**
   * Every mostly-digit word of a text with OCR's digit look-alikes read as digits ({@code l9/O6/2O19}); letters
   * are swapped one for one, so offsets into the text stay valid.
   */
  static String ocrNumbers(String text) {
    Matcher m = WORD.matcher(text);
    StringBuilder sb = new StringBuilder(text.length());
    int at = 0;
    while (m.find()) {
      sb.append(text, at, m.start()).append(ocrDigits(m.group()));
      at = m.end();
    }
    return sb.append(text.substring(at)).toString();
  }

  /** In a token that is mostly digits, the letters OCR confuses with digits are the digits. */
  static String ocrDigits(String token) {
    long digits = token.chars().filter(Character::isDigit).count();
    long alike = token.chars().filter(c -> Character.isDigit(c) || "OolI".indexOf(c) >= 0).count();
    long alnum = token.chars().filter(Character::isLetterOrDigit).count();
    if (digits * 2 < alnum || alike * 10 < alnum * 9L) {
      return token;
    }
    return token.replace('O', '0').replace('o', '0').replace('l', '1').replace('I', '1');
  }

  /**
   * An identifier at the start of {@code tokens}: account and meter numbers print as digit-heavy tokens, possibly
   * split by spaces or dashes ({@code 0014 67496-707935 9}); a word ends it.
   */
  static Optional<String> identifier(List<String> tokens, int minDigits) {
    List<String> taken = new ArrayList<>();
    for (String raw : tokens) {
      String t = raw.replaceAll("^[#:№]+", "").replaceAll("[,;:]+$", "");
      if (t.isEmpty()) {
        if (taken.isEmpty()) {
          continue;
        }
        break;
      }
      if (!ID_TOKEN.matcher(t).matches() || t.chars().noneMatch(Character::isDigit)) {
        break;
      }
      taken.add(ocrDigits(t));
      if (raw.endsWith(",") || raw.endsWith(";")) {
        break;
      }
    }
    String id = String.join(" ", taken);
    long digits = id.chars().filter(Character::isDigit).count();
    long letters = id.chars().filter(Character::isLetter).count();
    if (digits < minDigits || letters > digits || isMoney(id) || id.matches(".*\\d{1,2}/\\d{1,2}/\\d{2,4}.*")) {
      return Optional.empty();
    }
    return Optional.of(id);
  }
}

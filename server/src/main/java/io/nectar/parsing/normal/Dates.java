package io.nectar.parsing.normal;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads printed dates: numeric in either order ({@link DateOrder}), ISO, and month names in English, Portuguese,
 * Spanish, French and German, full or abbreviated; month-only forms ({@code MAR/2024}); and periods
 * ({@code 01/05/2024 - 02/04/2024}, {@code Jan 5 to Feb 4, 2024}).
 */
public final class Dates {
  private static final List<List<String>> MONTH_NAMES = List.of(
      List.of("january", "janeiro", "enero", "janvier", "januar", "janner"),
      List.of("february", "fevereiro", "febrero", "fevrier", "februar"),
      List.of("march", "marco", "marzo", "mars", "marz", "mrz"),
      List.of("april", "abril", "avril"),
      List.of("may", "maio", "mayo", "mai"),
      List.of("june", "junho", "junio", "juin", "juni"),
      List.of("july", "julho", "julio", "juillet", "juli"),
      List.of("august", "agosto", "aout"),
      List.of("september", "setembro", "septiembre", "setiembre", "septembre", "sept"),
      List.of("october", "outubro", "octubre", "octobre", "oktober"),
      List.of("november", "novembro", "noviembre", "novembre"),
      List.of("december", "dezembro", "diciembre", "decembre", "dezember"));
  /** Every unambiguous prefix of three letters or more of a month name, normalised (no accents, lower case). */
  private static final Map<String, Integer> MONTHS = months();
  private static final String MONTH = "(\\p{L}{3,10})\\.?";
  private static final String YEAR = "(\\d{4}|\\d{2})";
  private static final String ORD = "(?:st|nd|rd|th|º|°|er)?";
  private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})\\s?[/.\\-]\\s?(\\d{1,2})\\s?[/.\\-]\\s?" + YEAR);
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      MONTH + "[\\s\\-/]*(\\d{1,2})" + ORD + "\\s*[,.]?[\\s\\-/]*" + YEAR);
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(\\d{1,2})" + ORD + "[\\s.\\-/]*(?:de\\s+)?" + MONTH + "[\\s,.\\-/]*(?:de\\s+)?" + YEAR);
  private static final Pattern MONTH_YEAR = Pattern.compile(MONTH + "[\\s./\\-]*(?:de\\s+)?" + YEAR);
  private static final Pattern NUMERIC_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s?[/.\\-]\\s?(\\d{4})");
  private static final Pattern PARTIAL_NAMED = Pattern.compile(MONTH + "\\s*(\\d{1,2})" + ORD);
  private static final Pattern PARTIAL_DAY_NAMED = Pattern.compile(
      "(\\d{1,2})" + ORD + "[\\s.\\-/]*(?:de\\s+)?" + MONTH);
  private static final Pattern PARTIAL_NUMERIC = Pattern.compile("(\\d{1,2})\\s?[/.\\-]\\s?(\\d{1,2})");
  private static final Pattern RANGE_SEPARATOR = Pattern.compile(
      "\\s*(?:[-\u2013\u2014~]|\\bto\\b|\\bthrough\\b|\\bthru\\b|\\buntil\\b|\\ba\\b|\\bat[eé]\\b|\\bal\\b|\\bau\\b"
          + "|\\bbis\\b|\\bhasta\\b)\\s*",
      Pattern.CASE_INSENSITIVE);

  private Dates() {}

  /** The month a printed name or abbreviation means, in any of the five languages. */
  public static Optional<Integer> month(String name) {
    return Optional.ofNullable(MONTHS.get(plain(name)));
  }

  /** The date {@code raw} holds as a whole (surrounding punctuation and spaces ignored). */
  public static Optional<LocalDate> parse(String raw, DateOrder order) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = trim(raw);
    Matcher m = ISO.matcher(s);
    if (m.matches()) {
      return date(num(m.group(1)), num(m.group(2)), num(m.group(3)));
    }
    m = NUMERIC.matcher(s);
    if (m.matches()) {
      return numeric(num(m.group(1)), num(m.group(2)), year(m.group(3)), order);
    }
    m = MONTH_DAY_YEAR.matcher(s);
    if (m.matches() && month(m.group(1)).isPresent()) {
      return date(year(m.group(3)), month(m.group(1)).get(), num(m.group(2)));
    }
    m = DAY_MONTH_YEAR.matcher(s);
    if (m.matches() && month(m.group(2)).isPresent()) {
      return date(year(m.group(3)), month(m.group(2)).get(), num(m.group(1)));
    }
    return Optional.empty();
  }

  /** A month-only form: {@code MAR/2024}, {@code March 2024}, {@code março de 2024}, {@code 03/2024}. */
  public static Optional<YearMonth> parseMonth(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = trim(raw);
    Matcher m = MONTH_YEAR.matcher(s);
    if (m.matches() && month(m.group(1)).isPresent()) {
      return Optional.of(YearMonth.of(year(m.group(2)), month(m.group(1)).get()));
    }
    m = NUMERIC_MONTH_YEAR.matcher(s);
    if (m.matches() && num(m.group(1)) >= 1 && num(m.group(1)) <= 12) {
      return Optional.of(YearMonth.of(num(m.group(2)), num(m.group(1))));
    }
    return Optional.empty();
  }

  /**
   * A period printed as two dates: the first may omit its year ({@code Jan 5 to Feb 4, 2024}), taking the
   * second's (the year before when its month is later, as in {@code Dec 5 - Jan 4, 2024}).
   */
  public static Optional<DateRange> parseRange(String raw, DateOrder order) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = trim(raw);
    Matcher sep = RANGE_SEPARATOR.matcher(s);
    while (sep.find()) {
      String left = s.substring(0, sep.start());
      String right = s.substring(sep.end());
      if (left.isBlank() || right.isBlank()) {
        continue;
      }
      Optional<LocalDate> end = parse(right, order);
      if (end.isEmpty()) {
        continue;
      }
      Optional<LocalDate> start = parse(left, order).or(() -> partial(left, order).flatMap(md -> {
        LocalDate candidate = safe(end.get().getYear(), md);
        return Optional.ofNullable(candidate != null && candidate.isAfter(end.get())
            ? safe(end.get().getYear() - 1, md) : candidate);
      }));
      if (start.isPresent() && !start.get().isAfter(end.get())) {
        return Optional.of(new DateRange(start.get(), end.get()));
      }
    }
    return Optional.empty();
  }

  private static LocalDate safe(int year, MonthDay md) {
    return md.isValidYear(year) ? md.atYear(year) : null;
  }

  /** A day and month printed without a year: {@code 06/09}, {@code Jan 5}, {@code 5 de março}. */
  public static Optional<MonthDay> parseDayMonth(String raw, DateOrder order) {
    return raw == null ? Optional.empty() : partial(raw, order);
  }

  /**
   * A day and month without a year, placed in the latest year that keeps it on or before {@code reference}
   * (a reading date printed on a statement falls before the statement).
   */
  public static Optional<LocalDate> parseBefore(String raw, DateOrder order, LocalDate reference) {
    return parseDayMonth(raw, order).map(md -> {
      LocalDate same = safe(reference.getYear(), md);
      return same != null && !same.isAfter(reference) ? same : safe(reference.getYear() - 1, md);
    });
  }

  private static Optional<MonthDay> partial(String raw, DateOrder order) {
    String s = trim(raw);
    Matcher m = PARTIAL_NAMED.matcher(s);
    if (m.matches() && month(m.group(1)).isPresent()) {
      return monthDay(month(m.group(1)).get(), num(m.group(2)));
    }
    m = PARTIAL_DAY_NAMED.matcher(s);
    if (m.matches() && month(m.group(2)).isPresent()) {
      return monthDay(month(m.group(2)).get(), num(m.group(1)));
    }
    m = PARTIAL_NUMERIC.matcher(s);
    if (m.matches()) {
      int a = num(m.group(1));
      int b = num(m.group(2));
      boolean dayFirst = order == DateOrder.DAY_FIRST ? b <= 12 : a > 12;
      return dayFirst ? monthDay(b, a) : monthDay(a, b);
    }
    return Optional.empty();
  }

  private static Optional<MonthDay> monthDay(int month, int day) {
    try {
      return Optional.of(MonthDay.of(month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Numeric day and month: the hint decides unless one of them can only be a day. */
  private static Optional<LocalDate> numeric(int a, int b, int year, DateOrder order) {
    boolean dayFirst = order == DateOrder.DAY_FIRST ? b <= 12 : a > 12;
    return dayFirst ? date(year, b, a) : date(year, a, b);
  }

  private static Optional<LocalDate> date(int year, int month, int day) {
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Two-digit years: 00-69 are 2000s, 70-99 are 1900s. */
  private static int year(String digits) {
    int y = num(digits);
    return digits.length() == 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }

  private static String trim(String raw) {
    return raw.strip().replaceAll("\\s+", " ").replaceAll("^[\\s,;:.()\\[\\]]+|[\\s,;:()\\[\\]]+$", "");
  }

  static String plain(String word) {
    String n = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return n.toLowerCase(Locale.ROOT).replace(".", "").strip();
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> prefixes = new HashMap<>();
    Map<String, Integer> ambiguous = new HashMap<>();
    for (int i = 0; i < MONTH_NAMES.size(); i++) {
      for (String name : MONTH_NAMES.get(i)) {
        for (int len = 3; len <= name.length(); len++) {
          String p = name.substring(0, len);
          Integer before = prefixes.putIfAbsent(p, i + 1);
          if (before != null && before != i + 1) {
            ambiguous.put(p, 0);
          }
        }
      }
    }
    ambiguous.keySet().forEach(prefixes::remove);
    return Map.copyOf(prefixes);
  }
}

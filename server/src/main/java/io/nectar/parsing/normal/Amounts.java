package io.nectar.parsing.normal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads printed amounts exactly: grouping and decimal separators of either style, currency symbols and codes,
 * and the ways bills print a credit ({@code 12.00CR}, {@code (12.00)}, {@code -12.00}, {@code 12.00-}).
 */
public final class Amounts {
  /** Longest symbols first so {@code R$} wins over {@code $}. */
  private static final Map<String, String> SYMBOLS = Map.ofEntries(
      Map.entry("R$", "BRL"), Map.entry("US$", "USD"), Map.entry("CA$", "CAD"), Map.entry("C$", "CAD"),
      Map.entry("A$", "AUD"), Map.entry("AU$", "AUD"), Map.entry("NZ$", "NZD"), Map.entry("$", "USD"),
      Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("¥", "JPY"), Map.entry("₹", "INR"));
  /** Currencies whose bills mostly print a decimal comma: the hint AUTO leans to COMMA with them. */
  private static final java.util.Set<String> COMMA_CURRENCIES = java.util.Set.of("BRL", "EUR");
  private static final Pattern CODE = Pattern.compile(
      "\\b(USD|EUR|GBP|BRL|CAD|AUD|NZD|MXN|CHF|JPY|INR|ZAR)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern CREDIT_WORD = Pattern.compile(
      "(?<![A-Za-z])(CR|CREDIT)\\.?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d.,' \u00a0]*\\d|\\d");

  private Amounts() {}

  /** The amount in {@code raw}, separators judged per amount. */
  public static Optional<Amount> parse(String raw) {
    return parse(raw, DecimalStyle.AUTO);
  }

  public static Optional<BigDecimal> value(String raw, DecimalStyle style) {
    return parse(raw, style).map(Amount::value);
  }

  /**
   * The amount in {@code raw}; empty when it holds no number or more than currency, sign and credit marks.
   *
   * @param style the bill's decimal style; AUTO judges from the separators printed
   */
  public static Optional<Amount> parse(String raw, DecimalStyle style) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.strip().replace('\u2212', '-').replace('\u2013', '-');
    if (s.isEmpty()) {
      return Optional.empty();
    }
    boolean negative = false;
    String currency = null;
    Matcher credit = CREDIT_WORD.matcher(s);
    if (credit.find()) {
      negative = true;
      s = s.substring(0, credit.start()).strip();
    }
    if (s.startsWith("(") && s.endsWith(")")) {
      negative = true;
      s = s.substring(1, s.length() - 1).strip();
    }
    Matcher code = CODE.matcher(s);
    if (code.find()) {
      currency = code.group(1).toUpperCase(Locale.ROOT);
      s = (s.substring(0, code.start()) + s.substring(code.end())).strip();
    }
    for (String symbol : SYMBOLS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
      int at = s.indexOf(symbol);
      if (at >= 0) {
        currency = currency == null ? SYMBOLS.get(symbol) : currency;
        s = (s.substring(0, at) + s.substring(at + symbol.length())).strip();
        break;
      }
    }
    if (s.startsWith("(") && s.endsWith(")")) {
      negative = true;
      s = s.substring(1, s.length() - 1).strip();
    }
    if (s.startsWith("-")) {
      negative = true;
      s = s.substring(1).strip();
    } else if (s.startsWith("+")) {
      s = s.substring(1).strip();
    }
    if (s.endsWith("-")) {
      negative = true;
      s = s.substring(0, s.length() - 1).strip();
    }
    // a symbol may sit after the sign: "-$12.00"
    for (String symbol : SYMBOLS.keySet()) {
      if (s.startsWith(symbol)) {
        currency = currency == null ? SYMBOLS.get(symbol) : currency;
        s = s.substring(symbol.length()).strip();
        break;
      }
    }
    if (s.startsWith(".") || s.startsWith(",")) {
      s = "0" + s;
    }
    Matcher number = NUMBER.matcher(s);
    if (!number.matches()) {
      return Optional.empty();
    }
    DecimalStyle judged = style == DecimalStyle.AUTO && currency != null && COMMA_CURRENCIES.contains(currency)
        ? DecimalStyle.COMMA : style;
    Optional<BigDecimal> value = number(s, judged);
    boolean credit1 = negative;
    String cur = currency;
    return value.map(v -> new Amount(credit1 ? v.negate() : v, cur, raw.strip()));
  }

  /** A bare number with separators: {@code 1,234.56}, {@code 1.234,56}, {@code 1 234,56}, {@code 1'234.56}. */
  static Optional<BigDecimal> number(String digits, DecimalStyle style) {
    String s = digits.replace(" ", "").replace("\u00a0", "").replace("'", "");
    int lastDot = s.lastIndexOf('.');
    int lastComma = s.lastIndexOf(',');
    char decimal;
    if (lastDot >= 0 && lastComma >= 0) {
      decimal = lastDot > lastComma ? '.' : ',';
    } else if (lastDot < 0 && lastComma < 0) {
      decimal = 0;
    } else {
      char sep = lastDot >= 0 ? '.' : ',';
      int count = (int) s.chars().filter(c -> c == sep).count();
      int after = s.length() - s.lastIndexOf(sep) - 1;
      if (count > 1) {
        decimal = 0; // 1.234.567 or 1,234,567: grouping only
      } else if (after != 3) {
        decimal = sep; // 12.5, 12,50, 0.12345
      } else {
        // exactly three digits after one separator: the bill's style decides, else a point is decimal
        // (kWh readings like 1.234 are rarer than US thousands 1,234)
        decimal = switch (style) {
          case COMMA -> sep == ',' ? ',' : 0;
          case POINT, AUTO -> sep == '.' ? '.' : 0;
        };
      }
    }
    String plain;
    if (decimal == 0) {
      plain = s.replace(".", "").replace(",", "");
    } else {
      char group = decimal == '.' ? ',' : '.';
      String body = s.substring(0, s.lastIndexOf(decimal)).replace(String.valueOf(group), "");
      if (body.indexOf(decimal) >= 0) {
        return Optional.empty();
      }
      plain = body + "." + s.substring(s.lastIndexOf(decimal) + 1);
    }
    if (!plain.matches("\\d+(\\.\\d+)?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(plain));
  }
}

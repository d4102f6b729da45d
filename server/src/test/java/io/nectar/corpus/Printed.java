package io.nectar.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How bills print numbers and dates: US or European separators, credits three ways, several date forms. */
final class Printed {
  private static final DateTimeFormatter US_NUMERIC = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
  private static final DateTimeFormatter US_SHORT_MONTH = DateTimeFormatter.ofPattern("MMM dd, yyyy", Locale.US);
  private static final DateTimeFormatter US_LONG_MONTH = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
  private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);

  /** How an issuer prints a credit (a negative amount). */
  enum Credit { MINUS, CR_SUFFIX, PARENTHESES }

  /** How an issuer prints a date. */
  enum DateForm { US_NUMERIC, US_SHORT_MONTH, US_LONG_MONTH, DAY_FIRST_DOTS }

  private Printed() {}

  /** 1,234.56 with as many decimals as the value holds. */
  static String us(BigDecimal value) {
    return grouped(value, ',', '.');
  }

  /** 1.234,56 with as many decimals as the value holds. */
  static String european(BigDecimal value) {
    return grouped(value, '.', ',');
  }

  /** A US amount, with the issuer's way of marking credits. */
  static String usAmount(BigDecimal value, Credit credit) {
    String digits = us(value.abs());
    if (value.signum() >= 0) {
      return digits;
    }
    return switch (credit) {
      case MINUS -> "-" + digits;
      case CR_SUFFIX -> digits + " CR";
      case PARENTHESES -> "(" + digits + ")";
    };
  }

  static String date(LocalDate date, DateForm form) {
    return switch (form) {
      case US_NUMERIC -> US_NUMERIC.format(date);
      case US_SHORT_MONTH -> US_SHORT_MONTH.format(date);
      case US_LONG_MONTH -> US_LONG_MONTH.format(date);
      case DAY_FIRST_DOTS -> DAY_FIRST.format(date);
    };
  }

  /** Amounts are computed to the cent, half up, the way billing systems round each line. */
  static BigDecimal cents(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  private static String grouped(BigDecimal value, char grouping, char decimal) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator(grouping);
    symbols.setDecimalSeparator(decimal);
    symbols.setMinusSign('-');
    int scale = Math.max(0, value.scale());
    DecimalFormat format = new DecimalFormat("#,##0" + (scale > 0 ? "." + "0".repeat(scale) : ""), symbols);
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(value);
  }
}

package io.nectar.web.dashboard.data;

import io.nectar.insights.Figure;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the data pages write values: exact amounts with their digits grouped (never rounded through a
 * double), months and dates the same way everywhere, utility types as words.
 */
public final class Format {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'",
      Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Format() {}

  /** The amount with thousands grouped and every decimal it has, e.g. 12,345.678; "" for none. */
  public static String amount(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    format.setMinimumFractionDigits(Math.max(0, amount.scale()));
    format.setMaximumFractionDigits(Math.max(0, amount.scale()));
    format.setParseBigDecimal(true);
    return format.format(amount);
  }

  /** An amount of money with its currency code after it, e.g. "1,234.50 USD". */
  public static String money(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    return amount(amount) + (currency == null || currency.isBlank() ? "" : " " + currency);
  }

  public static String month(YearMonth month) {
    return month == null ? "" : MONTH.format(month);
  }

  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public static String period(LocalDate start, LocalDate end) {
    if (start == null && end == null) {
      return "";
    }
    return date(start) + " – " + date(end);
  }

  public static String instant(Instant instant) {
    return instant == null ? "" : INSTANT.format(instant);
  }

  /** A datasource type (or the cost-only groups of {@link Figure}) as a word: "Electricity". */
  public static String utility(String type) {
    if (type == null) {
      return "";
    }
    return switch (type) {
      case Figure.SEVERAL_UTILITIES -> "Bills of several utilities";
      case Figure.NO_UTILITY -> "Bills without usage";
      default -> type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT);
    };
  }

  /** A constant such as INCORRECT_PASSWORD or CREATE_CONNECTION in words: "Incorrect password". */
  public static String words(String constant) {
    if (constant == null || constant.isEmpty()) {
      return "";
    }
    String spaced = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}

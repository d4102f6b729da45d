package io.nectar.providers.sandbox;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * What the connection's country changes on a sandbox bill: currency, US customary or metric units,
 * the tax, the season (southern hemisphere summers fall in January) and the local hour used to
 * shape the daily load curve. Unknown countries get US dollars with metric units.
 *
 * @param usdToLocal rough exchange rate applied to the US tariff, so that amounts look local
 * @param utcOffsetHours standard-time offset; daylight saving is ignored, a sandbox meter keeps one clock
 */
record SandboxLocale(
    String country,
    String currency,
    BigDecimal usdToLocal,
    boolean usCustomaryUnits,
    boolean southernHemisphere,
    int utcOffsetHours,
    String taxName,
    BigDecimal taxRate) {

  private static final Set<String> EURO = Set.of("AT", "BE", "DE", "ES", "FI", "FR", "IE", "IT", "LU", "NL", "PT");

  static SandboxLocale of(String country) {
    String code = country == null ? "US" : country.trim().toUpperCase(Locale.ROOT);
    if (code.equals("US") || code.isEmpty()) {
      return new SandboxLocale("US", "USD", new BigDecimal("1.00"), true, false, -6, "State utility tax",
          new BigDecimal("0.0625"));
    }
    if (code.equals("CA")) {
      return new SandboxLocale(code, "CAD", new BigDecimal("1.36"), false, false, -5, "GST", new BigDecimal("0.05"));
    }
    if (code.equals("GB")) {
      return new SandboxLocale(code, "GBP", new BigDecimal("0.79"), false, false, 0, "VAT", new BigDecimal("0.20"));
    }
    if (EURO.contains(code)) {
      return new SandboxLocale(code, "EUR", new BigDecimal("0.92"), false, false, 1, "VAT", new BigDecimal("0.21"));
    }
    if (code.equals("AU")) {
      return new SandboxLocale(code, "AUD", new BigDecimal("1.52"), false, true, 10, "GST", new BigDecimal("0.10"));
    }
    if (code.equals("NZ")) {
      return new SandboxLocale(code, "NZD", new BigDecimal("1.65"), false, true, 12, "GST", new BigDecimal("0.15"));
    }
    return new SandboxLocale(code, "USD", new BigDecimal("1.00"), false, false, 0, "Sales tax",
        new BigDecimal("0.05"));
  }

  /** Month of the year as the weather sees it: July in Sydney behaves like January in Chicago. */
  int climateMonth(int monthValue) {
    return southernHemisphere ? (monthValue + 5) % 12 + 1 : monthValue;
  }
}

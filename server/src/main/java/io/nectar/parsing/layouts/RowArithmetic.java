package io.nectar.parsing.layouts;

import io.nectar.parsing.normal.Amounts;
import io.nectar.parsing.normal.DecimalStyle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A charge line's own arithmetic: most usage charges print the quantity and the rate beside the amount
 * ({@code Distribution Charge 436.968 therms @ $0.28652 125.20}, {@code 30,390 GAL @ 7.21/1000 219.11}). When OCR
 * garbles the amount ({@code 25:20)}, {@code 21947}), the quantity and rate it left readable can still confirm
 * what the amount must be. Used only to confirm a value the bill's total already points to, never to invent one.
 */
final class RowArithmetic {
  /** A figure on the line, with the divisor of a rate printed per hundred or per thousand ({@code 7.21/1000}). */
  private static final Pattern FIGURE = Pattern.compile("\\d[\\d.,]*\\d|\\d");
  private static final Pattern PER = Pattern.compile("^/(10+)\\b");

  private RowArithmetic() {}

  /**
   * Whether two figures printed on the line, a quantity and a rate (one of them with a fraction; neither 0 nor 1),
   * multiply to {@code amount} (a charge, above zero) at the cent, rounded half up or cut off as utilities do.
   */
  static boolean confirms(String text, BigDecimal amount, DecimalStyle style) {
    if (amount == null || amount.signum() <= 0) {
      return false; // a quantity times a rate is a charge, not a credit
    }
    BigDecimal target = amount;
    List<BigDecimal> figures = figures(text, style);
    for (int i = 0; i < figures.size(); i++) {
      for (int j = i + 1; j < figures.size(); j++) {
        BigDecimal a = figures.get(i);
        BigDecimal b = figures.get(j);
        if (!usable(a) || !usable(b) || (whole(a) && whole(b))) {
          continue;
        }
        BigDecimal product = a.multiply(b);
        if (product.setScale(2, RoundingMode.HALF_UP).compareTo(target) == 0
            || product.setScale(2, RoundingMode.DOWN).compareTo(target) == 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The figures printed on the line, in the bill's decimal style; a rate per hundred or thousand divided out. */
  static List<BigDecimal> figures(String text, DecimalStyle style) {
    List<BigDecimal> out = new ArrayList<>();
    Matcher m = FIGURE.matcher(text);
    while (m.find()) {
      Amounts.value(m.group(), style).ifPresent(v -> {
        Matcher per = PER.matcher(text.substring(m.end()));
        out.add(per.find() ? v.divide(new BigDecimal(per.group(1))) : v);
      });
    }
    return out;
  }

  private static boolean usable(BigDecimal v) {
    return v.signum() > 0 && v.compareTo(BigDecimal.ONE) != 0;
  }

  private static boolean whole(BigDecimal v) {
    return v.stripTrailingZeros().scale() <= 0;
  }
}

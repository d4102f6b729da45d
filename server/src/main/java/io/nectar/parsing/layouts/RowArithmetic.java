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
  private static final Pattern PERCENT = Pattern.compile("^\\s?%");

  private RowArithmetic() {}

  /**
   * Whether the line's own arithmetic gives {@code amount} at the cent (rounded half up or cut off, as utilities do):
   * two figures printed on it, a quantity and a rate (one of them with a fraction; neither 0 nor 1; a rate printed
   * negative for a discount), multiply to it; or a percentage printed on it ({@code Sales Tax 6%}) of the
   * charges above it does.
   *
   * @param above the sum of the charges read above the line, or null when there are none
   */
  static boolean confirms(String text, BigDecimal amount, DecimalStyle style, BigDecimal above) {
    if (amount == null || amount.signum() == 0) {
      return false;
    }
    List<Figure> figures = figures(text, style);
    for (int i = 0; i < figures.size(); i++) {
      Figure a = figures.get(i);
      if (a.percent() && above != null && above.signum() > 0 && gives(a.value().multiply(above), amount)) {
        return true;
      }
      for (int j = i + 1; j < figures.size(); j++) {
        Figure b = figures.get(j);
        if (!usable(a.value()) || !usable(b.value()) || (whole(a.value()) && whole(b.value()))) {
          continue;
        }
        if (gives(a.value().multiply(b.value()), amount)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean gives(BigDecimal product, BigDecimal amount) {
    return product.setScale(2, RoundingMode.HALF_UP).compareTo(amount) == 0
        || product.setScale(2, RoundingMode.DOWN).compareTo(amount) == 0;
  }

  /** A figure printed on the line: a percentage as its fraction ({@code 6%} is 0.06). */
  record Figure(BigDecimal value, boolean percent) {}

  /**
   * The figures printed on the line, in the bill's decimal style: a minus stuck to a figure kept, a rate per hundred
   * or thousand divided out, a percentage as its fraction.
   */
  static List<Figure> figures(String text, DecimalStyle style) {
    List<Figure> out = new ArrayList<>();
    Matcher m = FIGURE.matcher(text);
    while (m.find()) {
      boolean negative = m.start() > 0 && text.charAt(m.start() - 1) == '-'
          && (m.start() == 1 || Character.isWhitespace(text.charAt(m.start() - 2)) || text.charAt(m.start() - 2) == '$');
      String rest = text.substring(m.end());
      Amounts.value(m.group(), style).ifPresent(v -> {
        Matcher per = PER.matcher(rest);
        boolean percent = PERCENT.matcher(rest).find();
        BigDecimal value = per.find() ? v.divide(new BigDecimal(per.group(1)))
            : percent ? v.movePointLeft(2) : v;
        out.add(new Figure(negative ? value.negate() : value, percent));
      });
    }
    return out;
  }

  private static boolean usable(BigDecimal v) {
    return v.signum() != 0 && v.abs().compareTo(BigDecimal.ONE) != 0;
  }

  private static boolean whole(BigDecimal v) {
    return v.stripTrailingZeros().scale() <= 0;
  }
}

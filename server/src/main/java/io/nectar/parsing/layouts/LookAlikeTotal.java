package io.nectar.parsing.layouts;

import io.nectar.parsing.ExtractedBill.Charge;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scanned total that OCR misread by one digit ({@code 134.44} for {@code 734.44}), put right by the bill's own
 * line items. The corrected total is taken only when every one of these holds:
 * <ul>
 *   <li>the charge table was read whole, every line by its row pattern, and its amounts, summed to the cent, differ
 *       from the total read in exactly one digit, and that digit is one OCR takes for the other ({@code 1}/{@code 7},
 *       {@code 3}/{@code 8}, ...);</li>
 *   <li>no line item explains the same gap by one look-alike digit of its own: then the table, not the total, may be
 *       what OCR misread, and the check cannot tell which.</li>
 * </ul>
 * A total put right this way is a repair, not a reading: the caller keeps it below {@link io.nectar.parsing.Field#TRUSTED}
 * so the bill is flagged for review.
 */
final class LookAlikeTotal {
  /** Digits OCR reads for one another on scans (both ways round). */
  private static final Map<Character, String> DIGITS = Map.of(
      '0', "689", '1', "47", '2', "7", '3', "589", '4', "1",
      '5', "36", '6', "058", '7', "12", '8', "0369", '9', "038");

  private LookAlikeTotal() {}

  /**
   * The total the line items confirm, when the read total differs from their sum by one look-alike digit that no
   * line item's own look-alike digit explains; empty otherwise.
   */
  static Optional<BigDecimal> confirmed(BigDecimal total, List<Charge> charges) {
    if (total == null || charges.isEmpty() || charges.stream().anyMatch(c -> c.amount() == null)) {
      return Optional.empty();
    }
    BigDecimal sum = charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(total) == 0 || sum.signum() != total.signum() || !oneLookAlikeDigit(total, sum)) {
      return Optional.empty();
    }
    BigDecimal gap = sum.subtract(total);
    for (Charge c : charges) {
      // the same gap closed by one look-alike digit of this line instead: the line was misread, not the total
      if (oneLookAlikeDigit(c.amount(), c.amount().subtract(gap))) {
        return Optional.empty();
      }
    }
    return Optional.of(sum);
  }

  /** Whether the two amounts, printed to the cent, differ in one digit only, one OCR takes for the other. */
  static boolean oneLookAlikeDigit(BigDecimal read, BigDecimal other) {
    if (read.signum() != other.signum()) {
      return false;
    }
    String a = cents(read);
    String b = cents(other);
    if (a.isEmpty() || a.length() != b.length()) {
      return false;
    }
    int differing = -1;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        if (differing >= 0) {
          return false;
        }
        differing = i;
      }
    }
    return differing >= 0 && DIGITS.getOrDefault(a.charAt(differing), "").indexOf(b.charAt(differing)) >= 0;
  }

  /** The amount's digits to the cent ({@code 734.44} gives {@code 73444}); an amount finer than cents gives none. */
  private static String cents(BigDecimal amount) {
    BigDecimal abs = amount.abs().stripTrailingZeros();
    return abs.scale() > 2 ? "" : abs.setScale(2).unscaledValue().toString();
  }
}

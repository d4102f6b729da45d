package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.normal.DecimalStyle;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A charge line's quantity × rate confirming the amount OCR garbled. */
class RowArithmeticTest {
  @Test
  void aQuantityTimesARatePrintedOnTheLineConfirmsTheAmount() {
    assertThat(RowArithmetic.confirms("Distribution Charge 436.968 therms @ $0.28652 oie 25:20)",
        new BigDecimal("125.20"), DecimalStyle.POINT, null)).isTrue();
    // a rate per thousand gallons
    assertThat(RowArithmetic.confirms("WATER TIER 3 OVER 20,000 GAL 30,390 GAL @ 7.21/1000 21947",
        new BigDecimal("219.11"), DecimalStyle.POINT, null)).isTrue();
    // comma decimals
    assertThat(RowArithmetic.confirms("Arbeitspreis 4.127 kWh x 0,3120 € 1.2B7,62 €",
        new BigDecimal("1287.62"), DecimalStyle.COMMA, null)).isTrue();
  }

  @Test
  void aDiscountRateAndAPercentageOfTheChargesAboveConfirmTheirAmounts() {
    assertThat(RowArithmetic.confirms("Prompt Pay Discount 112.5 -0.10 -11.15", new BigDecimal("-11.25"),
        DecimalStyle.POINT, null)).isTrue();
    // 6% of 765.08 + 88.24
    assertThat(RowArithmetic.confirms("Sales Tax 6% 151.20", new BigDecimal("51.20"), DecimalStyle.POINT,
        new BigDecimal("853.32"))).isTrue();
    // the base printed on the line
    assertThat(RowArithmetic.confirms("Umsatzsteuer 19 % auf 1.141,74 € 2l6,93 €", new BigDecimal("216.93"),
        DecimalStyle.COMMA, null)).isTrue();
  }

  @Test
  void anAmountTheLinesArithmeticDoesNotGiveIsNotConfirmed() {
    assertThat(RowArithmetic.confirms("Distribution Charge 436.968 therms @ $0.28652 oie 25:20)",
        new BigDecimal("125.30"), DecimalStyle.POINT, null)).isFalse();
    // whole numbers alone (a tier number, a count) are no rate
    assertThat(RowArithmetic.confirms("WATER TIER 3 OVER 20 GAL 60.00", new BigDecimal("60.00"), DecimalStyle.POINT, null))
        .isFalse();
    assertThat(RowArithmetic.confirms("Credit 10 kWh @ 0.50 5.00", new BigDecimal("-5.00"), DecimalStyle.POINT, null))
        .isFalse();
    assertThat(RowArithmetic.confirms("Sales Tax 6% 151.20", new BigDecimal("51.20"), DecimalStyle.POINT,
        new BigDecimal("900.00"))).isFalse();
  }
}

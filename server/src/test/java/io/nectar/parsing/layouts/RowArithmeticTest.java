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
        new BigDecimal("125.20"), DecimalStyle.POINT)).isTrue();
    // a rate per thousand gallons
    assertThat(RowArithmetic.confirms("WATER TIER 3 OVER 20,000 GAL 30,390 GAL @ 7.21/1000 21947",
        new BigDecimal("219.11"), DecimalStyle.POINT)).isTrue();
    // comma decimals
    assertThat(RowArithmetic.confirms("Arbeitspreis 4.127 kWh x 0,3120 € 1.2B7,62 €",
        new BigDecimal("1287.62"), DecimalStyle.COMMA)).isTrue();
  }

  @Test
  void anAmountTheLinesArithmeticDoesNotGiveIsNotConfirmed() {
    assertThat(RowArithmetic.confirms("Distribution Charge 436.968 therms @ $0.28652 oie 25:20)",
        new BigDecimal("125.30"), DecimalStyle.POINT)).isFalse();
    // whole numbers alone (a tier number, a count) are no rate
    assertThat(RowArithmetic.confirms("WATER TIER 3 OVER 20 GAL 60.00", new BigDecimal("60.00"), DecimalStyle.POINT))
        .isFalse();
    assertThat(RowArithmetic.confirms("Credit 10 kWh @ 0.50 5.00", new BigDecimal("-5.00"), DecimalStyle.POINT))
        .isFalse();
  }
}

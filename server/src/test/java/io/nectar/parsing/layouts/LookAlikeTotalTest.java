package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.ExtractedBill.Charge;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scanned total misread by one look-alike digit, put right only when the line items alone can explain it. */
class LookAlikeTotalTest {
  @Test
  void aTotalOneLookAlikeDigitAwayFromTheLineItemsSumIsTheirSum() {
    assertThat(LookAlikeTotal.confirmed(new BigDecimal("134.44"), charges("512.30", "222.14")))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("734.44"));
  }

  @Test
  void aGapALineItemCouldExplainByItsOwnLookAlikeDigitIsLeftAlone() {
    // 700.00 may as well be a misread 100.00: the check cannot tell which figure OCR got wrong
    assertThat(LookAlikeTotal.confirmed(new BigDecimal("134.44"), charges("700.00", "34.44"))).isEmpty();
  }

  @Test
  void digitsOcrDoesNotConfuseOrMoreThanOneDigitAreNotRepaired() {
    assertThat(LookAlikeTotal.confirmed(new BigDecimal("434.44"), charges("512.30", "222.14"))).isEmpty();
    assertThat(LookAlikeTotal.confirmed(new BigDecimal("131.44"), charges("512.30", "222.14"))).isEmpty();
    assertThat(LookAlikeTotal.confirmed(new BigDecimal("734.44"), charges("512.30", "222.14"))).isEmpty();
  }

  private static List<Charge> charges(String... amounts) {
    return Arrays.stream(amounts)
        .map(a -> new Charge("line", null, null, null, new BigDecimal(a), null, null)).toList();
  }
}

package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.ExtractedBill.Charge;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LostMinusTest {
  @Test
  void theOneChargeTwiceTheExcessOverTheTotalIsTheCreditWhoseMinusOcrLost() {
    List<Charge> read = List.of(charge("150.24"), charge("1895.82"), charge("77.74"), charge("206.17"));
    BigDecimal total = new BigDecimal("2174.49"); // 150.24 + 1895.82 - 77.74 + 206.17

    assertThat(TemplateExtractor.lostMinus(read, total)).extracting(Charge::amount)
        .containsExactly(new BigDecimal("150.24"), new BigDecimal("1895.82"), new BigDecimal("-77.74"),
            new BigDecimal("206.17"));
  }

  @Test
  void chargesAreLeftAloneWhenTheyAddUpOrWhenTwoChargesCouldBeTheCredit() {
    List<Charge> adding = List.of(charge("10.00"), charge("5.00"));
    assertThat(TemplateExtractor.lostMinus(adding, new BigDecimal("15.00"))).isEqualTo(adding);

    List<Charge> ambiguous = List.of(charge("5.00"), charge("5.00"), charge("20.00"));
    assertThat(TemplateExtractor.lostMinus(ambiguous, new BigDecimal("20.00"))).isEqualTo(ambiguous);

    List<Charge> noFit = List.of(charge("10.00"), charge("7.00"));
    assertThat(TemplateExtractor.lostMinus(noFit, new BigDecimal("12.00"))).isEqualTo(noFit);
  }

  private static Charge charge(String amount) {
    return new Charge("charge", null, null, null, new BigDecimal(amount), null, null);
  }
}

package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.layouts.TotalCheck.Reading;
import io.nectar.parsing.normal.DecimalStyle;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scanned charge table put right with the printed total, and the loose reading of a garbled row. */
class TotalCheckTest {
  @Test
  void aGarbledRowIsTakenBackWhenItsAmountClosesTheGapToTheTotal() {
    List<List<Reading>> lines = List.of(
        List.of(Reading.asRead(null), new Reading(charge("61.15"), 1)), // the row pattern missed it
        List.of(Reading.asRead(charge("1053.84")), new Reading(null, 2)),
        List.of(Reading.asRead(charge("175.22")), new Reading(null, 2)));

    assertThat(TotalCheck.reconcile(lines, new BigDecimal("1290.21"))).hasValueSatisfying(
        c -> assertThat(c).extracting(Charge::amount).containsExactly(new BigDecimal("61.15"),
            new BigDecimal("1053.84"), new BigDecimal("175.22")));
  }

  @Test
  void aRowIsDroppedOrItsSignTurnedOnlyWhenThatAloneMeetsTheTotal() {
    List<List<Reading>> lines = List.of(
        List.of(Reading.asRead(charge("100.00")), new Reading(charge("-100.00"), 1), new Reading(null, 2)),
        List.of(Reading.asRead(charge("20.00")), new Reading(charge("-20.00"), 1), new Reading(null, 2)),
        List.of(Reading.asRead(charge("555.55")), new Reading(charge("-555.55"), 1), new Reading(null, 2)));

    // 100 - 20: one sign turned (cost 1) beats nothing else
    assertThat(TotalCheck.reconcile(lines, new BigDecimal("635.55"))).hasValueSatisfying(
        c -> assertThat(c).extracting(Charge::amount).containsExactly(new BigDecimal("100.00"),
            new BigDecimal("-20.00"), new BigDecimal("555.55")));
    // 120.00: the 555.55 row was no charge (a subtotal read as a row)
    assertThat(TotalCheck.reconcile(lines, new BigDecimal("120.00"))).hasValueSatisfying(
        c -> assertThat(c).extracting(Charge::amount).containsExactly(new BigDecimal("100.00"),
            new BigDecimal("20.00")));
  }

  @Test
  void theCheapestFixWinsButTwoEqualCheapFixesOrNoneLeaveTheTableAsRead() {
    List<List<Reading>> lines = List.of(
        List.of(Reading.asRead(charge("10.00"))),
        List.of(Reading.asRead(null), new Reading(charge("5.00"), 1)),
        List.of(Reading.asRead(null), new Reading(charge("3.00"), 1)),
        List.of(Reading.asRead(null), new Reading(charge("2.00"), 1)));

    // 15.00 = 10 + 5 (cost 1) or 10 + 3 + 2 (cost 2): the cheaper, alone, is taken
    assertThat(TotalCheck.reconcile(lines, new BigDecimal("15.00"))).hasValueSatisfying(
        c -> assertThat(c).extracting(Charge::amount).containsExactly(new BigDecimal("10.00"),
            new BigDecimal("5.00")));
    // 25.00 is out of reach; 10.00 is met already
    assertThat(TotalCheck.reconcile(lines, new BigDecimal("25.00"))).isEmpty();
    assertThat(TotalCheck.reconcile(lines, new BigDecimal("10.00"))).isEmpty();

    List<List<Reading>> tie = List.of(
        List.of(Reading.asRead(charge("10.00"))),
        List.of(Reading.asRead(null), new Reading(charge("5.00"), 1)),
        List.of(Reading.asRead(charge("4.00")), new Reading(charge("9.00"), 1)));
    // 19.00 = 10 + 5 + 4 or 10 + 9: both cost 1 and give different tables
    assertThat(TotalCheck.reconcile(tie, new BigDecimal("19.00"))).isEmpty();
  }

  @Test
  void aLooseRowReadsTheLastFigureAndPutsBackADroppedDecimalPoint() {
    assertThat(LooseRow.amounts("Customer charge (31 days) Sek 1.9726 61.15", DecimalStyle.POINT))
        .containsExactly(new LooseRow.Amount(new BigDecimal("61.15"), LooseRow.Recovery.NONE));
    assertThat(LooseRow.description("Customer charge (31 days) Sek 1.9726 61.15"))
        .isEqualTo("Customer charge (31 days) Sek");
    assertThat(LooseRow.amounts("Grundpreis 30 Tage x 0,4596 €/Tag 1.013,79 €", DecimalStyle.COMMA))
        .extracting(LooseRow.Amount::value).containsExactly(new BigDecimal("1013.79"));
    assertThat(LooseRow.amounts("Energy charge 123456", DecimalStyle.POINT))
        .containsExactly(new LooseRow.Amount(new BigDecimal("1234.56"), LooseRow.Recovery.DECIMAL_POINT));
    assertThat(LooseRow.amounts("Energy charge 1,234 56", DecimalStyle.POINT))
        .containsExactly(new LooseRow.Amount(new BigDecimal("1234.56"), LooseRow.Recovery.DECIMAL_POINT));
    assertThat(LooseRow.amounts("Meter charge (29 days) eer) i", DecimalStyle.POINT)).isEmpty();
    // marks glued to the figure, letters read for digits, a slash or dash for the separator
    assertThat(LooseRow.amounts("Netzentgelt 6.398 kWh 592,45€.", DecimalStyle.COMMA))
        .containsExactly(new LooseRow.Amount(new BigDecimal("592.45"), LooseRow.Recovery.NONE));
    assertThat(LooseRow.amounts("Discount 381.2 -0.10 + =38,12", DecimalStyle.COMMA))
        .extracting(LooseRow.Amount::value).containsExactly(new BigDecimal("38.12"));
    assertThat(LooseRow.amounts("Stromsteuer 353 kWh T,24€", DecimalStyle.COMMA))
        .containsExactly(new LooseRow.Amount(new BigDecimal("7.24"), LooseRow.Recovery.CHARACTERS));
    assertThat(LooseRow.amounts("State Sales Tax 6.25% 1012-57", DecimalStyle.POINT))
        .containsExactly(new LooseRow.Amount(new BigDecimal("1012.57"), LooseRow.Recovery.CHARACTERS));
    assertThat(LooseRow.amounts("Konzessionsabgabe 0,0132 €/kWh 5B69€ |", DecimalStyle.COMMA))
        .containsExactly(new LooseRow.Amount(new BigDecimal("58.69"), LooseRow.Recovery.DECIMAL_POINT));
  }

  private static Charge charge(String amount) {
    return new Charge("c", null, null, null, new BigDecimal(amount), null, null);
  }
}

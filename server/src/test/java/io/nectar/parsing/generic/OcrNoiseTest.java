package io.nectar.parsing.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.BillText;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.normal.DateOrder;
import io.nectar.parsing.normal.DecimalStyle;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text as tesseract reads scanned bills (seen on a real bill rendered at 200 dpi): table rules glued to amounts,
 * '$' read as 'S', look-alike letters inside figures, the wrong decimal separator. Clean text must read as before.
 */
class OcrNoiseTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "42.92]; 42.92", "_20.58; 20.58", "|116.12; 116.12", "S112.07; 112.07", "$1O2.5O; 102.50",
      "l,234.56; 1234.56", "1,234,56; 1234.56", "$B7.l2; 87.12", "112,07; 112.07", "-.38; -0.38",
      "10.00CR; -10.00", "$1,014.22; 1014.22"})
  void amountsWithOcrNoise(String printed, String value) {
    assertThat(Grammar.money(printed, DecimalStyle.POINT)).hasValueSatisfying(
        v -> assertThat(v).isEqualByComparingTo(value));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"SERVICE", "SOIL.", "Bl.OO.OO", "12.345", "06/09", "BIOS"})
  void wordsAndOtherFiguresAreNotMoney(String printed) {
    assertThat(Grammar.isMoney(printed)).isFalse();
  }

  @Test
  void datesWithLookAlikeLetters() {
    assertThat(Grammar.dates("Due l9/O6/2O19", DateOrder.US)).extracting(Grammar.FoundDate::date)
        .containsExactly(LocalDate.of(2019, 6, 19));
    assertThat(Grammar.dates("Apr l9 2O24 reading", DateOrder.US)).extracting(Grammar.FoundDate::date)
        .containsExactly(LocalDate.of(2024, 4, 19));
    assertThat(Grammar.partialDates("O6/O9   O9/l0", DateOrder.DAY_FIRST)).hasSize(2);
  }

  @Test
  void aScannedBillReadsLikeItsTextLayer() {
    BillText text = Bills.page(
        "AccountNumber: 77l2-OO91         Bill Date Apr 19 '24",
        "Due Date O5/O3/2O24",
        "Apr l9 2024 reading ACTUAL 1805 | Your Total Payments Since",
        "Mar 19 2O24 reading ACTUAL 1761   Last Bill. Thank You!        116. 12",
        "Minimum Charge                                      S12.40]",
        "First 45.0 therms @ $.9537                          42.92]",
        "45 therms x 0.45740 per therm                      _20.58",
        "Paperless Bill Credit                               -.38",
        "TOTAL CURRENT CHARGES                              S75.52");
    ExtractedBill bill = new GenericExtractor().extract(text, new GenericDetector().detect(text));
    assertThat(bill.accountNumber().value()).isEqualTo("7712-0091");
    assertThat(bill.dueDate().value()).isEqualTo(LocalDate.of(2024, 5, 3));
    assertThat(bill.periodStart().value()).isEqualTo(LocalDate.of(2024, 3, 19));
    assertThat(bill.periodEnd().value()).isEqualTo(LocalDate.of(2024, 4, 19));
    assertThat(bill.totalCharges().value()).isEqualByComparingTo("75.52");
    assertThat(bill.lineItems()).extracting(Charge::amount).containsExactly(new BigDecimal("12.40"),
        new BigDecimal("42.92"), new BigDecimal("20.58"), new BigDecimal("-0.38"));
  }

  @Test
  void labelsWithLookAlikeDigitsAndAnAmountThatLostItsPoint() {
    BillText text = Bills.page(
        "Acc0unt Number 4410-2231",
        "Energy charge                                    $40 00",
        "Delivery charge                                  $12 34",
        "T0tal Current Charges                            $52 34");
    ExtractedBill bill = new GenericExtractor().extract(text, new GenericDetector().detect(text));
    assertThat(bill.accountNumber().value()).isEqualTo("4410-2231");
    assertThat(bill.totalCharges().value()).isEqualByComparingTo("52.34");
    assertThat(bill.lineItems()).extracting(Charge::amount).containsExactly(new BigDecimal("40.00"),
        new BigDecimal("12.34"));
  }
}

package io.nectar.parsing.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.BillText;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.Charge;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** General rules of bills the extractor follows, each on a small made-up page. */
class GenericRulesTest {
  private final GenericDetector detector = new GenericDetector();
  private final GenericExtractor extractor = new GenericExtractor();

  private ExtractedBill read(BillText text) {
    return extractor.extract(text, detector.detect(text));
  }

  @Test
  void twoMeterReadRowsMakeThePeriodRatherThanANextReadDateBesideTheBillDate() {
    ExtractedBill bill = read(Bills.page(
        "Account Number      Next Meter Reading      Bill Date",
        "4410-2231           May 16 '24              Apr 19 '24",
        "Apr 19 2024 reading ACTUAL 1805            Your Total Payments Since",
        "Mar 19 2024 reading ACTUAL 1761            Last Bill. Thank You!        116.12",
        "Total therms used 45",
        "Total current charges                                                    112.07"));
    assertThat(bill.periodStart().value()).isEqualTo(LocalDate.of(2024, 3, 19));
    assertThat(bill.periodEnd().value()).isEqualTo(LocalDate.of(2024, 4, 19));
  }

  @Test
  void aZeroLineAtTheEdgeOfTheChargeRunIsNotACharge() {
    ExtractedBill bill = read(Bills.page(
        "Account Number 001-0000838-000",
        "ADJUSTMENTS                                       .00",
        "Water                                          209.90",
        "Meter fee                                        0.00",
        "Waste Water                                    134.95",
        "Recycling                                        0.00",
        "TOTAL NEW CHARGES                              344.85"));
    assertThat(bill.lineItems()).extracting(Charge::amount).containsExactly(
        new BigDecimal("209.90"), new BigDecimal("0.00"), new BigDecimal("134.95"));
  }

  @Test
  void aMeterLabelNeverTakesAReadingOrAFigureInUnits() {
    ExtractedBill bill = read(Bills.page(
        "Account Number 5120-33         METER # 13714552",
        "Service Period                 Meter         105380 kWh",
        "Data Center Schedule 748                         Meter Sp",
        "13714552   Jul 1, 2017   Aug 1, 2017    145750   156046      10,296 kwh",
        "Energy charge                                                   250.00",
        "Total current charges                                           250.00"));
    assertThat(bill.meters()).extracting(m -> m.meterNumber().value()).containsExactly("13714552");
  }

  @Test
  void meterReadingsIsAColumnOfReadingsNotOfMeterNumbers() {
    ExtractedBill bill = read(Bills.page(
        "Account Number 5120-33",
        "METER READINGS         Electric service",
        "145750   156046        Jul 1, 2017 to Aug 1, 2017",
        "Energy charge                                                   250.00",
        "Total current charges                                           250.00"));
    assertThat(bill.meters()).allSatisfy(m -> assertThat(m.meterNumber()).isNull());
  }

  @Test
  void usageIsTheWholeNotTheFigureOfOneTimeOfUseBand() {
    ExtractedBill bill = read(Bills.page(
        "Account Number 5120-33       Meter # AB03788685",
        "Off-Peak Usage of 31312.000 kWh                          1,493.27",
        "On-Peak Usage of 74068.000 kWh                           4,643.32",
        "System Usage Charge (105380.000 kWh)                       118.02",
        "Total current charges                                    6,254.61"));
    assertThat(bill.meters()).singleElement()
        .satisfies(m -> assertThat(m.usage().value()).isEqualByComparingTo("105380"));
  }

  @Test
  void aWrappedChargeKeepsItsAmountWhenASidebarSharesTheAmountsLine() {
    ExtractedBill bill = read(Bills.page(
        "Account Number 5120-33",
        "110 Efficiency Customer Svc (42,438 kWh x $0.00006)         2.55",
        "112 Customer Engagement Transformation Adjustment (42,438 kWh x",
        "$0.00006)                                                   2.55      Paying by check? When you pay",
        "136 Community Solar Cost Recovery                           2.55",
        "Subtotal - Adjusting Schedules                              7.65",
        "Total current charges                                       7.65"));
    assertThat(bill.lineItems()).extracting(Charge::amount).containsExactly(
        new BigDecimal("2.55"), new BigDecimal("2.55"), new BigDecimal("2.55"));
  }
}

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

  @Test
  void aDeliveryTicketsDayIsItsPeriodItsTankItsMeterAndTheDeliveredQuantityItsUsage() {
    ExtractedBill bill = read(Bills.page(
        "Propane delivery ticket",
        "Account No. 88213                  Tank Serial  TS40921",
        "Date Delivered 03/14/2024          Invoice Date 03/15/2024",
        "Meter Start 10250.3 gal   Meter End 10410.8 gal   Gallons delivered 160.5",
        "Propane 160.5 gal @ 2.899                                     465.29",
        "Hazmat fee                                                      9.95",
        "Total due                                                     475.24"));
    assertThat(bill.accountNumber().value()).isEqualTo("88213");
    assertThat(bill.periodStart().value()).isEqualTo(LocalDate.of(2024, 3, 14));
    assertThat(bill.periodEnd().value()).isEqualTo(LocalDate.of(2024, 3, 14));
    assertThat(bill.meters()).singleElement().satisfies(m -> {
      assertThat(m.meterNumber().value()).isEqualTo("TS40921");
      assertThat(m.usage().value()).isEqualByComparingTo("160.5");
    });
  }

  @Test
  void gasMeteredInVolumeIsBilledInTheEnergyTheBillsFactorsMakeOfIt() {
    ExtractedBill bill = read(Bills.page(
        "Erdgas Rechnung",
        "Kundennummer 4711 0815          Zahlernummer 9GA123456",
        "Abrechnungszeitraum 01.01.2024-31.01.2024",
        "Zahler      Stand alt   Stand neu   Menge",
        "9GA123456   10.230      10.480      250 m3",
        "250 m3 x Zustandszahl 0,9636 x Brennwert 11,214 = 2.701 kWh",
        "Arbeitspreis 2.701 kWh x 0,0950 EUR/kWh        256,60 EUR",
        "Grundpreis                                      12,00 EUR",
        "Gesamtbetrag                                   268,60 EUR"));
    assertThat(bill.periodStart().value()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(bill.periodEnd().value()).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(bill.meters()).singleElement().satisfies(m -> {
      assertThat(m.usage().value()).isEqualByComparingTo("2701");
      assertThat(m.usageUnits()).isEqualTo("kWh");
      assertThat(m.rawUsage()).isEqualByComparingTo("250");
    });
  }

  @Test
  void eachMetersSectionHeadingGivesItsRegistersTheirMeterAndMultiplier() {
    ExtractedBill bill = read(Bills.page(
        "Electric service        Account 7731-22",
        "Meter 5550001   Constant 40",
        "  Peak kWh       1,200     1,250      2,000 kWh",
        "Meter 5550002   Constant 1",
        "  Peak kWh         300       420        120 kWh",
        "Energy charge                                    212.00",
        "Customer charge                                   20.00",
        "Total current charges                            232.00"));
    assertThat(bill.meters()).extracting(m -> m.meterNumber().value() + " " + m.usage().value().toPlainString())
        .containsExactly("5550001 2000", "5550002 120");
  }
}

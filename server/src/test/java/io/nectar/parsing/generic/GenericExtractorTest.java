package io.nectar.parsing.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.BillText;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GenericExtractorTest {
  private final GenericDetector detector = new GenericDetector();
  private final GenericExtractor extractor = new GenericExtractor();

  private ExtractedBill read(BillText text) {
    return extractor.extract(text, detector.detect(text));
  }

  @Test
  void valuesBelowTheirLabelsAndTheChargeTableThatSumsToTheTotal() {
    ExtractedBill bill = read(Bills.page(
        "ACCOUNT NUMBER          BILLING DATE        DUE DATE",
        "001-0000838-000         06/25/2019          07/22/2019",
        "Service Period: 05/21/2019    To: 06/21/2019",
        "Meter # 5542600   Usage 15100 gallons",
        "PREVIOUS BALANCE                             1,014.22",
        "PAYMENTS                                    -1,014.22",
        "CURRENT ACTIVITY                               AMOUNT",
        "Water                                          209.90",
        "Waste Water                                    134.95",
        "Service credit                                  10.00 CR",
        "TOTAL NEW CHARGES                              334.85",
        "AMOUNT DUE                                     334.85"));
    assertThat(bill.accountNumber().value()).isEqualTo("001-0000838-000");
    assertThat(bill.dueDate().value()).isEqualTo(LocalDate.of(2019, 7, 22));
    assertThat(bill.statementDate().value()).isEqualTo(LocalDate.of(2019, 6, 25));
    assertThat(bill.periodStart().value()).isEqualTo(LocalDate.of(2019, 5, 21));
    assertThat(bill.periodEnd().value()).isEqualTo(LocalDate.of(2019, 6, 21));
    assertThat(bill.lineItems()).extracting(Charge::amount)
        .containsExactly(new BigDecimal("209.90"), new BigDecimal("134.95"), new BigDecimal("-10.00"));
    assertThat(bill.totalCharges().value()).isEqualByComparingTo("334.85");
    assertThat(bill.totalCharges().confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(bill.meters()).singleElement().satisfies(m -> {
      assertThat(m.meterNumber().value()).isEqualTo("5542600");
      assertThat(m.usage().value()).isEqualByComparingTo("15100");
    });
  }

  @Test
  void commaDecimalsDayFirstDatesAndReadDatesWithoutAYear() {
    ExtractedBill bill = read(Bills.page(
        "Nº DO CLIENTE        Vencimento        Valor a pagar (R$)",
        "12345678911          25/10/2023        418,02",
        "Data de emissão: 09/10/2023",
        "Datas de Leitura",
        "Anterior    Atual",
        "06/09       09/10",
        "Itens da Fatura              Unid.   Quant.   Valor (R$)",
        "Energia Elétrica             kWh     374      356,23",
        "Contrib Ilum Publica Municipal                 61,79",
        "TOTAL                                          418,02",
        "Medição        Leitura Anterior  Leitura Atual  Constante  Consumo kWh",
        "AMJ111112522   11.994            12.368         1          374"));
    assertThat(bill.accountNumber().value()).isEqualTo("12345678911");
    assertThat(bill.dueDate().value()).isEqualTo(LocalDate.of(2023, 10, 25));
    assertThat(bill.periodStart().value()).isEqualTo(LocalDate.of(2023, 9, 6));
    assertThat(bill.periodEnd().value()).isEqualTo(LocalDate.of(2023, 10, 9));
    assertThat(bill.totalCharges().value()).isEqualByComparingTo("418.02");
    assertThat(bill.lineItems()).extracting(Charge::amount)
        .containsExactly(new BigDecimal("356.23"), new BigDecimal("61.79"));
    assertThat(bill.currency().value()).isEqualTo("BRL");
  }

  @Test
  void everyCheckedReadRowIsAMeterAndTheSubtotalIsNotALine() {
    ExtractedBill bill = read(Bills.page(
        "ACCOUNT NUMBER: 5120-33   DUE DATE: Sep 5, 2024",
        "METER NUMBER  FROM           TO             PREVIOUS  CURRENT  MULTIPLIER  USAGE",
        "A1001         Jul 1, 2024    Aug 1, 2024    1200      1450     10          2,500 kwh",
        "B2002         Jul 1, 2024    Aug 1, 2024    300       340      1           40 kwh",
        "Energy charge A1001                                                 250.00",
        "Energy charge B2002                                                  4.00",
        "Electric subtotal                                                   254.00",
        "State tax                                                            12.70",
        "Total current charges                                               266.70"));
    assertThat(bill.meters()).extracting(m -> m.meterNumber().value()).containsExactly("A1001", "B2002");
    assertThat(bill.meters()).extracting(MeterUsage::usage).extracting(f -> f.value().toPlainString())
        .containsExactly("2500", "40");
    assertThat(bill.meters().get(0).usage().confidence()).isGreaterThan(0.9);
    assertThat(bill.meters().get(0).multiplier()).isEqualByComparingTo("10");
    assertThat(bill.periodStart().value()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(bill.lineItems()).extracting(Charge::amount).containsExactly(
        new BigDecimal("250.00"), new BigDecimal("4.00"), new BigDecimal("12.70"));
    assertThat(bill.lineItems().get(2).chargeType()).isEqualTo("TAX");
    assertThat(bill.totalCharges().value()).isEqualByComparingTo("266.70");
  }

  @Test
  void ocrNoiseInLabelsAndNumbers() {
    ExtractedBill bill = read(Bills.page(
        "ACCOUNTNUMBER 77l2-OO91",
        "METER#0070305l7",
        "Bill date Apr 19 '24",
        "Total current charges $112. 07",
        "Gas used 45 therms"));
    assertThat(bill.accountNumber().value()).isEqualTo("7712-0091");
    assertThat(bill.meters().get(0).meterNumber().value()).isEqualTo("007030517");
    assertThat(bill.statementDate().value()).isEqualTo(LocalDate.of(2024, 4, 19));
    assertThat(bill.totalCharges().value()).isEqualByComparingTo("112.07");
  }
}

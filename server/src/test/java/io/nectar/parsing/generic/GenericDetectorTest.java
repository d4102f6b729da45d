package io.nectar.parsing.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.Detection;
import org.junit.jupiter.api.Test;

class GenericDetectorTest {
  private final GenericDetector detector = new GenericDetector();

  @Test
  void anElectricityBillIsABillOfElectricity() {
    Detection d = detector.detect(Bills.page(
        "Riverside Power                         Account Number: 4410-2231-9",
        "Service address: 12 Elm St             Due date: 03/21/2024",
        "Billing period 01/15/2024 to 02/14/2024",
        "Meter # 99120   Usage 812 kWh",
        "Delivery charge                         41.20",
        "Amount due                              96.10"));
    assertThat(d.isBill()).isTrue();
    assertThat(d.datasourceType()).isEqualTo("ELECTRICITY");
  }

  @Test
  void aGasBillInThermsAndAWaterBillInGallonsAndAFuelDelivery() {
    assertThat(detector.detect(Bills.page(
        "Account number 77812  Amount due 64.00  Due date 05/01/2024",
        "Service period 03/01/2024 - 04/01/2024  Meter 55512",
        "Natural gas used 61 therms  Gas delivery charge 30.00")).datasourceType()).isEqualTo("GAS");
    assertThat(detector.detect(Bills.page(
        "Account number 55-1200  Amount due 84.00  Due date 05/01/2024",
        "Service period 03/01/2024 - 04/01/2024  Meter 1200",
        "Water usage 4,500 gallons   Sewer 22.00   Water 62.00")).datasourceType()).isEqualTo("WATER");
    assertThat(detector.detect(Bills.page(
        "Customer number 9912   Amount due 812.40   Due date 02/01/2024",
        "Heating oil delivered 01/12/2024   Tank 275",
        "Gallons delivered 210.4 gallons @ 3.861   Service period 12/01/2023 - 01/12/2024")).datasourceType())
        .isEqualTo("FUEL");
  }

  @Test
  void billsInOtherLanguagesAreBills() {
    Detection pt = detector.detect(Bills.page(
        "Nº DO CLIENTE 12345678   Vencimento 25/10/2023   Valor a pagar R$ 418,02",
        "Leitura anterior 06/09  Leitura atual 09/10  Consumo 374 kWh  Medidor AMJ1112",
        "Energia Elétrica  356,23   Tarifa"));
    assertThat(pt.isBill()).isTrue();
    assertThat(pt.datasourceType()).isEqualTo("ELECTRICITY");
    Detection fr = detector.detect(Bills.page(
        "Numéro de client 88123   Date d'échéance 12/03/2024   Montant à payer 72,40 €",
        "Période de consommation du 01/01/2024 au 31/01/2024   Compteur 551",
        "Consommation 310 kWh   Électricité   Tarif bleu"));
    assertThat(fr.isBill()).isTrue();
    assertThat(fr.datasourceType()).isEqualTo("ELECTRICITY");
  }

  @Test
  void aLetterABankStatementASoftwareInvoiceAndAMenuAreNotBills() {
    assertThat(detector.detect(Bills.page(
        "Dear Ms Smith,", "Thank you for your letter of 3 March about the account.",
        "We will reply by 20/03/2024.", "Sincerely, The Team")).isBill()).isFalse();
    assertThat(detector.detect(Bills.page(
        "Statement of account   Account number 0012-991", "Opening balance 1,200.00",
        "Deposits 300.00  Withdrawals 120.00", "Closing balance 1,380.00   Statement period 01/01/2024 - 01/31/2024"))
        .isBill()).isFalse();
    assertThat(detector.detect(Bills.page(
        "Invoice 2024-113  Customer number 8812  Due date 02/01/2024", "Software license, 12 seats, per user  480.00",
        "Cloud hosting subscription plan  120.00", "Amount due 600.00")).isBill()).isFalse();
    assertThat(detector.detect(Bills.page(
        "Menu", "Starters", "Soup of the day 6.50", "Desserts", "Tiramisu 7.00", "Beverages")).isBill()).isFalse();
  }
}

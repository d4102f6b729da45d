package io.nectar.providers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.meters.DatasourceType;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderMeter;
import io.nectar.providers.ProviderUsage;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bill PDF is a real, readable document that shows the same figures as the bill record. */
class SandboxBillPdfTest {
  private static final SandboxProvider SANDBOX = new SandboxProvider();
  private static final YearMonth MARCH = YearMonth.of(2025, 3);

  private static ProviderBill march(DatasourceType type, String country) {
    CollectionRequest request = SandboxRequests.request(SandboxRequests.CONNECTION, country, Set.of(type),
        SandboxRequests.TWO_YEARS_AGO, SandboxRequests.TODAY);
    return SANDBOX.billsFor(request, MARCH).get(0);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      return new PDFTextStripper().getText(document);
    }
  }

  @ParameterizedTest
  @EnumSource(value = DatasourceType.class, names = {"ELECTRICITY", "SOLAR", "WATER", "GAS", "FUEL"})
  void theBillPdfShowsAccountPeriodUsageChargesAndTotal(DatasourceType type) throws IOException {
    ProviderBill bill = march(type, "US");
    String text = text(bill.pdf());

    assertThat(text).contains("Nectar Sandbox Utility", bill.accountNumber(), "2025-03-01 to 2025-03-31",
        "Bill date 2025-03-31", "Due date 2025-04-21", "USD " + bill.totalCharges().toPlainString());
    ProviderUsage usage = bill.usage().get(0);
    assertThat(text).contains(usage.usage().toPlainString() + " " + usage.usageUnits());
    assertThat(text).contains(usage.meterKey());
    for (ProviderLineItem line : bill.lineItems()) {
      assertThat(text).contains(line.description(), line.rate().toPlainString(), line.totalCharge().toPlainString());
    }
    for (ProviderUsage.TimeOfUsePart part : usage.timeOfUse()) {
      assertThat(text).contains("(" + part.timeOfUse() + "): " + part.usage().toPlainString() + " kWh");
    }
    if (type == DatasourceType.ELECTRICITY) {
      assertThat(text).contains("Billed demand: " + bill.demand().get(0).demandUsage().toPlainString() + " kW");
    }
    assertThat(bill.fileName()).isEqualTo("nectar-sandbox-" + bill.accountNumber() + "-2025-03.pdf");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE", "GB", "AU", "JP"})
  void billsOutsideTheUsShowTheirCurrencyAndMetricUnits(String country) throws IOException {
    ProviderBill bill = march(DatasourceType.WATER, country);
    String text = text(bill.pdf());

    assertThat(text).contains(bill.chargesUnits() + " " + bill.totalCharges().toPlainString(), "cubic m");
  }

  @ParameterizedTest
  @EnumSource(value = DatasourceType.class, names = {"ELECTRICITY", "WATER"})
  void theSameBillRendersToTheSameBytes(DatasourceType type) {
    ProviderBill bill = march(type, "US");
    ProviderMeter meter = SandboxAccounts.plan(SandboxRequests.request(SandboxRequests.CONNECTION, "US", Set.of(type),
        SandboxRequests.TWO_YEARS_AGO, SandboxRequests.TODAY)).get(0).meter();

    assertThat(SandboxBillPdf.render(bill, meter)).isEqualTo(bill.pdf()).hasSizeLessThan(10_000);
    assertThat(new String(bill.pdf(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(List.of(bill.pdf().length)).allMatch(size -> size > 1_000);
  }
}

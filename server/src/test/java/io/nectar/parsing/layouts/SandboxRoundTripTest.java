package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.meters.DatasourceType;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.text.PdfTextReader;
import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderAccount;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderDemand;
import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderMeter;
import io.nectar.providers.ProviderUsage;
import io.nectar.providers.sandbox.SandboxProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sandbox bill PDF, rendered by the project's own sandbox, read back through the text reader and its template,
 * gives exactly the generator's figures.
 */
class SandboxRoundTripTest {
  private static final LayoutLibrary LIBRARY = new LayoutLibrary((Path) null);

  @ParameterizedTest
  @CsvSource({"ELECTRICITY,US", "GAS,US", "WATER,US", "SOLAR,US", "FUEL,US", "ELECTRICITY,DE", "GAS,GB",
      "WATER,AU", "FUEL,CA", "SOLAR,BR"})
  void everyUtilityReadsBackExactly(DatasourceType type, String country) throws Exception {
    CollectionRequest request = new CollectionRequest(UUID.nameUUIDFromBytes((type + country).getBytes()),
        "nectar-sandbox-username", "nectar-sandbox-password", country, List.of(UUID.randomUUID()), Set.of(type),
        LocalDate.of(2023, 11, 1), LocalDate.of(2024, 3, 3), 0, null);
    Collection collection = new SandboxProvider().collect(request);
    ProviderMeter meter = collection.accounts().stream().map(ProviderAccount::meters).flatMap(List::stream)
        .filter(m -> m.datasourceType() == type).findFirst().orElseThrow();
    for (ProviderBill bill : collection.bills()) {
      if (System.getProperty("dumpSandbox") != null) {
        Files.write(Path.of("/tmp/dump/sandbox-" + type + "-" + country + ".pdf"), bill.pdf());
      }
      BillText text = new PdfTextReader(ParseLimits.defaults()).read(bill.pdf(), Deadline.after(Duration.ofMinutes(1)));
      String layout = LIBRARY.match(text).orElseThrow();
      assertThat(layout).isEqualTo("sandbox-" + type.name().toLowerCase());
      ExtractedBill read = LIBRARY.extract(layout, text);
      assertSame(bill, meter, read);
    }
  }

  private static void assertSame(ProviderBill bill, ProviderMeter meter, ExtractedBill read) {
    assertThat(read.datasourceType().value()).isEqualTo(meter.datasourceType().name());
    assertThat(read.accountNumber().value()).isEqualTo(bill.accountNumber());
    assertThat(read.accountNumber().isTrusted()).isTrue();
    assertThat(read.utilityName().value()).isEqualTo(bill.utilityName());
    assertThat(read.periodStart().value()).isEqualTo(bill.startDate());
    assertThat(read.periodEnd().value()).isEqualTo(bill.endDate());
    assertThat(read.statementDate().value()).isEqualTo(bill.billDate());
    assertThat(read.dueDate().value()).isEqualTo(bill.dueDate());
    assertThat(read.currency().value()).isEqualTo(bill.chargesUnits());
    assertThat(read.totalCharges().value()).isEqualTo(bill.totalCharges());
    assertThat(read.taxCharges().value()).isEqualTo(bill.taxCharges());
    assertThat(read.serviceAddress().value()).isEqualTo(meter.address());

    ProviderUsage usage = bill.usage().get(0);
    MeterUsage m = read.meters().get(0);
    assertThat(m.meterNumber().value()).isEqualTo(meter.identifiers().get(0).value());
    assertThat(m.usage().value()).isEqualTo(usage.usage());
    assertThat(m.usageUnits()).isEqualTo(usage.usageUnits());
    assertThat(m.isEstimated()).isEqualTo(usage.isEstimated());
    assertThat(m.timeOfUse()).extracting(t -> t.band() + " " + t.usage() + " " + t.usageUnits())
        .containsExactlyElementsOf(usage.timeOfUse().stream()
            .map(t -> t.timeOfUse() + " " + t.usage() + " " + t.usageUnits()).toList());
    assertThat(m.demand()).extracting(d -> d.value() + " " + d.units())
        .containsExactlyElementsOf(bill.demand().stream()
            .map(d -> d.demandUsage() + " " + io.nectar.parsing.normal.Units.apiUnit(d.demandUsageUnits()).get())
            .toList());
    if (usage.netMeteringGeneratedKwh() != null) {
      assertThat(read.meters()).extracting(MeterUsage::register, u -> u.usage().value())
          .contains(org.assertj.core.groups.Tuple.tuple("GENERATION", usage.netMeteringGeneratedKwh()),
              org.assertj.core.groups.Tuple.tuple("IMPORT", usage.netMeteringGridImportKwh()),
              org.assertj.core.groups.Tuple.tuple("EXPORT", usage.netMeteringGridExportKwh()));
    }
    assertThat(read.lineItems()).hasSameSizeAs(bill.lineItems());
    for (int i = 0; i < bill.lineItems().size(); i++) {
      ProviderLineItem expected = bill.lineItems().get(i);
      ExtractedBill.Charge actual = read.lineItems().get(i);
      assertThat(actual.description()).isEqualTo(expected.description());
      assertThat(actual.amount()).isEqualTo(expected.totalCharge());
      assertThat(actual.quantity()).isEqualTo(expected.quantity());
      assertThat(actual.rate()).isEqualTo(expected.rate());
      assertThat(actual.quantityUnits()).isEqualTo(expected.quantityUnits());
    }
  }
}

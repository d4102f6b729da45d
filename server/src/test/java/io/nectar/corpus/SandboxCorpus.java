package io.nectar.corpus;

import io.nectar.corpus.BillTruth.LineItem;
import io.nectar.corpus.BillTruth.Usage;
import io.nectar.meters.DatasourceType;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderDemand;
import io.nectar.providers.ProviderUsage;
import io.nectar.providers.sandbox.SandboxProvider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The sandbox's own bills, rendered by the sandbox provider through its public API and labelled
 * from the same {@link ProviderBill} figures the API serves: the PDF a user uploads back must give
 * exactly these. US connections only, so units are the truth format's (kWh, therms, gal) or, for
 * water, kgal: the sandbox bills water in thousands of gallons and the round trip must give its figures.
 */
final class SandboxCorpus {
  static final List<DatasourceType> TYPES = List.of(DatasourceType.ELECTRICITY, DatasourceType.SOLAR,
      DatasourceType.WATER, DatasourceType.GAS, DatasourceType.FUEL);

  private SandboxCorpus() {}

  static String layout(DatasourceType type) {
    return "sandbox-" + type.name().toLowerCase(Locale.ROOT);
  }

  /** The {@code index}-th bill of one sandbox utility type: a random connection and month. */
  static GeneratedBill generate(DatasourceType type, SplittableRandom random, int index) {
    UUID connection = new UUID(random.nextLong(), random.nextLong());
    YearMonth month = YearMonth.of(2022, 1).plusMonths(random.nextInt(36));
    LocalDate today = month.plusMonths(1).atDay(2);
    CollectionRequest request = new CollectionRequest(connection, "nectar-sandbox-username",
        "nectar-sandbox-password", "US", List.of(new UUID(random.nextLong(), random.nextLong())), Set.of(type),
        month.atDay(1), today, 0, null);
    ProviderBill bill = new SandboxProvider().billsFor(request, month).get(0);
    String name = layout(type) + String.format("-%03d", index);
    return new GeneratedBill(name, bill.pdf(), truth(type, bill));
  }

  static BillTruth truth(DatasourceType type, ProviderBill bill) {
    List<Usage> usage = new ArrayList<>();
    for (ProviderUsage used : bill.usage()) {
      switch (used.usageUnits()) {
        case "thm (US)" -> usage.add(Usage.of(used.usage(), "therms"));
        case "gal (US)" -> usage.add(Usage.of(used.usage(), "gal"));
        case "kgal (US)" -> usage.add(Usage.of(used.usage(), "kgal"));
        default -> usage.add(Usage.of(used.usage(), used.usageUnits()));
      }
    }
    BigDecimal demand = bill.demand().size() == 1 ? bill.demand().get(0).demandUsage() : null;
    List<String> meters = bill.usage().stream().map(ProviderUsage::meterKey).distinct().toList();
    List<LineItem> lines = bill.lineItems().stream()
        .map(line -> new LineItem(line.description(), line.totalCharge())).toList();
    return new BillTruth(layout(type), type.name(), bill.accountNumber(), meters, bill.startDate(), bill.endDate(),
        bill.billDate(), bill.dueDate(), usage, List.of(), demand, bill.totalCharges(), bill.chargesUnits(), lines,
        "Sandbox bill " + bill.key() + ", truth from the provider's own figures"
            + (bill.demand().isEmpty() ? "" : "; billed demand " + describe(bill.demand().get(0))) + ".");
  }

  private static String describe(ProviderDemand demand) {
    return demand.demandUsage().toPlainString() + " " + demand.demandUsageUnits();
  }
}

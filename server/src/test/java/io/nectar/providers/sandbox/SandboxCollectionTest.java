package io.nectar.providers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.meters.DatasourceType;
import io.nectar.providers.Collection;
import io.nectar.providers.ProviderAccount;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderInterval;
import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderMeter;
import io.nectar.providers.ProviderUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks every bill and interval of a three-site, all-types, two-year sandbox collection, in US and
 * metric countries, for the arithmetic a client will rely on.
 */
class SandboxCollectionTest {
  private static final Map<String, Collection> COLLECTIONS = new ConcurrentHashMap<>();
  private static final SandboxProvider SANDBOX = new SandboxProvider();

  private static Collection collection(String country) {
    return COLLECTIONS.computeIfAbsent(country,
        c -> SANDBOX.collect(SandboxRequests.twoYears(SandboxRequests.CONNECTION, c)));
  }

  private static Map<String, ProviderMeter> metersByKey(Collection collection) {
    return collection.accounts().stream().flatMap(account -> account.meters().stream())
        .collect(Collectors.toMap(ProviderMeter::key, Function.identity()));
  }

  private static DatasourceType type(Collection collection, ProviderBill bill) {
    return metersByKey(collection).get(bill.usage().get(0).meterKey()).datasourceType();
  }

  @Test
  void threeSitesAndFiveTypesGiveFifteenAccountsWithTwentyFourBillsEach() {
    Collection collection = collection("US");

    assertThat(collection.accounts()).hasSize(15);
    assertThat(collection.accounts()).allSatisfy(account -> {
      assertThat(account.meters()).hasSize(1);
      ProviderMeter meter = account.meters().get(0);
      assertThat(meter.identifiers()).extracting(ProviderMeter.Identifier::name).containsExactly("METER", "ACCOUNT");
      assertThat(meter.identifiers().get(1).value()).isEqualTo(account.accountNumber());
      assertThat(meter.address()).isNotBlank();
      assertThat(meter.subtypes()).isNotEmpty();
    });
    assertThat(collection.accounts().stream().map(a -> a.meters().get(0).datasourceType()))
        .containsOnly(DatasourceType.ELECTRICITY, DatasourceType.SOLAR, DatasourceType.WATER, DatasourceType.GAS,
            DatasourceType.FUEL);
    assertThat(collection.accounts().stream().map(a -> a.meters().get(0).siteId()).distinct())
        .containsExactlyElementsOf(SandboxRequests.THREE_SITES);
    assertThat(collection.accounts().stream().map(ProviderAccount::accountNumber).distinct()).hasSize(15);
    assertThat(collection.bills()).hasSize(15 * 24);
    assertThat(collection.bills().stream().map(ProviderBill::key).distinct()).hasSize(15 * 24);
  }

  @ParameterizedTest
  @ValueSource(strings = {"US", "DE", "AU"})
  void everyBillsLinesSumExactlyToItsTotalAndEachLineIsQuantityTimesRate(String country) {
    for (ProviderBill bill : collection(country).bills()) {
      BigDecimal sum = bill.lineItems().stream().map(ProviderLineItem::totalCharge)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(sum).as(bill.key()).isEqualTo(bill.totalCharges());
      assertThat(bill.totalCharges().scale()).as(bill.key()).isEqualTo(2);
      assertThat(bill.totalCharges()).as(bill.key()).isPositive();
      BigDecimal taxes = bill.lineItems().stream().filter(line -> "TAX".equals(line.chargeType()))
          .map(ProviderLineItem::totalCharge).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(taxes).as(bill.key()).isEqualByComparingTo(bill.taxCharges()).isPositive();
      for (ProviderLineItem line : bill.lineItems()) {
        assertThat(line.totalCharge().scale()).as(line.description()).isEqualTo(2);
        assertThat(line.quantity().multiply(line.rate()).setScale(2, RoundingMode.HALF_UP))
            .as(bill.key() + " " + line.description()).isEqualTo(line.totalCharge());
        assertThat(line.billingPeriod()).isEqualTo("CURRENT");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"US", "DE", "AU"})
  void everyUnitIsALiteralOfTheApiList(String country) {
    Collection collection = collection(country);
    for (ProviderBill bill : collection.bills()) {
      assertThat(bill.usage()).extracting(ProviderUsage::usageUnits).allMatch(UsageUnits.ALL::contains);
      assertThat(bill.lineItems()).extracting(ProviderLineItem::quantityUnits).filteredOn(units -> units != null)
          .allMatch(UsageUnits.ALL::contains);
      bill.usage().forEach(usage -> assertThat(usage.timeOfUse()).extracting(ProviderUsage.TimeOfUsePart::usageUnits)
          .allMatch(UsageUnits.ALL::contains));
      assertThat(bill.demand()).allSatisfy(demand -> assertThat(demand.demandUsageUnits()).isEqualTo("kW"));
    }
    assertThat(collection.intervals()).extracting(ProviderInterval::usageUnits).containsOnly("kWh");
  }

  @Test
  void usSitesAreBilledInDollarsAndUsCustomaryUnitsOthersInLocalCurrencyAndMetricUnits() {
    assertThat(collection("US").bills()).extracting(ProviderBill::chargesUnits).containsOnly("USD");
    assertThat(collection("US").bills().stream().flatMap(b -> b.usage().stream()).map(ProviderUsage::usageUnits))
        .containsOnly("kWh", "kgal (US)", "thm (US)", "gal (US)");
    assertThat(collection("DE").bills()).extracting(ProviderBill::chargesUnits).containsOnly("EUR");
    assertThat(collection("DE").bills().stream().flatMap(b -> b.usage().stream()).map(ProviderUsage::usageUnits))
        .containsOnly("kWh", "cubic m", "L");
  }

  @ParameterizedTest
  @ValueSource(strings = {"US", "DE", "AU"})
  void billDatesAreTheLastDayOfContiguousMonthlyPeriods(String country) {
    Map<String, List<ProviderBill>> byAccount = collection(country).bills().stream()
        .collect(Collectors.groupingBy(ProviderBill::accountNumber));
    assertThat(byAccount).hasSize(15);
    byAccount.forEach((account, bills) -> {
      List<ProviderBill> sorted = new ArrayList<>(bills);
      sorted.sort(Comparator.comparing(ProviderBill::startDate));
      assertThat(sorted.get(0).startDate()).isEqualTo(SandboxRequests.TWO_YEARS_AGO);
      assertThat(sorted.get(sorted.size() - 1).endDate()).isEqualTo(YearMonth.of(2025, 5).atEndOfMonth());
      for (int i = 0; i < sorted.size(); i++) {
        ProviderBill bill = sorted.get(i);
        assertThat(bill.startDate().getDayOfMonth()).isEqualTo(1);
        assertThat(bill.endDate()).isEqualTo(YearMonth.from(bill.startDate()).atEndOfMonth());
        assertThat(bill.billDate()).isEqualTo(bill.endDate());
        assertThat(bill.dueDate()).isEqualTo(bill.billDate().plusDays(21));
        assertThat(bill.usage()).allSatisfy(usage -> {
          assertThat(usage.startDate()).isEqualTo(bill.startDate());
          assertThat(usage.endDate()).isEqualTo(bill.endDate());
        });
        assertThat(bill.key()).isEqualTo(account + "/" + YearMonth.from(bill.startDate()));
        assertThat(bill.fileName())
            .isEqualTo("nectar-sandbox-" + account + "-" + YearMonth.from(bill.startDate()) + ".pdf");
        if (i > 0) {
          assertThat(bill.startDate()).as("no gap or overlap in " + account)
              .isEqualTo(sorted.get(i - 1).endDate().plusDays(1));
        }
      }
    });
  }

  @Test
  void timeOfUsePartsSumToTheUsageAndTheEnergyLinesBillThem() {
    Collection collection = collection("US");
    List<ProviderBill> electricity = collection.bills().stream()
        .filter(bill -> type(collection, bill) == DatasourceType.ELECTRICITY).toList();
    assertThat(electricity).hasSize(3 * 24);
    for (ProviderBill bill : electricity) {
      ProviderUsage usage = bill.usage().get(0);
      assertThat(usage.timeOfUse()).extracting(ProviderUsage.TimeOfUsePart::timeOfUse)
          .containsExactly("PEAK", "OFF_PEAK");
      BigDecimal parts = usage.timeOfUse().stream().map(ProviderUsage.TimeOfUsePart::usage)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(parts).as(bill.key()).isEqualByComparingTo(usage.usage());
      assertThat(usage.timeOfUse().get(0).usage()).as("on-peak is a minority of a month's hours")
          .isLessThan(usage.timeOfUse().get(1).usage());
      Map<String, BigDecimal> byBand = bill.lineItems().stream().filter(line -> line.electricityTimeOfUse() != null)
          .collect(Collectors.toMap(ProviderLineItem::electricityTimeOfUse, ProviderLineItem::quantity));
      assertThat(byBand).containsEntry("PEAK", usage.timeOfUse().get(0).usage())
          .containsEntry("OFF_PEAK", usage.timeOfUse().get(1).usage());
      assertThat(bill.demand()).singleElement().satisfies(demand -> {
        assertThat(demand.demandType()).isEqualTo("PEAK");
        assertThat(bill.lineItems()).filteredOn(line -> Boolean.TRUE.equals(line.electricityIsDemand()))
            .singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(demand.demandUsage()));
      });
    }
  }

  @Test
  void solarUsageIsTheGenerationOfWhichOnlyPartIsExported() {
    Collection collection = collection("US");
    List<ProviderBill> solar = collection.bills().stream()
        .filter(bill -> type(collection, bill) == DatasourceType.SOLAR).toList();
    assertThat(solar).hasSize(3 * 24);
    for (ProviderBill bill : solar) {
      ProviderUsage usage = bill.usage().get(0);
      assertThat(usage.netMeteringGeneratedKwh()).as(bill.key()).isEqualTo(usage.usage());
      assertThat(usage.netMeteringGridExportKwh()).isPositive().isLessThan(usage.netMeteringGeneratedKwh());
      assertThat(usage.netMeteringGridImportKwh()).isPositive();
      assertThat(bill.lineItems()).extracting(ProviderLineItem::quantity)
          .contains(usage.netMeteringGridImportKwh(), usage.netMeteringGridExportKwh());
      assertThat(bill.lineItems()).filteredOn(line -> line.rate().signum() < 0).singleElement()
          .satisfies(credit -> assertThat(credit.quantity()).isEqualTo(usage.netMeteringGridExportKwh()));
    }
  }

  @Test
  void usageAndChargesHavePlausibleMonthlyMagnitudes() {
    Collection collection = collection("US");
    Map<DatasourceType, double[]> usageRange = Map.of(
        DatasourceType.ELECTRICITY, new double[] {15_000, 150_000},
        DatasourceType.SOLAR, new double[] {1_000, 30_000},
        DatasourceType.WATER, new double[] {10, 150},
        DatasourceType.GAS, new double[] {100, 7_000},
        DatasourceType.FUEL, new double[] {100, 2_000});
    Map<DatasourceType, double[]> chargesRange = Map.of(
        DatasourceType.ELECTRICITY, new double[] {2_000, 40_000},
        DatasourceType.SOLAR, new double[] {50, 5_000},
        DatasourceType.WATER, new double[] {200, 3_000},
        DatasourceType.GAS, new double[] {100, 10_000},
        DatasourceType.FUEL, new double[] {400, 10_000});
    Map<DatasourceType, Double> summerOverWinter = new HashMap<>();
    for (ProviderBill bill : collection.bills()) {
      DatasourceType type = type(collection, bill);
      double usage = bill.usage().get(0).usage().doubleValue();
      assertThat(usage).as(bill.key()).isBetween(usageRange.get(type)[0], usageRange.get(type)[1]);
      assertThat(bill.totalCharges().doubleValue()).as(bill.key())
          .isBetween(chargesRange.get(type)[0], chargesRange.get(type)[1]);
      if (type == DatasourceType.ELECTRICITY) {
        double averageKw = usage / (bill.endDate().getDayOfMonth() * 24.0);
        assertThat(bill.demand().get(0).demandUsage().doubleValue()).as(bill.key())
            .isBetween(1.2 * averageKw, 4 * averageKw);
      }
      int month = bill.startDate().getMonthValue();
      if (month == 7 || month == 1) {
        summerOverWinter.merge(type, month == 7 ? usage : 1 / usage, (a, b) -> a * b);
      }
    }
    // Over the same sites, July against January: cooling and sun up, heating down.
    assertThat(summerOverWinter.get(DatasourceType.ELECTRICITY)).isGreaterThan(1);
    assertThat(summerOverWinter.get(DatasourceType.SOLAR)).isGreaterThan(1);
    assertThat(summerOverWinter.get(DatasourceType.GAS)).isLessThan(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"US", "DE", "AU"})
  void hourlyReadingsCoverTheLastThirteenMonthsAndAddUpToEachBill(String country) {
    Collection collection = collection(country);
    Map<String, List<ProviderInterval>> byMeterAndMonth = collection.intervals().stream().collect(Collectors.groupingBy(
        interval -> interval.meterKey() + "/" + YearMonth.from(interval.start().atOffset(ZoneOffset.UTC))));
    assertThat(byMeterAndMonth).hasSize(6 * 13);
    List<ProviderBill> metered = collection.bills().stream()
        .filter(bill -> Set.of(DatasourceType.ELECTRICITY, DatasourceType.SOLAR).contains(type(collection, bill)))
        .toList();
    for (ProviderBill bill : metered) {
      ProviderUsage usage = bill.usage().get(0);
      List<ProviderInterval> hours = byMeterAndMonth.get(usage.meterKey() + "/" + YearMonth.from(bill.startDate()));
      if (bill.startDate().isBefore(YearMonth.of(2024, 5).atDay(1))) {
        assertThat(hours).as("no readings older than 13 months: " + bill.key()).isNull();
        continue;
      }
      Instant from = bill.startDate().atStartOfDay().toInstant(ZoneOffset.UTC);
      Instant until = bill.endDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      assertThat(hours).as(bill.key()).hasSize((int) Duration.between(from, until).toHours());
      for (int i = 0; i < hours.size(); i++) {
        ProviderInterval hour = hours.get(i);
        assertThat(hour.start()).isEqualTo(from.plus(Duration.ofHours(i)));
        assertThat(hour.end()).isEqualTo(hour.start().plus(Duration.ofHours(1)));
        assertThat(hour.usage().signum()).isNotNegative();
        assertThat(hour.quality()).isIn("ACTUAL", "ESTIMATED");
      }
      BigDecimal sum = hours.stream().map(ProviderInterval::usage).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(sum).as(bill.key()).isEqualByComparingTo(usage.usage());
      if (!bill.demand().isEmpty()) {
        BigDecimal highestHour = hours.stream().map(ProviderInterval::usage).max(Comparator.naturalOrder())
            .orElseThrow();
        assertThat(bill.demand().get(0).demandUsage()).isEqualTo(highestHour.setScale(1, RoundingMode.CEILING));
      }
    }
    assertThat(collection.intervals()).extracting(ProviderInterval::quality).contains("ESTIMATED");
  }

  @Test
  void theOnPeakPartIsExactlyTheOnPeakHoursAndSolarArraysAreIdleAtNight() {
    Collection collection = collection("US");
    ZoneOffset central = ZoneOffset.ofHours(-6); // US sandbox sites keep Central Standard Time
    Map<String, DatasourceType> types = metersByKey(collection).values().stream()
        .collect(Collectors.toMap(ProviderMeter::key, ProviderMeter::datasourceType));
    for (ProviderBill bill : collection.bills()) {
      ProviderUsage usage = bill.usage().get(0);
      List<ProviderInterval> hours = collection.intervals().stream()
          .filter(hour -> hour.meterKey().equals(usage.meterKey()))
          .filter(hour -> YearMonth.from(hour.start().atOffset(ZoneOffset.UTC)).equals(YearMonth.from(bill.startDate())))
          .toList();
      if (hours.isEmpty()) {
        continue;
      }
      if (types.get(usage.meterKey()) == DatasourceType.ELECTRICITY) {
        BigDecimal onPeak = hours.stream().filter(hour -> isOnPeak(hour.start().atOffset(central)))
            .map(ProviderInterval::usage).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(onPeak).as(bill.key()).isEqualByComparingTo(usage.timeOfUse().get(0).usage());
      } else {
        assertThat(hours).filteredOn(hour -> hour.start().atOffset(central).getHour() < 4).isNotEmpty()
            .allSatisfy(hour -> assertThat(hour.usage().signum()).as(bill.key()).isZero());
      }
    }
  }

  private static boolean isOnPeak(java.time.OffsetDateTime local) {
    return local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 12 && local.getHour() < 18;
  }
}

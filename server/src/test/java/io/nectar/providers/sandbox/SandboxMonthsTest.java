package io.nectar.providers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.meters.DatasourceType;
import io.nectar.providers.Collection;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderInterval;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which months are billed: from the start date's month through the last month over before today. */
class SandboxMonthsTest {
  private static final SandboxProvider SANDBOX = new SandboxProvider();

  @Test
  void aMidMonthStartBillsThatWholeMonth() {
    assertThat(SandboxProvider.billedMonths(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 6, 10)))
        .containsExactly(YearMonth.of(2024, 3), YearMonth.of(2024, 4), YearMonth.of(2024, 5));
  }

  @Test
  void onTheFirstOfTheMonthThePreviousMonthIsOver() {
    assertThat(SandboxProvider.billedMonths(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 1)))
        .containsExactly(YearMonth.of(2024, 3), YearMonth.of(2024, 4), YearMonth.of(2024, 5));
  }

  @Test
  void onTheLastDayOfTheMonthThatMonthIsNotOverYet() {
    assertThat(SandboxProvider.billedMonths(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 30)))
        .containsExactly(YearMonth.of(2024, 3), YearMonth.of(2024, 4), YearMonth.of(2024, 5));
  }

  @Test
  void theRangeCrossesTheYearEnd() {
    assertThat(SandboxProvider.billedMonths(LocalDate.of(2023, 11, 30), LocalDate.of(2024, 2, 1)))
        .containsExactly(YearMonth.of(2023, 11), YearMonth.of(2023, 12), YearMonth.of(2024, 1));
  }

  @Test
  void aStartInTheCurrentMonthOrLaterBillsNothingYet() {
    assertThat(SandboxProvider.billedMonths(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 10))).isEmpty();
    assertThat(SandboxProvider.billedMonths(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 6, 10))).isEmpty();
  }

  @Test
  void aConnectionStartingThisMonthHasAccountsButNoBillsYet() {
    Collection collection = SANDBOX.collect(SandboxRequests.request(SandboxRequests.CONNECTION, "US", Set.of(),
        LocalDate.of(2025, 6, 3), LocalDate.of(2025, 6, 18)));

    assertThat(collection.accounts()).hasSize(15);
    assertThat(collection.bills()).isEmpty();
    assertThat(collection.intervals()).isEmpty();
  }

  @Test
  void aShortHistoryHasReadingsForEveryBilledMonth() {
    Collection collection = SANDBOX.collect(SandboxRequests.request(SandboxRequests.CONNECTION, "US",
        Set.of(DatasourceType.ELECTRICITY), LocalDate.of(2025, 2, 20), LocalDate.of(2025, 6, 1)));

    assertThat(collection.bills()).hasSize(3 * 4).extracting(ProviderBill::startDate)
        .contains(LocalDate.of(2025, 2, 1)).doesNotContain(LocalDate.of(2025, 6, 1));
    assertThat(collection.intervals().stream().map(i -> YearMonth.from(i.start().atOffset(ZoneOffset.UTC))).distinct())
        .containsExactly(YearMonth.of(2025, 2), YearMonth.of(2025, 3), YearMonth.of(2025, 4), YearMonth.of(2025, 5));
  }

  @Test
  void aLongHistoryHasReadingsForItsLastThirteenMonthsOnly() {
    Collection collection = SANDBOX.collect(SandboxRequests.request(SandboxRequests.CONNECTION, "US",
        Set.of(DatasourceType.ELECTRICITY), LocalDate.of(2020, 1, 1), LocalDate.of(2025, 6, 1)));

    assertThat(collection.bills()).hasSize(3 * 65);
    assertThat(collection.intervals()).extracting(ProviderInterval::start)
        .allMatch(start -> !start.isBefore(LocalDate.of(2024, 5, 1).atStartOfDay().toInstant(ZoneOffset.UTC)))
        .allMatch(start -> start.isBefore(LocalDate.of(2025, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    assertThat(collection.intervals().stream().map(i -> YearMonth.from(i.start().atOffset(ZoneOffset.UTC))).distinct())
        .hasSize(13);
  }
}

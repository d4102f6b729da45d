package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.layouts.PeriodYear.End;
import io.nectar.parsing.layouts.PeriodYear.Repair;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A scanned period whose one end has a misread year digit. */
class PeriodYearTest {
  @Test
  void theEndWithAMisreadYearDigitTakesTheYearThatMakesThePeriodPlausible() {
    // 2623 could be 2023 as well as 2023 be 2623 (0 and 6 look alike): the statement date tells which
    assertThat(PeriodYear.repair(LocalDate.of(2623, 5, 1), LocalDate.of(2023, 5, 31), null)).isEmpty();
    assertThat(PeriodYear.repair(LocalDate.of(2623, 5, 1), LocalDate.of(2023, 5, 31), LocalDate.of(2023, 6, 5)))
        .contains(new Repair(End.START, LocalDate.of(2023, 5, 1)));
    assertThat(PeriodYear.repair(LocalDate.of(2024, 12, 3), LocalDate.of(2075, 1, 2), null)).isEmpty();
    assertThat(PeriodYear.repair(LocalDate.of(2024, 12, 3), LocalDate.of(2075, 1, 2), LocalDate.of(2025, 1, 9)))
        .contains(new Repair(End.END, LocalDate.of(2025, 1, 2)));
  }

  @Test
  void aPlausiblePeriodOrOneNoSingleLookAlikeDigitMendsIsLeftAsRead() {
    assertThat(PeriodYear.repair(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 31), null)).isEmpty();
    // 4 and 0 are not taken for one another
    assertThat(PeriodYear.repair(LocalDate.of(2423, 5, 1), LocalDate.of(2023, 5, 31), null)).isEmpty();
    // the month, not the year, is what is out of order: no year change can tell
    assertThat(PeriodYear.repair(LocalDate.of(2023, 6, 1), LocalDate.of(2023, 5, 31), null)).isEmpty();
  }
}

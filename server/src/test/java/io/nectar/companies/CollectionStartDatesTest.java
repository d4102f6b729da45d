package io.nectar.companies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.config.ConfigException;
import io.nectar.errors.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The bounds of a collection start date, at and just past each end. */
class CollectionStartDatesTest {
  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  /** Late on March 1 in UTC, already March 2 east of UTC+1. */
  private static final Instant NOW = Instant.parse("2025-03-01T23:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

  private final CollectionStartDates dates = new CollectionStartDates(EARLIEST, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void bothEndsAreIncluded() {
    assertThat(dates.problem(EARLIEST)).isEmpty();
    assertThat(dates.problem(TODAY)).isEmpty();
    assertThat(dates.problem(null)).as("absent: the default applies").isEmpty();
  }

  @Test
  void theDayBeforeTheEarliestDateIsRefusedNamingThatBound() {
    assertThat(dates.problem(EARLIEST.minusDays(1))).hasValueSatisfying(message ->
        assertThat(message).contains("on or after 2000-01-01").doesNotContain("future"));
    assertThat(dates.problem(LocalDate.of(1, 1, 1))).isPresent();
  }

  @Test
  void tomorrowIsRefusedNamingTodayInUtc() {
    assertThat(dates.problem(TODAY.plusDays(1))).hasValueSatisfying(message ->
        assertThat(message).contains("future", "2025-03-01", "UTC").doesNotContain("2000-01-01"));
  }

  @Test
  void todayIsTheDateInUtcWhateverTheClocksZone() {
    CollectionStartDates east = new CollectionStartDates(EARLIEST, Clock.fixed(NOW, ZoneId.of("Pacific/Kiritimati")));

    assertThat(east.problem(TODAY)).isEmpty();
    assertThat(east.problem(TODAY.plusDays(1))).isPresent();
  }

  @Test
  void aServiceRefusesAnOutOfBoundsDateAsInvalidUnderTheFieldItNames() {
    assertThatThrownBy(() -> dates.require("dataCollectionStartDate", TODAY.plusDays(1)))
        .isInstanceOfSatisfying(InvalidInput.class, e ->
            assertThat(e.errors()).containsOnlyKeys("dataCollectionStartDate"));
    dates.require("dataCollectionStartDate", TODAY);
  }

  @Test
  void aStoredDateBeforeTheEarliestIsCollectedFromTheEarliest() {
    assertThat(dates.collectableFrom(LocalDate.of(1900, 1, 1))).isEqualTo(EARLIEST);
    assertThat(dates.collectableFrom(EARLIEST)).isEqualTo(EARLIEST);
    assertThat(dates.collectableFrom(TODAY.plusYears(1))).isEqualTo(TODAY.plusYears(1));
  }

  @Test
  void anEarliestDateInTheFutureStopsStartUpNamingTheSetting() {
    assertThatThrownBy(() -> new CollectionStartDates(TODAY.plusDays(1), Clock.fixed(NOW, ZoneOffset.UTC)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("NECTAR_EARLIEST_COLLECTION_DATE: ");
    assertThat(new CollectionStartDates(TODAY, Clock.fixed(NOW, ZoneOffset.UTC)).earliest()).isEqualTo(TODAY);
  }
}

package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

  @Test
  void withinJavasRangeEveryOffsetGivesTheInstantOffsetDateTimeGives() {
    for (int minutes = -18 * 60; minutes <= 18 * 60; minutes += 7) {
      String text = "2026-11-01T08:00:00.250" + offset(minutes);

      assertThat(Rfc3339.instant(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
  }

  @ParameterizedTest
  @CsvSource({
      "2026-11-01T08:00:00+19:12, 2026-10-31T12:48:00Z",
      "2026-11-01T08:00:00-19:12, 2026-11-02T03:12:00Z",
      "2026-11-01T08:00:00+23:59, 2026-10-31T08:01:00Z",
      "2026-11-01T08:00:00-23:59, 2026-11-02T07:59:00Z",
      "2026-11-01T08:00:00-00:00, 2026-11-01T08:00:00Z",
      "2026-11-01t08:00:00z, 2026-11-01T08:00:00Z",
      "2026-11-01T08:00Z, 2026-11-01T08:00:00Z",
      "2026-12-31T23:30:00.123456789-18:30, 2027-01-01T18:00:00.123456789Z"})
  void anOffsetBeyondEighteenHoursIsAppliedExactly(String text, String expected) {
    assertThat(Rfc3339.instant(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-01T08:00:00+24:00", "2026-11-01T08:00:00-23:60", "2026-11-01T08:00:00+1912",
      "2026-11-01T08:00:00+19", "2026-11-01T08:00:00+05:30:15", "2026-11-01T08:00:00", "2026-11-01",
      "2026-02-30T08:00:00Z", "2026-11-01T24:00:00Z", "2026-11-01 08:00:00Z", "yesterday", "", "+19:12",
      "2026-11-01T08:00:00+19:12 ", "2026-11-01T08:00:00Z\n",
      // years java.time reads but RFC 3339 and the database do not hold
      "+999999999-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "12026-11-01T08:00:00Z"})
  void anythingElseIsADateTimeParseException(String text) {
    assertThatThrownBy(() -> Rfc3339.instant(text)).isInstanceOf(DateTimeParseException.class);
  }

  private static String offset(int minutes) {
    int abs = Math.abs(minutes);
    return (minutes < 0 ? "-" : "+") + String.format("%02d:%02d", abs / 60, abs % 60);
  }
}

package io.nectar.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code Retry-After}, which HTTP allows as whole seconds or as an HTTP date (RFC 9110
 * §10.2.3). A date in the past means "now". Not part of the public API.
 */
public final class RetryAfter {
  private RetryAfter() {
  }

  public static Optional<Duration> parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    if (text.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
      } catch (NumberFormatException e) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L)); // absurdly long: the cap applies
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Optional.of(Errors.clampToZero(Duration.between(clock.instant(), at.toInstant())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

package io.nectar.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date-times with their offset, as RFC 3339 writes them ({@code 2026-11-01T08:00:00Z},
 * {@code 2026-11-01T08:00:00+05:30}). RFC 3339 allows any offset from -23:59 to +23:59, but
 * {@link java.time.ZoneOffset} stops at ±18:00, so {@code OffsetDateTime.parse} refuses a valid
 * {@code +19:12}: the offset is read here and applied as a plain number of minutes.
 */
public final class Rfc3339 {
  /** {@code Z} or {@code ±hh:mm} at the end; RFC 3339 allows either letter case for {@code Z}. */
  private static final Pattern OFFSET = Pattern.compile("(?:[Zz]|([+-])([01]\\d|2[0-3]):([0-5]\\d))\\z");

  /** RFC 3339 years have four digits; java.time would take signed years the database cannot store. */
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}-");

  private Rfc3339() {}

  /**
   * The instant {@code text} names. The date and time are read as {@code OffsetDateTime.parse}
   * reads them (seconds and fractions optional); the offset must be {@code Z} or {@code ±hh:mm}
   * with hours 00–23 and minutes 00–59.
   *
   * @throws DateTimeParseException when {@code text} is not such a date-time
   */
  public static Instant instant(String text) {
    Matcher offset = OFFSET.matcher(text);
    if (!offset.find() || !YEAR.matcher(text).lookingAt()) {
      throw new DateTimeParseException("Not an RFC 3339 date-time with an offset", text, text.length());
    }
    String local = text.substring(0, offset.start());
    LocalDateTime dateTime = LocalDateTime.parse(local, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    long offsetSeconds = 0;
    if (offset.group(1) != null) {
      long minutes = Long.parseLong(offset.group(2)) * 60 + Long.parseLong(offset.group(3));
      offsetSeconds = (offset.group(1).equals("-") ? -minutes : minutes) * 60;
    }
    // The local time is that far ahead of UTC, so the instant is the local time read as UTC, less the offset.
    return dateTime.toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds);
  }
}

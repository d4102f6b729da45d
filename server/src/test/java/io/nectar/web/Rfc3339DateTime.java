package io.nectar.web;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code date-time} format as RFC 3339 section 5.6 defines it, for the validator that judges
 * the boundary cases. The validator's own check goes through {@code java.time}, which refuses the
 * offsets beyond ±18:00 that RFC 3339 allows (up to ±23:59), so it would call valid times invalid.
 */
final class Rfc3339DateTime implements Format {
  private static final Pattern SYNTAX = Pattern.compile(
      "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]+)?(?:[Zz]|[+-]([0-9]{2}):([0-9]{2}))");

  @Override
  public String getName() {
    return "date-time";
  }

  @Override
  public boolean matches(ExecutionContext context, String value) {
    Matcher m = SYNTAX.matcher(value);
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
    } catch (DateTimeException e) {
      return false;
    }
    // A leap second (:60) is allowed by RFC 3339; the offset's hours and minutes are any a clock shows.
    return number(m, 4) <= 23 && number(m, 5) <= 59 && number(m, 6) <= 60
        && (m.group(7) == null || number(m, 7) <= 23 && number(m, 8) <= 59);
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}

package io.nectar.companies;

import io.nectar.config.Config;
import io.nectar.config.ConfigException;
import io.nectar.errors.InvalidInput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code dataCollectionStartDate}s this server accepts, for a company (the default of its
 * connections) and for a connection: from the configured earliest date
 * ({@code NECTAR_EARLIEST_COLLECTION_DATE}) to today, both included. Every month of history is a
 * bill and a PDF per account, so an unbounded start let one tenant fill the disk (a sandbox
 * connection from 1900 wrote 61 MB of PDFs in 30 s). "Today" is the injected clock's date in UTC,
 * the zone every date of the API is in.
 */
public final class CollectionStartDates {

  private final LocalDate earliest;
  private final Clock clock;

  /**
   * @throws ConfigException when {@code earliest} is after today: every date would be refused, and
   *     the server is better stopped at start-up than refusing every connection
   */
  public CollectionStartDates(LocalDate earliest, Clock clock) {
    this.earliest = Objects.requireNonNull(earliest, "earliest");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (earliest.isAfter(today())) {
      throw new ConfigException(Config.EARLIEST_COLLECTION_DATE, "must not be in the future, got " + earliest);
    }
  }

  /** The first day that may be collected. */
  public LocalDate earliest() {
    return earliest;
  }

  /** Why {@code date} is out of bounds, naming the bound it crosses; empty when it is fine (or absent). */
  public Optional<String> problem(LocalDate date) {
    if (date == null) {
      return Optional.empty();
    }
    if (date.isBefore(earliest)) {
      return Optional.of("Ensure this date is on or after " + earliest
          + ", the earliest date this server collects from.");
    }
    LocalDate today = today();
    if (date.isAfter(today)) {
      return Optional.of("Ensure this date is not in the future: on or before " + today + " (today, UTC).");
    }
    return Optional.empty();
  }

  /** A 400 naming {@code field} when {@code date} is out of bounds. */
  public void require(String field, LocalDate date) {
    problem(date).ifPresent(message -> {
      throw InvalidInput.field(field, message);
    });
  }

  /**
   * {@code date}, moved up to the earliest date if it lies before it: for dates that were stored
   * before the bound existed, or under a lower one, so that collection never reaches further back.
   */
  public LocalDate collectableFrom(LocalDate date) {
    return date.isBefore(earliest) ? earliest : date;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Override
  public String toString() {
    return "CollectionStartDates[" + earliest + " to today]";
  }
}

package io.nectar.db;

import java.sql.Timestamp;
import java.time.Instant;

/** Reading result-set values that the JDBC types do not give in the form stores need. */
public final class Rows {
  private Rows() {}

  /** A {@code timestamptz} column as an instant; null stays null. */
  public static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}

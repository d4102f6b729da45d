package io.nectar.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A utility account found through a connection; its meters may serve several sites. */
public record Account(
    UUID id,
    UUID connectionId,
    UUID companyId,
    String accountNumber,
    TrackingStatus trackingStatus,
    String isDuplicated,
    LocalDate dataCollectionStartDate,
    boolean isCollectingInvoiceData,
    boolean isCollectingSmartMeterData,
    LocalDate lastServiceDate,
    Instant created,
    Instant updated) {

  /** The user's tracking intent; UNSET counts as tracked. */
  public enum TrackingStatus { ENABLED, DISABLED, UNSET }

  public boolean isTracked() {
    return trackingStatus != TrackingStatus.DISABLED;
  }
}

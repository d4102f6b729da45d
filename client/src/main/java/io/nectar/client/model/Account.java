package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A utility account found through a connection. Tracking it (or not) decides whether its bills and
 * usage are collected; {@code meters} are the ids of its meters.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Account(UUID id, List<UUID> meters, boolean isTracked, Boolean isDuplicated, String accountNumber,
    TrackingStatus trackingStatus, LocalDate dataCollectionStartDate, boolean isCollectingInvoiceData,
    boolean isCollectingSmartMeterData, List<DatasourceType> datasourceTypes, LocalDate lastServiceDate) {
  public Account {
    meters = Lists.copy(meters);
    datasourceTypes = Lists.copy(datasourceTypes);
  }
}

package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One interval reading (smart-meter data, BETA in Nectar's API) between two instants. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Interval(UUID id, Instant created, Instant updated, List<MeterIdentifier> identifiers, UUID account,
    Instant start, Instant end, BigDecimal usage, String usageUnits, String quality) {
  public Interval {
    identifiers = Lists.copy(identifiers);
  }
}

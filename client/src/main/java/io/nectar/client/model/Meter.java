package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * A meter at a site, under an account. The sub-type fields (gasType, waterType, ...) are plain
 * strings because their value lists are open-ended; each is null for other utility types.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Meter(UUID id, UUID site, List<MeterIdentifier> identifiers, DatasourceType datasourceType,
    UUID account, String address, String timeOfUse, String netMeteringType, String waterType, String meterHighLow,
    String gasType, String fuelType, String districtType, String districtMediumType, String wasteDescription,
    String refrigerantType, String wasteType, String wasteStream, boolean isTracked) {
  public Meter {
    identifiers = Lists.copy(identifiers);
  }
}

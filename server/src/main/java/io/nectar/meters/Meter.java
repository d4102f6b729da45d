package io.nectar.meters;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A physical meter at a site, usually found through a connection's account.
 *
 * @param subtypes the sub-type enums by API field name (timeOfUse, netMeteringType, waterType,
 *     meterHighLow, gasType, fuelType, districtType, districtMediumType, refrigerantType,
 *     wasteDescription); absent keys are null in the API
 */
public record Meter(
    UUID id,
    UUID companyId,
    UUID siteId,
    UUID connectionId,
    UUID accountId,
    String providerKey,
    DatasourceType datasourceType,
    String address,
    Map<String, String> subtypes,
    boolean isTracked,
    List<Identifier> identifiers,
    Instant created,
    Instant updated) {

  /** A meter identifier as on the bill, its value, and its normalised type (nectar-api.md §9.8). */
  public record Identifier(String rawName, String value, String name) {}

  /** The sub-type fields of the Meter object, in the API's order, with their columns. */
  public static final List<String> SUBTYPE_FIELDS = List.of("timeOfUse", "netMeteringType", "waterType",
      "meterHighLow", "gasType", "fuelType", "districtType", "districtMediumType", "wasteDescription",
      "refrigerantType");
}

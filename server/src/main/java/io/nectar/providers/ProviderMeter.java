package io.nectar.providers;

import io.nectar.meters.DatasourceType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A meter as the provider describes it.
 *
 * @param key stable key of the meter within the connection (e.g. its serial number); usage and
 *     intervals refer to it
 * @param siteId the connection site the meter serves
 * @param identifiers e.g. {@code [{rawName: "Meter Number", value: "013-774-6423", name: "METER"}]}
 * @param subtypes the meter's sub-type enums by API field name: {@code timeOfUse}, {@code gasType},
 *     {@code waterType}, {@code fuelType}, {@code netMeteringType}, …
 */
public record ProviderMeter(
    String key,
    UUID siteId,
    DatasourceType datasourceType,
    String address,
    List<Identifier> identifiers,
    Map<String, String> subtypes) {

  /** One meter identifier: as printed on the bill, its value, and its normalised type (nectar-api.md §9.8). */
  public record Identifier(String rawName, String value, String name) {}
}

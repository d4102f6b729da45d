package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A utility type (Nectar's {@code datasourceType}).
 * {@code UNKNOWN} stands for a value this SDK does not know yet, so a new value from the server
 * never breaks reading a response.
 */
public enum DatasourceType {
  ELECTRICITY,
  GAS,
  WATER,
  DISTRICT,
  WASTE,
  FUEL,
  MISC,
  REFRIGERANT,
  SOLAR,
  TELECOM,
  @JsonEnumDefaultValue
  UNKNOWN
}

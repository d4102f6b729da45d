package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Whether an account's data collection was switched on, off, or never decided.
 * {@code UNKNOWN} stands for a value this SDK does not know yet, so a new value from the server
 * never breaks reading a response.
 */
public enum TrackingStatus {
  ENABLED,
  DISABLED,
  UNSET,
  @JsonEnumDefaultValue
  UNKNOWN
}

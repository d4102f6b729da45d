package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The environment of the API key: sandbox data and production data are isolated like a payment API's test and live modes.
 * {@code UNKNOWN} stands for a value this SDK does not know yet, so a new value from the server
 * never breaks reading a response.
 */
public enum Environment {
  SANDBOX,
  PRODUCTION,
  @JsonEnumDefaultValue
  UNKNOWN
}

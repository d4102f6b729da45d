package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Which date a list's {@code startDate}/{@code endDate} compare with (the API's default is {@code BILL_DATE}).
 * {@code UNKNOWN} stands for a value this SDK does not know yet, so a new value from the server
 * never breaks reading a response.
 */
public enum DateType {
  USAGE_PERIOD,
  BILL_DATE,
  CREATED_DATE,
  UPDATED_DATE,
  @JsonEnumDefaultValue
  UNKNOWN
}

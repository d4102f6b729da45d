package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Where an upload job is. Every status but {@code PENDING} is final.
 * {@code UNKNOWN} stands for a value this SDK does not know yet, so a new value from the server
 * never breaks reading a response.
 */
public enum JobStatus {
  PENDING,
  COMPLETED,
  FAILED,
  TERMINATED,
  @JsonEnumDefaultValue
  UNKNOWN
}

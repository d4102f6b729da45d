package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Whether an invitation can still be used ({@code FULFILLED}: it reached its maximum uses).
 * {@code UNKNOWN} stands for a value this SDK does not know yet, so a new value from the server
 * never breaks reading a response.
 */
public enum InvitationStatus {
  ACTIVE,
  EXPIRED,
  REVOKED,
  FULFILLED,
  @JsonEnumDefaultValue
  UNKNOWN
}

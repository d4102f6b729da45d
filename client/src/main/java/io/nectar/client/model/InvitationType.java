package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What an invitation lets its recipient do: create a new connection, or fix an existing one.
 * {@code UNKNOWN} stands for a value this SDK does not know yet, so a new value from the server
 * never breaks reading a response.
 */
public enum InvitationType {
  CREATE_CONNECTION,
  EDIT_CONNECTION,
  @JsonEnumDefaultValue
  UNKNOWN
}

package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a utility connection. Nectar's reference spells wrong credentials
 * {@code PASSWORD_INCORRECT} and its guides {@code INCORRECT_PASSWORD}; both read as
 * {@link #INCORRECT_PASSWORD}, so code written against either server branches on one constant.
 * {@code UNKNOWN} stands for a status this SDK does not know yet.
 */
public enum ConnectionStatus {
  PENDING,
  UNDER_INVESTIGATION,
  CONNECTED,
  WEBSITE_DOWN,
  URL_INACCESSIBLE,
  NO_ACCOUNTS_FOUND,
  OTHER_ERROR,
  MFA_TOKEN_EXPIRED,
  @JsonAlias("PASSWORD_INCORRECT")
  INCORRECT_PASSWORD,
  NEW_PASSWORD_NEEDED,
  ADDITIONAL_CREDENTIALS_NEEDED,
  COMPANY_INACTIVE,
  @JsonEnumDefaultValue
  UNKNOWN
}

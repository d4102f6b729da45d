package io.nectar.providers;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a utility connection stands (CONTRACT §6). Wrong credentials are {@code INCORRECT_PASSWORD},
 * the spelling of Nectar's guides; {@code PASSWORD_INCORRECT} is accepted as its synonym in filters.
 */
public enum ConnectionStatus {
  PENDING, UNDER_INVESTIGATION, CONNECTED, WEBSITE_DOWN, URL_INACCESSIBLE, NO_ACCOUNTS_FOUND, OTHER_ERROR,
  MFA_TOKEN_EXPIRED, INCORRECT_PASSWORD, NEW_PASSWORD_NEEDED, ADDITIONAL_CREDENTIALS_NEEDED, COMPANY_INACTIVE;

  public static Optional<ConnectionStatus> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String name = raw.trim().toUpperCase(Locale.ROOT);
    if (name.equals("PASSWORD_INCORRECT")) {
      return Optional.of(INCORRECT_PASSWORD);
    }
    try {
      return Optional.of(valueOf(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

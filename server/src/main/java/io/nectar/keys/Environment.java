package io.nectar.keys;

import java.util.Locale;
import java.util.Optional;

/** Sandbox and production data are isolated from each other like a payment API's test and live modes. */
public enum Environment {
  SANDBOX("nk_test_"),
  PRODUCTION("nk_live_");

  private final String secretPrefix;

  Environment(String secretPrefix) {
    this.secretPrefix = secretPrefix;
  }

  String secretPrefix() {
    return secretPrefix;
  }

  /** Parses {@code sandbox} / {@code PRODUCTION} in any case. */
  public static Optional<Environment> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(raw.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

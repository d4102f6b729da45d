package io.nectar.meters;

import java.util.Locale;
import java.util.Optional;

/** Utility types, as the API reference's enum lists them (CONTRACT §6). */
public enum DatasourceType {
  ELECTRICITY, GAS, WATER, DISTRICT, WASTE, FUEL, MISC, REFRIGERANT, SOLAR, TELECOM;

  public static Optional<DatasourceType> parse(String raw) {
    try {
      return Optional.of(valueOf(raw.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}

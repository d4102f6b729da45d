package io.nectar.providers.sandbox;

import io.nectar.meters.DatasourceType;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderMeter;
import io.nectar.providers.ProviderMeter.Identifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides which accounts and meters a sandbox connection has: one account with one meter per site
 * and utility type, numbered the way each kind of utility numbers them.
 */
final class SandboxAccounts {
  /** The types the sandbox offers (CONTRACT §8), in the order their accounts are listed. */
  static final List<DatasourceType> OFFERED = List.of(DatasourceType.ELECTRICITY, DatasourceType.SOLAR,
      DatasourceType.WATER, DatasourceType.GAS, DatasourceType.FUEL);

  private static final String[] STREETS = {"Market St", "Harbor Blvd", "Industrial Pkwy", "Commerce Dr",
      "Lakeview Ave", "Mill Rd", "Grand Ave", "Riverside Dr", "Technology Way", "Elm St"};
  private static final String[] US_CITIES = {"Denver, CO 802", "Austin, TX 787", "Columbus, OH 432",
      "Sacramento, CA 958", "Raleigh, NC 276", "Madison, WI 537", "Phoenix, AZ 850", "Albany, NY 122"};

  private SandboxAccounts() {}

  static List<SandboxAccount> plan(CollectionRequest request) {
    SandboxLocale locale = SandboxLocale.of(request.country());
    List<DatasourceType> types = requestedTypes(request);
    // Numbers are random per connection; the set keeps them unique within it even on a collision.
    Set<String> taken = new HashSet<>();
    List<SandboxAccount> accounts = new ArrayList<>();
    for (int siteIndex = 0; siteIndex < request.siteIds().size(); siteIndex++) {
      UUID siteId = request.siteIds().get(siteIndex);
      SplittableRandom site = SandboxSeed.forSite(request.connectionId(), siteIndex);
      double siteScale = 0.6 + 1.2 * site.nextDouble();
      String address = address(site, locale);
      for (DatasourceType type : types) {
        SplittableRandom random = SandboxSeed.forAccount(request.connectionId(), siteIndex, type);
        String accountNumber = unique(taken, () -> accountNumber(type, random));
        String serial = unique(taken, () -> meterSerial(type, random));
        ProviderMeter meter = new ProviderMeter(serial, siteId, type, address, List.of(
            new Identifier(meterLabel(type), serial, "METER"),
            new Identifier("Account Number", accountNumber, "ACCOUNT")), subtypes(type));
        double equipmentScale = 0.8 + 0.4 * random.nextDouble();
        accounts.add(new SandboxAccount(request.connectionId(), siteIndex, type, accountNumber, meter, locale,
            siteScale, equipmentScale));
      }
    }
    return accounts;
  }

  static List<DatasourceType> requestedTypes(CollectionRequest request) {
    Set<DatasourceType> requested = request.datasourceTypes();
    if (requested == null || requested.isEmpty()) {
      return OFFERED;
    }
    return OFFERED.stream().filter(requested::contains).toList();
  }

  private static String unique(Set<String> taken, Supplier<String> next) {
    String value = next.get();
    while (!taken.add(value)) {
      value = next.get();
    }
    return value;
  }

  private static String accountNumber(DatasourceType type, SplittableRandom random) {
    return switch (type) {
      case ELECTRICITY -> String.format("%04d-%05d-%d", random.nextInt(1000, 10000), random.nextInt(100000),
          random.nextInt(10));
      case SOLAR -> String.format("NEM%08d", random.nextInt(10_000_000, 100_000_000));
      case WATER -> String.format("%06d-%06d", random.nextInt(100000, 1000000), random.nextInt(1000000));
      case GAS -> String.format("%d%09d", random.nextInt(1, 10), random.nextInt(1_000_000_000));
      default -> String.format("C%06d", random.nextInt(100000, 1000000));
    };
  }

  private static String meterSerial(DatasourceType type, SplittableRandom random) {
    return switch (type) {
      case ELECTRICITY -> String.format("%03d-%03d-%04d", random.nextInt(1000), random.nextInt(1000),
          random.nextInt(10000));
      case SOLAR -> String.format("PV-%07d", random.nextInt(10_000_000));
      case WATER -> String.format("%08d", random.nextInt(10_000_000, 100_000_000));
      case GAS -> String.format("G%07d", random.nextInt(10_000_000));
      default -> String.format("T-%05d", random.nextInt(100000));
    };
  }

  private static String meterLabel(DatasourceType type) {
    return switch (type) {
      case SOLAR -> "Generation Meter Number";
      case FUEL -> "Tank Number";
      default -> "Meter Number";
    };
  }

  /**
   * Sub-types by API field name (nectar-api.md §9.5). {@code TOTAL} and {@code DIESEL} are not among
   * the values the reference could read; they say "this meter's usage is the all-hours total" and
   * "diesel deliveries".
   */
  private static Map<String, String> subtypes(DatasourceType type) {
    Map<String, String> subtypes = new LinkedHashMap<>(); // ordered, so a serialised meter is byte-stable
    switch (type) {
      case ELECTRICITY -> {
        subtypes.put("timeOfUse", "TOTAL");
        subtypes.put("electricityType", "USAGE");
      }
      case SOLAR -> subtypes.put("netMeteringType", "EXPORT");
      case WATER -> subtypes.put("waterType", "POTABLE_WATER");
      case GAS -> subtypes.put("gasType", "NATURAL_GAS");
      default -> subtypes.put("fuelType", "DIESEL");
    }
    return Collections.unmodifiableMap(subtypes);
  }

  private static String address(SplittableRandom random, SandboxLocale locale) {
    String street = random.nextInt(100, 9900) + " " + STREETS[random.nextInt(STREETS.length)];
    if (locale.usCustomaryUnits()) {
      return street + ", " + US_CITIES[random.nextInt(US_CITIES.length)] + String.format("%02d", random.nextInt(100));
    }
    return street + ", Sandbox City, " + locale.country();
  }
}

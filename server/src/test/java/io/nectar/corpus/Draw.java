package io.nectar.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** Random but seeded ingredients of a bill: numbers, names, addresses, periods. */
final class Draw {
  private static final List<String> STREETS = List.of("Industrial Pkwy", "Commerce Dr", "Market St", "Harbor Blvd",
      "Oak Ave", "Maple St", "Riverside Dr", "Technology Way", "Mill Rd", "Lakeview Ave", "Elm St", "Station Rd");
  private static final List<String> CITIES = List.of("Portland, OR 97210", "Springfield, IL 62704",
      "Albany, NY 12207", "Madison, WI 53703", "Columbus, OH 43215", "Boise, ID 83702", "Hartford, CT 06103",
      "Burlington, VT 05401", "Fort Collins, CO 80521", "Tacoma, WA 98402");
  private static final List<String> COMPANIES = List.of("Acme Fabrication LLC", "Bluebird Cold Storage Inc",
      "Northgate Medical Center", "Summit Plastics Corp", "Riverside School District", "Harborview Hotel",
      "Greenleaf Foods", "Pioneer Office Park", "Lakeside Apartments LLC", "Keystone Logistics");
  private static final List<String> GERMAN_STREETS = List.of("Hauptstraße", "Bahnhofstraße", "Gartenweg",
      "Industriestraße", "Lindenallee", "Am Markt", "Schulstraße", "Mühlenweg");
  private static final List<String> GERMAN_TOWNS = List.of("49123 Nordheim", "49124 Nordheim", "49150 Ostercappeln",
      "49134 Wallenhorst", "49143 Bissendorf");
  private static final List<String> GERMAN_NAMES = List.of("Bäckerei Schulte GmbH", "Autohaus Meyer KG",
      "Praxis Dr. Wagner", "Weber Maschinenbau GmbH", "Gasthof Zur Linde", "Hofmann Logistik GmbH");

  private final SplittableRandom random;

  Draw(SplittableRandom random) {
    this.random = random;
  }

  int between(int fromInclusive, int toInclusive) {
    return random.nextInt(fromInclusive, toInclusive + 1);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T oneOf(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  String digits(int count) {
    StringBuilder digits = new StringBuilder(count);
    digits.append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  /** A decimal between the bounds with {@code scale} decimals. */
  BigDecimal decimal(double from, double to, int scale) {
    return BigDecimal.valueOf(from + (to - from) * random.nextDouble()).setScale(scale, RoundingMode.HALF_UP);
  }

  /** A first day of a service period between 2022 and 2025. */
  LocalDate periodStart() {
    return LocalDate.of(2022, 1, 1).plusDays(random.nextInt(4 * 365));
  }

  String street() {
    return between(10, 9899) + " " + oneOf(STREETS);
  }

  String city() {
    return oneOf(CITIES);
  }

  String company() {
    return oneOf(COMPANIES);
  }

  String germanStreet() {
    return oneOf(GERMAN_STREETS) + " " + between(1, 140);
  }

  String germanTown() {
    return oneOf(GERMAN_TOWNS);
  }

  String germanCustomer() {
    return oneOf(GERMAN_NAMES);
  }

  /** Points to shift a block by, so no two bills of a layout line up exactly. */
  float jitter(float most) {
    return (float) ((random.nextDouble() * 2 - 1) * most);
  }
}

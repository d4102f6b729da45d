package io.nectar.jobs;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An address as the words that tell one place from another: lower case, accents and punctuation
 * gone, abbreviations spelled out ({@code St} and {@code Street} are one word, as are {@code Ave},
 * {@code Av}, {@code Avenida} and {@code Avenue}), ordinals as numbers ({@code 5th} is {@code 5}).
 * Each word has a kind, which says how much it weighs when two addresses are compared.
 */
record SiteMatchAddress(List<Token> tokens) {

  /** What a word of an address is. */
  enum Kind {
    /** House number, postcode, unit number: a different number is a different place. */
    NUMBER(3.0),
    /** Street, city and other names. */
    NAME(2.0),
    /** Street, Avenue, Road…: says little on its own, but Street is not Avenue. */
    STREET_TYPE(0.5),
    /** North, South…: as a street type. */
    DIRECTION(0.5),
    /** Suite, Floor, Unit…: the number after it is what counts. */
    UNIT(0.5);

    final double weight;

    Kind(double weight) {
      this.weight = weight;
    }
  }

  record Token(String text, Kind kind) {}

  private static final Map<String, String> STREET_TYPES = Map.ofEntries(
      Map.entry("st", "street"), Map.entry("str", "street"), Map.entry("street", "street"),
      Map.entry("ave", "avenue"), Map.entry("av", "avenue"), Map.entry("avenue", "avenue"),
      Map.entry("avenida", "avenue"), Map.entry("rd", "road"), Map.entry("road", "road"),
      Map.entry("blvd", "boulevard"), Map.entry("boulevard", "boulevard"), Map.entry("dr", "drive"),
      Map.entry("drive", "drive"), Map.entry("ln", "lane"), Map.entry("lane", "lane"),
      Map.entry("ct", "court"), Map.entry("court", "court"), Map.entry("pl", "place"), Map.entry("place", "place"),
      Map.entry("pkwy", "parkway"), Map.entry("parkway", "parkway"), Map.entry("hwy", "highway"),
      Map.entry("highway", "highway"), Map.entry("sq", "square"), Map.entry("square", "square"),
      Map.entry("ter", "terrace"), Map.entry("terrace", "terrace"), Map.entry("cir", "circle"),
      Map.entry("circle", "circle"), Map.entry("way", "way"),
      Map.entry("r", "rua"), Map.entry("rua", "rua"), Map.entry("rod", "rodovia"), Map.entry("rodovia", "rodovia"),
      Map.entry("al", "alameda"), Map.entry("alameda", "alameda"), Map.entry("pc", "praca"),
      Map.entry("praca", "praca"), Map.entry("tv", "travessa"), Map.entry("travessa", "travessa"),
      Map.entry("estr", "estrada"), Map.entry("estrada", "estrada"));
  private static final Map<String, String> DIRECTIONS = Map.ofEntries(
      Map.entry("n", "north"), Map.entry("north", "north"), Map.entry("s", "south"), Map.entry("south", "south"),
      Map.entry("e", "east"), Map.entry("east", "east"), Map.entry("w", "west"), Map.entry("west", "west"),
      Map.entry("ne", "northeast"), Map.entry("northeast", "northeast"), Map.entry("nw", "northwest"),
      Map.entry("northwest", "northwest"), Map.entry("se", "southeast"), Map.entry("southeast", "southeast"),
      Map.entry("sw", "southwest"), Map.entry("southwest", "southwest"));
  private static final Map<String, String> UNITS = Map.ofEntries(
      Map.entry("ste", "suite"), Map.entry("suite", "suite"), Map.entry("apt", "apartment"),
      Map.entry("apartment", "apartment"), Map.entry("unit", "unit"), Map.entry("fl", "floor"),
      Map.entry("floor", "floor"), Map.entry("bldg", "building"), Map.entry("building", "building"),
      Map.entry("rm", "room"), Map.entry("room", "room"), Map.entry("sala", "room"), Map.entry("andar", "floor"),
      Map.entry("apto", "apartment"), Map.entry("ap", "apartment"), Map.entry("lote", "lot"),
      Map.entry("lot", "lot"), Map.entry("bloco", "building"), Map.entry("no", "number"), Map.entry("n", "number"));
  /** Words that are in many addresses and tell none apart. */
  private static final Set<String> NOISE = Set.of("the", "of", "and", "de", "da", "do", "das", "dos", "e",
      "usa", "us", "brasil", "brazil", "service", "address", "location", "premises", "at", "for");

  static SiteMatchAddress of(String address) {
    List<Token> tokens = new ArrayList<>();
    if (address == null) {
      return new SiteMatchAddress(tokens);
    }
    String plain = Normalizer.normalize(address, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", " ").trim();
    for (String word : plain.split(" ")) {
      if (word.isEmpty() || NOISE.contains(word)) {
        continue;
      }
      tokens.add(token(word));
    }
    return new SiteMatchAddress(List.copyOf(tokens));
  }

  private static Token token(String word) {
    String ordinal = word.replaceFirst("^(\\d+)(st|nd|rd|th|o|a)$", "$1");
    if (ordinal.chars().anyMatch(Character::isDigit)) {
      return new Token(ordinal.replaceFirst("^0+(?=.)", ""), Kind.NUMBER);
    }
    // "N" is North before a street name; as "No"/"Nº" (número) it names a number: both weigh little.
    if (DIRECTIONS.containsKey(word)) {
      return new Token(DIRECTIONS.get(word), Kind.DIRECTION);
    }
    if (STREET_TYPES.containsKey(word)) {
      return new Token(STREET_TYPES.get(word), Kind.STREET_TYPE);
    }
    if (UNITS.containsKey(word)) {
      return new Token(UNITS.get(word), Kind.UNIT);
    }
    return new Token(word, Kind.NAME);
  }

  double weight() {
    return tokens.stream().mapToDouble(t -> t.kind().weight).sum();
  }

  boolean isEmpty() {
    return tokens.isEmpty();
  }

  List<Token> of(Kind kind) {
    return tokens.stream().filter(t -> t.kind() == kind).toList();
  }
}

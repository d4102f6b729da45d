package io.nectar.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Values at and just past every limit a schema of the OpenAPI document states, read from the schema
 * itself: lengths, patterns, enums, numeric bounds and steps, item counts, formats, types. Which of
 * them the schema admits is not decided here: the test asks the validator, so these are only
 * candidates, and a value that lands on either side of a limit is as useful as one that lands on
 * the side intended.
 */
final class BoundaryValues {
  /** Where a value goes: a JSON body can hold any JSON type, a query or header only text. */
  enum Placement { BODY, QUERY, HEADER }

  /** A value and why it was chosen (for the report of a disagreement). */
  record Candidate(JsonNode value, String why) {}

  /** Strings that break naive text handling: control characters, NUL, non-ASCII digits and letters. */
  private static final List<String> AWKWARD = List.of("", " ", "x", "\u0000", "a\u0000b", "\u0001x", "\u001c",
      "\u001f", "\t", "\u00e9", "\u0663", " x ");

  private static final int MUTATED_PER_FIELD = 24;

  private final JsonNode spec;
  private final LocalDate today;
  private final JsonNodeFactory json = JsonNodeFactory.instance;

  BoundaryValues(JsonNode spec, LocalDate today) {
    this.spec = spec;
    this.today = today;
  }

  /**
   * The candidates for a value described by {@code schema}; {@code known} is a value the caller
   * knows to be good (or null), from which arrays and lengths are built.
   */
  List<Candidate> of(JsonNode schema, JsonNode known, Placement placement) {
    Map<String, Candidate> out = new LinkedHashMap<>();
    collect(resolve(schema), known, placement, out);
    return List.copyOf(out.values());
  }

  private void collect(JsonNode schema, JsonNode known, Placement placement, Map<String, Candidate> out) {
    for (JsonNode branch : branches(schema)) {
      Set<String> types = types(branch);
      if (known != null) {
        add(out, known, "a value known to be good");
      }
      for (JsonNode example : branch.path("examples")) {
        add(out, example, "an example of the document");
      }
      if (branch.has("example")) {
        add(out, branch.get("example"), "the example of the document");
      }
      if (branch.has("enum")) {
        for (JsonNode member : branch.get("enum")) {
          add(out, member, "a member of the enum");
        }
        add(out, TextNode.valueOf("NOT_A_CHOICE"), "not a member of the enum");
      }
      if (types.contains("null")) {
        add(out, NullNode.instance, "null");
      }
      if (types.contains("boolean")) {
        add(out, BooleanNode.TRUE, "true");
        add(out, BooleanNode.FALSE, "false");
      }
      if (types.contains("integer") || types.contains("number")) {
        Map<String, Candidate> numeric = new LinkedHashMap<>();
        numbers(branch, types, numeric);
        out.putAll(numeric);
        if (types.contains("string")) {
          // A decimal that may come as a string has the same limits in both forms: the string at
          // each numeric bound (within the digits the pattern allows, or one past them).
          for (Candidate c : numeric.values()) {
            add(out, TextNode.valueOf(c.value().decimalValue().toPlainString()), c.why() + ", as a string");
          }
        }
      }
      if (types.contains("string")) {
        strings(branch, known != null && known.isTextual() ? known.asText() : null, out);
      }
      if (types.contains("array")) {
        arrays(branch, known, placement, out);
      }
      if (placement == Placement.BODY) {
        wrongTypes(types, out);
      } else if (!types.contains("string")) {
        // A query value is always text; these are not numbers or booleans in any spelling.
        for (String text : List.of("", "ten", "yes", "1.5")) {
          add(out, TextNode.valueOf(text), "text that is not a " + types);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Per type

  private void numbers(JsonNode schema, Set<String> types, Map<String, Candidate> out) {
    boolean integer = types.contains("integer") && !types.contains("number");
    BigDecimal step = schema.has("multipleOf") ? schema.get("multipleOf").decimalValue()
        : integer ? BigDecimal.ONE : new BigDecimal("0.5");
    List<BigDecimal> values = new ArrayList<>();
    for (String bound : List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum")) {
      if (schema.has(bound)) {
        BigDecimal b = schema.get(bound).decimalValue();
        values.add(b);
        values.add(b.subtract(step));
        values.add(b.add(step));
        if (step.scale() > 0) {
          // The bound written with every decimal place the step allows, and with one more.
          values.add(b.setScale(step.scale()));
          values.add(b.setScale(step.scale() + 1));
        }
      }
    }
    values.add(BigDecimal.ZERO);
    values.add(BigDecimal.ONE.negate());
    if (schema.has("multipleOf")) {
      // One decimal place more than the step allows, and a value with superfluous trailing zeros.
      values.add(BigDecimal.ONE.add(step.movePointLeft(1)));
      values.add(new BigDecimal("1.1").setScale(step.scale() + 1));
    }
    if (integer) {
      values.add(new BigDecimal("1.5"));
      values.add(new BigDecimal(BigInteger.TWO.pow(31)));
      values.add(new BigDecimal(BigInteger.TWO.pow(63)));
    }
    values.add(new BigDecimal("1E+400"));
    values.add(new BigDecimal("1E-400"));
    for (BigDecimal value : values) {
      JsonNode node = value.scale() <= 0 && value.precision() - value.scale() < 120
          ? json.numberNode(value.toBigIntegerExact()) : DecimalNode.valueOf(value);
      add(out, node, "a number at or next to a bound or step");
    }
  }

  private void strings(JsonNode schema, String known, Map<String, Candidate> out) {
    for (String text : AWKWARD) {
      add(out, TextNode.valueOf(text), "awkward text");
    }
    String format = schema.path("format").asText("");
    switch (format) {
      case "date" -> dates(out);
      case "date-time" -> dateTimes(out);
      case "uuid" -> {
        String uuid = "0190f3a2-0000-7000-8000-000000000000";
        add(out, TextNode.valueOf(uuid), "a well-formed id");
        add(out, TextNode.valueOf("0190F3A2-0000-7000-8000-00000000000A"), "an upper-case id");
        add(out, TextNode.valueOf(uuid.replace("-", "")), "an id without dashes");
        add(out, TextNode.valueOf(uuid.substring(1)), "an id one digit short");
        add(out, TextNode.valueOf("not-a-uuid"), "not an id");
      }
      default -> { }
    }
    int min = schema.path("minLength").asInt(0);
    Integer max = schema.has("maxLength") ? schema.get("maxLength").asInt() : null;
    PatternStrings pattern = schema.has("pattern") ? PatternStrings.of(schema.get("pattern").asText()) : null;
    List<Integer> lengths = new ArrayList<>(List.of(min - 1, min, min + 1));
    if (max != null) {
      lengths.addAll(List.of(max, max + 1));
    }
    for (int length : lengths) {
      if (length < 0) {
        continue;
      }
      Optional<String> matching = pattern == null ? Optional.of(filler(known, length)) : pattern.ofLength(length, 0);
      matching.ifPresent(s -> add(out, TextNode.valueOf(s), "a string of " + length + " characters"));
      if (matching.isEmpty() && max != null && length == max + 1) {
        // The pattern allows nothing longer: the longest it allows, one character longer.
        pattern.ofLength(max, 0).ifPresent(s -> add(out, TextNode.valueOf(s + s.charAt(s.length() - 1)),
            "a string one character past " + max));
      }
    }
    if (pattern != null) {
      List<String> seeds = new ArrayList<>();
      if (known != null) {
        seeds.add(known);
      }
      // The longest string a bounded pattern allows (a country code, a date) is at all its limits.
      pattern.longest(80).ifPresent(n -> pattern.ofLength(n, 1).ifPresent(seeds::add));
      pattern.shortest(64).ifPresent(n -> {
        for (int extra = 0; extra <= 2; extra++) {
          for (int flavour = 0; flavour <= 1; flavour++) {
            pattern.ofLength(n + extra, flavour).ifPresent(seeds::add);
          }
        }
      });
      for (String seed : seeds) {
        add(out, TextNode.valueOf(seed), "a string the pattern matches");
      }
      mutations(seeds, out);
      // One good value nested in another after a separator, as fuzzers nest values: the shortest
      // seed with the first (a URL inside a path or query, an id inside a name).
      String shortest = seeds.stream().min(java.util.Comparator.comparingInt(String::length)).orElse("");
      if (!seeds.isEmpty() && !shortest.isEmpty()) {
        for (String separator : List.of("/", "?", " ")) {
          add(out, TextNode.valueOf(shortest + separator + seeds.get(0)), "one matching string inside another");
        }
      }
    }
  }

  /** Each seed with one character doubled or removed, at every position: one step past a quantifier's bound. */
  private void mutations(List<String> seeds, Map<String, Candidate> out) {
    Set<String> mutated = new LinkedHashSet<>();
    for (String seed : seeds) {
      if (seed.length() > 40) {
        continue;
      }
      for (int i = 0; i < seed.length(); i++) {
        mutated.add(seed.substring(0, i + 1) + seed.substring(i));
        mutated.add(seed.substring(0, i) + seed.substring(i + 1));
      }
    }
    List<String> all = new ArrayList<>(mutated);
    // Spread a fixed budget evenly over the mutations, the same ones on every run.
    int stride = Math.max(1, (all.size() + MUTATED_PER_FIELD - 1) / MUTATED_PER_FIELD);
    for (int i = 0; i < all.size(); i += stride) {
      add(out, TextNode.valueOf(all.get(i)), "a matching string with one character doubled or removed");
    }
  }

  private static String filler(String known, int length) {
    if (known != null && !known.isEmpty() && length >= known.length()) {
      return known + "x".repeat(length - known.length());
    }
    return "x".repeat(length);
  }

  private void dates(Map<String, Candidate> out) {
    for (String date : List.of("2024-02-29", "2023-02-29", "2024-12-31", "2024-13-01", "2024-00-10", "2024-01-32",
        "2024-1-01", "24-01-01", "20240101", "2024-01-01T00:00:00Z", "2000-01-01", "1999-12-31", "0001-01-01",
        "9999-12-31", today.toString(), today.plusDays(1).toString())) {
      add(out, TextNode.valueOf(date), "a date, or almost one");
    }
  }

  private void dateTimes(Map<String, Candidate> out) {
    for (String time : List.of("2026-11-01T08:00:00Z", "2026-11-01T08:00:00.123456789Z",
        "2026-11-01T08:00:00.1234567890Z", "2026-11-01T08:00:00+01:00", "2026-11-01T08:00:00+19:12",
        "2026-11-01T08:00:00+23:59", "2026-11-01T08:00:00-23:59", "2026-11-01T08:00:00+24:00",
        "2026-11-01T08:00:00+01:60", "2026-11-01t08:00:00z", "2026-11-01T08:00:00", "2026-11-01 08:00:00Z",
        "2026-11-01T24:00:00Z", "2026-11-01T23:59:60Z", "2026-02-30T00:00:00Z", "2026-11-01")) {
      add(out, TextNode.valueOf(time), "a date-time, or almost one");
    }
  }

  private void arrays(JsonNode schema, JsonNode known, Placement placement, Map<String, Candidate> out) {
    JsonNode items = resolve(schema.path("items"));
    List<Candidate> itemCandidates = of(items, known != null && known.isArray() && !known.isEmpty() ? known.get(0)
        : null, placement);
    JsonNode item = known != null && known.isArray() && !known.isEmpty() ? known.get(0)
        : itemCandidates.isEmpty() ? TextNode.valueOf("x") : itemCandidates.get(0).value();
    int min = schema.path("minItems").asInt(0);
    List<Integer> sizes = new ArrayList<>(List.of(min - 1, min, min + 1));
    if (schema.has("maxItems")) {
      int max = schema.get("maxItems").asInt();
      sizes.addAll(List.of(max, max + 1));
    }
    for (int size : sizes) {
      if (size >= 0) {
        ArrayNode array = json.arrayNode();
        for (int i = 0; i < size; i++) {
          array.add(item);
        }
        add(out, array, size + " items");
      }
    }
    for (Candidate c : itemCandidates) {
      add(out, json.arrayNode().add(c.value()), "one item: " + c.why());
    }
  }

  private void wrongTypes(Set<String> types, Map<String, Candidate> out) {
    Map<String, JsonNode> samples = new LinkedHashMap<>();
    samples.put("string", TextNode.valueOf("true"));
    samples.put("integer", IntNode.valueOf(1));
    samples.put("number", DecimalNode.valueOf(new BigDecimal("1.5")));
    samples.put("boolean", BooleanNode.TRUE);
    samples.put("object", json.objectNode());
    samples.put("array", json.arrayNode());
    samples.put("null", NullNode.instance);
    samples.forEach((type, sample) -> {
      boolean covered = types.contains(type) || type.equals("integer") && types.contains("number");
      if (!types.isEmpty() && !covered) {
        add(out, sample, "a " + type + " where the schema says " + types);
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reading schemas

  JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
      current = spec.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  /** A schema with {@code anyOf} or {@code oneOf} as one schema per branch (with the shared keywords). */
  private List<JsonNode> branches(JsonNode schema) {
    JsonNode choice = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
    if (choice == null) {
      return List.of(schema);
    }
    List<JsonNode> result = new ArrayList<>();
    for (JsonNode branch : choice) {
      ObjectNode merged = ((ObjectNode) schema).deepCopy();
      merged.remove(List.of("anyOf", "oneOf"));
      resolve(branch).fields().forEachRemaining(f -> merged.set(f.getKey(), f.getValue()));
      result.add(merged);
    }
    return result;
  }

  static Set<String> types(JsonNode schema) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      types.add(type.asText());
    } else if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (schema.has("enum")) {
      types.add("string");
    }
    return types;
  }

  private static void add(Map<String, Candidate> out, JsonNode value, String why) {
    out.putIfAbsent(value.getNodeType() + ":" + value, new Candidate(value, why));
  }
}

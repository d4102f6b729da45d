package io.nectar.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Prints one row of {@code bench/parse.sh}'s accuracy table from the output of
 * {@code ./nectar parse --expect --json}: every field score in it ({@code {"field": …, "outcome":
 * "EXACT" | "MISSING" | "WRONG"}}, wherever it sits in the document or documents) is counted, all of
 * them or only the key fields (account, meter, period, usage, total). Reading the scores wherever they
 * are keeps the table working however the parse command nests its per-file results.
 *
 * <p>Usage: {@code BenchTable LABEL all|key TARGET_PERCENT PARSE_OUTPUT.json}; exit status 0 always
 * (the table says PASS or BELOW).
 */
public final class BenchTable {
  private static final Set<String> KEY_FIELDS = Set.of("accountNumber", "meterNumber", "periodStart", "periodEnd",
      "usage", "totalCharges");

  private int exact;
  private int scored;
  private final Set<String> files = new HashSet<>();
  private final boolean keyOnly;

  private BenchTable(boolean keyOnly) {
    this.keyOnly = keyOnly;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: BenchTable LABEL all|key TARGET_PERCENT PARSE_OUTPUT.json");
      System.exit(2);
    }
    BenchTable table = new BenchTable("key".equals(args[1]));
    Path output = Path.of(args[3]);
    if (Files.exists(output) && Files.size(output) > 0) {
      try (MappingIterator<JsonNode> documents = new ObjectMapper().readerFor(JsonNode.class)
          .readValues(output.toFile())) {
        while (documents.hasNext()) {
          table.walk(documents.next());
        }
      } catch (IOException | RuntimeException e) {
        System.err.println("bench: cannot read " + output + ": " + e.getMessage());
      }
    }
    BigDecimal target = new BigDecimal(args[2]);
    String fields = args[1].equals("key") ? "key fields" : "all fields";
    if (table.scored == 0) {
      System.out.printf(Locale.ROOT, "%-52s %6s %7s %9s %8s  %s%n", args[0], table.files.size(), "-", "no scores",
          ">=" + target + "%", "(" + fields + ")");
      return;
    }
    BigDecimal percent = BigDecimal.valueOf(table.exact * 100L)
        .divide(BigDecimal.valueOf(table.scored), 1, RoundingMode.DOWN);
    System.out.printf(Locale.ROOT, "%-52s %6d %7d %8s%% %8s  %s (%s)%n", args[0], table.files.size(), table.scored,
        percent.toPlainString(), ">=" + target + "%", percent.compareTo(target) >= 0 ? "PASS" : "BELOW", fields);
  }

  private void walk(JsonNode node) {
    if (node.isObject()) {
      JsonNode file = node.get("file");
      if (file != null && file.isTextual()) {
        files.add(file.asText());
      }
      JsonNode field = node.get("field");
      JsonNode outcome = node.get("outcome");
      if (field != null && field.isTextual() && outcome != null && outcome.isTextual()) {
        count(field.asText(), outcome.asText());
      }
      for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
        walk(children.next());
      }
    } else if (node.isArray()) {
      node.forEach(this::walk);
    }
  }

  private void count(String field, String outcome) {
    if (keyOnly && !KEY_FIELDS.contains(field)) {
      return;
    }
    scored++;
    if ("EXACT".equalsIgnoreCase(outcome)) {
      exact++;
    }
  }
}

package io.nectar.parsing.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bill's hand-checked values, as in {@code <name>.json} beside {@code <name>.pdf} (the format of
 * {@code shared/data/bills/README.md}, which the corpus generator writes too). Kept as the JSON tree: a field
 * absent from the file is not scored, a field present as null means "not printed on the bill".
 */
public record Truth(Path file, JsonNode json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Truth read(Path file) {
    try {
      return new Truth(file, JSON.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read truth file " + file, e);
    }
  }

  /** The truth beside a bill file ({@code x.pdf} → {@code x.json}), if there is one. */
  public static java.util.Optional<Truth> beside(Path bill) {
    String name = bill.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path json = bill.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".json");
    return Files.isRegularFile(json) ? java.util.Optional.of(read(json)) : java.util.Optional.empty();
  }

  boolean has(String field) {
    return json.has(field);
  }

  /** The field as text, null when absent or null. */
  String text(String field) {
    JsonNode n = json.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** A string-or-list field as a list (empty for null). */
  List<String> texts(String field) {
    JsonNode n = json.get(field);
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }
}

package io.nectar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One column of a table: its header and how a row (the object as JSON) gives its text. */
record Column(String header, Function<JsonNode, String> value) {

  /** The text at a dotted path, e.g. {@code site.id}; empty for null or absent. */
  static Column of(String header, String path) {
    return new Column(header, row -> text(at(row, path)));
  }

  /** The {@code field} of every element of the array at {@code path}, joined with spaces. */
  static Column joined(String header, String path, String field) {
    return new Column(header, row -> {
      List<String> parts = new ArrayList<>();
      for (JsonNode element : at(row, path)) {
        String part = text(element.path(field));
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
      return String.join(" ", parts);
    });
  }

  /** How many elements the array at {@code path} has. */
  static Column count(String header, String path) {
    return new Column(header, row -> String.valueOf(at(row, path).size()));
  }

  static JsonNode at(JsonNode row, String path) {
    JsonNode node = row;
    for (String step : path.split("\\.")) {
      node = node.path(step);
    }
    return node;
  }

  /** A scalar's text exactly as the JSON has it (decimals are strings, so never reformatted). */
  static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return "";
    }
    if (node.isValueNode()) {
      return node.asText();
    }
    return node.toString();
  }
}

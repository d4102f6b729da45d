package io.nectar.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Copies of JSON trees with some fields left out or some values rewritten, at every depth. */
final class JsonTrees {
  private JsonTrees() {}

  /** A copy of {@code node} with the fields {@code keep} accepts, each scalar passed through {@code value}. */
  static JsonNode copy(JsonNode node, Predicate<String> keep, UnaryOperator<JsonNode> value) {
    if (node.isObject()) {
      ObjectNode copy = Json.object();
      node.fields().forEachRemaining(field -> {
        if (keep.test(field.getKey())) {
          copy.set(field.getKey(), copy(field.getValue(), keep, value));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      var copy = Json.array();
      node.forEach(item -> copy.add(copy(item, keep, value)));
      return copy;
    }
    return value.apply(node);
  }
}

package io.nectar.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields an input sets, in order. An input is a map rather than a record so that an update
 * can tell "leave unchanged" (absent) from "clear" (present as null), which a PATCH needs.
 */
final class Fields {
  private final Map<String, Object> values = new LinkedHashMap<>();

  Fields put(String name, Object value) {
    values.put(name, value instanceof List<?> list ? List.copyOf(list) : value);
    return this;
  }

  Map<String, Object> snapshot() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}

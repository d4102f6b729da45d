package io.nectar.client.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query parameters in order, repeatable ones as several values. */
final class Query {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  Query add(String name, Object value) {
    if (value != null) {
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value.toString());
    }
    return this;
  }

  Query addAll(String name, List<?> items) {
    items.forEach(item -> add(name, item));
    return this;
  }

  Map<String, List<String>> build() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    return Collections.unmodifiableMap(copy);
  }
}

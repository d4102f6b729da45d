package io.nectar.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the query string of every request before any route reads it, so that no filter, present
 * or future, can pass a NUL byte to SQL (PostgreSQL refuses it mid-query: a 500) or quietly ignore
 * a parameter whose encoding is broken.
 */
final class QueryParameters {
  private QueryParameters() {}

  /** Throws a 400 naming each parameter that is malformed or carries text no field accepts. */
  static void check(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    Map<String, List<String>> parameters;
    try {
      parameters = FormEncoding.decode(rawQuery, StandardCharsets.UTF_8);
    } catch (FormEncoding.Malformed e) {
      throw e.asError("query string");
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    parameters.forEach((name, values) -> {
      Set<String> refusals = new LinkedHashSet<>();
      Text.refusal(name).ifPresent(refusals::add);
      values.forEach(value -> Text.refusal(value).ifPresent(refusals::add));
      if (!refusals.isEmpty()) {
        errors.put(name, List.copyOf(refusals));
      }
    });
    if (!errors.isEmpty()) {
      throw ApiError.invalid(errors);
    }
  }
}

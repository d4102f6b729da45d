package io.nectar.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
      throw e.parameter() == null
          ? ApiError.badRequest("Malformed query string: " + e.getMessage())
          : ApiError.invalidField(e.parameter(), e.getMessage());
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    parameters.forEach((name, values) -> {
      Text.refusal(name).ifPresent(refusal -> errors.computeIfAbsent(name, n -> new ArrayList<>()).add(refusal));
      for (String value : values) {
        Text.refusal(value).ifPresent(refusal -> {
          List<String> messages = errors.computeIfAbsent(name, n -> new ArrayList<>());
          if (!messages.contains(refusal)) {
            messages.add(refusal);
          }
        });
      }
    });
    if (!errors.isEmpty()) {
      throw ApiError.invalid(errors);
    }
  }
}

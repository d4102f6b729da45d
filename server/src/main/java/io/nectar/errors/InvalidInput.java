package io.nectar.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What was sent breaks a rule: a message per field, or one sentence when no field is to blame. */
public final class InvalidInput extends DomainException {
  private final Map<String, List<String>> errors;

  /** Invalid fields, in the order they were found; the detail names the first. */
  public InvalidInput(Map<String, List<String>> errors) {
    super(summary(errors));
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  /** Invalid as a whole, with no one field to blame. */
  public InvalidInput(String detail) {
    super(detail);
    this.errors = Map.of();
  }

  public static InvalidInput field(String field, String message) {
    return new InvalidInput(Map.of(field, List.of(message)));
  }

  /** Field name to messages, in the order found; empty when the input is invalid as a whole. */
  public Map<String, List<String>> errors() {
    return errors;
  }

  private static String summary(Map<String, List<String>> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("no invalid field given");
    }
    Map.Entry<String, List<String>> first = errors.entrySet().iterator().next();
    return "Invalid input: " + first.getKey() + ": " + first.getValue().get(0)
        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
  }
}

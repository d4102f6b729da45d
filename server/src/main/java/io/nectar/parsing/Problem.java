package io.nectar.parsing;

/**
 * Why a reading is not trusted as it stands: a validation rule it breaks, or a key field read with
 * low confidence. A document with problems is still created, flagged with these messages.
 *
 * @param field the extracted field concerned (e.g. {@code totalCharges}), or null for the whole bill
 */
public record Problem(String field, String message) {
  @Override
  public String toString() {
    return field == null ? message : field + ": " + message;
  }
}

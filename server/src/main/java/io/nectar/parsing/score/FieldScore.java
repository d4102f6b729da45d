package io.nectar.parsing.score;

/** How one truth field came out: read exactly, not read, or read wrong. */
public record FieldScore(String field, Outcome outcome, String expected, String actual) {
  /** Per-field verdict. */
  public enum Outcome {
    EXACT,
    MISSING,
    WRONG
  }
}

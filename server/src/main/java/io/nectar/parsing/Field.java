package io.nectar.parsing;

/**
 * One extracted value with how sure the extractor is and the text it was read from.
 *
 * @param confidence 0..1; below {@link #TRUSTED} a key field flags the document
 * @param raw the text as printed, e.g. {@code "1,234.50 CR"} for a credit of 1234.50
 */
public record Field<T>(T value, double confidence, String raw) {
  public static final double TRUSTED = 0.8;

  public static <T> Field<T> of(T value, double confidence, String raw) {
    return new Field<>(value, confidence, raw);
  }

  public boolean isTrusted() {
    return value != null && confidence >= TRUSTED;
  }
}

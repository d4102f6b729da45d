package io.nectar.parsing.generic;

/**
 * A printed word with its place, after gluing back the pieces a text layer or OCR splits amounts into
 * ({@code "$112." "07"} → {@code "$112.07"}).
 *
 * @param key the text {@link Phrases#normalise normalised} for matching
 */
record Token(String text, String key, float x, float right, float y, float height) {
  static Token of(String text, float x, float right, float y, float height) {
    return new Token(text, Phrases.normalise(text), x, right, y, height);
  }

  /** Average width of one character, the yardstick for telling a space from a column gap. */
  float charWidth() {
    return text.isEmpty() ? 0 : (right - x) / text.length();
  }

  boolean overlapsX(float from, float to) {
    return x <= to && right >= from;
  }
}

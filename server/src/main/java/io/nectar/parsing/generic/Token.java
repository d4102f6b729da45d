package io.nectar.parsing.generic;

/**
 * A printed word with its place, after gluing back the pieces a text layer or OCR splits amounts into
 * ({@code "$112." "07"} → {@code "$112.07"}).
 *
 * @param key the text {@link Phrases#normalise normalised} for matching
 */
record Token(String text, String key, float x, float right, float y, float height) {
  static Token of(String text, float x, float right, float y, float height) {
    return new Token(text, Phrases.normalise(wordLetters(text)), x, right, y, height);
  }

  /**
   * In a word that is mostly letters, the digits OCR reads for look-alike letters are the letters
   * ({@code Am0unt Due}, {@code T0tal}); identifiers and figures have too many digits to be touched.
   */
  static String wordLetters(String text) {
    long letters = text.chars().filter(Character::isLetter).count();
    long digits = text.chars().filter(Character::isDigit).count();
    if (letters < 3 || digits == 0 || digits * 4 > letters) {
      return text;
    }
    return text.replace('0', 'o').replace('1', 'l').replace('5', 's');
  }

  /** Average width of one character, the yardstick for telling a space from a column gap. */
  float charWidth() {
    return text.isEmpty() ? 0 : (right - x) / text.length();
  }

  boolean overlapsX(float from, float to) {
    return x <= to && right >= from;
  }
}

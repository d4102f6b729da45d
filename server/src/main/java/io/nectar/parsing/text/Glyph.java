package io.nectar.parsing.text;

/**
 * One character drawn on a page, in points from the page's top left corner.
 *
 * @param baseline distance of the character's baseline from the top of the page
 * @param height the glyph's height above the baseline
 * @param spaceWidth the width of a space in the glyph's font, for telling words apart
 */
record Glyph(String text, float x, float baseline, float width, float height, float spaceWidth,
    Boundary boundary) {
  /** Whether the file put a space character before this one (a word break whatever the gap). */
  enum Boundary {
    NONE,
    AFTER_SPACE
  }

  float right() {
    return x + width;
  }
}

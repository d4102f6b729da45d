package io.nectar.parsing;

/**
 * One word on a page and where it is, in points from the page's top left corner (OCR pixels are
 * scaled to points, so layouts see the same coordinates for a text PDF and its scan).
 *
 * @param confidence 1 for a PDF's text layer; the OCR engine's own confidence (0..1) otherwise
 */
public record Word(String text, float x, float y, float width, float height, float confidence) {
  public float right() {
    return x + width;
  }
}

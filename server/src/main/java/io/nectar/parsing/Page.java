package io.nectar.parsing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The text of one page, top to bottom.
 *
 * @param number 1-based
 * @param width in points
 * @param height in points
 */
public record Page(int number, List<Line> lines, Origin origin, float width, float height) {
  /** Where the text came from. */
  public enum Origin {
    TEXT_LAYER,
    OCR
  }

  public Page {
    lines = List.copyOf(lines);
  }

  public String text() {
    return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
  }
}

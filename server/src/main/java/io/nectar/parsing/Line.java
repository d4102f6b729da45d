package io.nectar.parsing;

import java.util.List;
import java.util.stream.Collectors;

/** Words that share a baseline, left to right. */
public record Line(List<Word> words) {
  public Line {
    words = List.copyOf(words);
  }

  /** The words joined by single spaces. */
  public String text() {
    return words.stream().map(Word::text).collect(Collectors.joining(" "));
  }

  public float y() {
    return words.isEmpty() ? 0 : words.get(0).y();
  }

  public float x() {
    return words.isEmpty() ? 0 : words.get(0).x();
  }
}

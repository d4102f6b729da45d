package io.nectar.parsing.text;

import io.nectar.parsing.Line;
import io.nectar.parsing.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups a page's characters into words and lines. Characters arrive in drawing order, which is
 * nearly always reading order within a run of text, so words are built in one pass; only the
 * words (a few hundred a page) are sorted, by baseline and then left to right.
 */
final class LineBuilder {
  private LineBuilder() {}

  /** A word being built, with its baseline kept for grouping lines. */
  private static final class Run {
    final StringBuilder text = new StringBuilder();
    float x;
    float right;
    float baseline;
    float height;
    float spaceWidth;
    final Glyph.Boundary boundary;

    Run(Glyph first) {
      boundary = first.boundary();
      x = first.x();
      right = first.right();
      baseline = first.baseline();
      height = first.height();
      spaceWidth = first.spaceWidth();
      text.append(first.text());
    }

    boolean continuesWith(Glyph glyph) {
      if (glyph.boundary() == Glyph.Boundary.AFTER_SPACE) {
        return false;
      }
      float tolerance = Math.max(height, glyph.height()) * 0.3f;
      if (Math.abs(glyph.baseline() - baseline) > tolerance) {
        return false;
      }
      float gap = glyph.x() - right;
      return gap > -Math.max(1f, glyph.width()) && gap < gapLimit(glyph.spaceWidth());
    }

    boolean touches(Run next) {
      if (next.boundary == Glyph.Boundary.AFTER_SPACE) {
        return false;
      }
      float gap = next.x - right;
      return gap > -1f && gap < gapLimit(next.spaceWidth);
    }

    private float gapLimit(float otherSpace) {
      return Math.min(spaceWidth, otherSpace) * 0.5f;
    }

    void add(Glyph glyph) {
      text.append(glyph.text());
      right = Math.max(right, glyph.right());
      height = Math.max(height, glyph.height());
    }

    void absorb(Run next) {
      text.append(next.text);
      right = Math.max(right, next.right);
      height = Math.max(height, next.height);
    }

    Word toWord() {
      return new Word(text.toString(), x, baseline - height, right - x, height, 1f);
    }
  }

  static List<Line> lines(List<Glyph> glyphs) {
    List<Run> runs = words(glyphs);
    runs.sort(Comparator.comparingDouble(r -> r.baseline));
    List<Line> lines = new ArrayList<>();
    List<Run> current = new ArrayList<>();
    float lineBaseline = 0;
    float lineHeight = 0;
    for (Run run : runs) {
      if (!current.isEmpty() && run.baseline - lineBaseline > Math.min(lineHeight, run.height) * 0.4f) {
        lines.add(line(current));
        current = new ArrayList<>();
      }
      if (current.isEmpty()) {
        lineBaseline = run.baseline;
        lineHeight = run.height;
      }
      current.add(run);
    }
    if (!current.isEmpty()) {
      lines.add(line(current));
    }
    return lines;
  }

  private static List<Run> words(List<Glyph> glyphs) {
    List<Run> runs = new ArrayList<>();
    Run run = null;
    for (Glyph glyph : glyphs) {
      if (run != null && run.continuesWith(glyph)) {
        run.add(glyph);
      } else {
        run = new Run(glyph);
        runs.add(run);
      }
    }
    return runs;
  }

  /** Left to right; pieces of one word drawn separately (and out of order) are joined again. */
  private static Line line(List<Run> runs) {
    runs.sort(Comparator.comparingDouble(r -> r.x));
    List<Word> words = new ArrayList<>(runs.size());
    Run open = runs.get(0);
    for (int i = 1; i < runs.size(); i++) {
      Run next = runs.get(i);
      if (open.touches(next)) {
        open.absorb(next);
      } else {
        words.add(open.toWord());
        open = next;
      }
    }
    words.add(open.toWord());
    return new Line(words);
  }
}

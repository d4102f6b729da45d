package io.nectar.parsing.text;

import io.nectar.parsing.Line;
import io.nectar.parsing.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tesseract's TSV output as lines of words. Tesseract puts each column in its own block; lines of
 * different blocks whose middles sit at the same height are joined, so a label and its value in the
 * next column share a line, as they do in a PDF's text layer.
 */
final class TsvWords {
  private static final int WORD_LEVEL = 5;

  private TsvWords() {}

  /** One of Tesseract's lines: its words in pixels, left to right. */
  record OcrLine(List<Word> words, float top, float bottom) {
    float middle() {
      return (top + bottom) / 2;
    }
  }

  static List<OcrLine> parse(String tsv) {
    List<OcrLine> lines = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    String key = null;
    float top = Float.MAX_VALUE;
    float bottom = 0;
    int start = 0;
    int length = tsv.length();
    while (start < length) {
      int end = tsv.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      String[] cells = tsv.substring(start, end).split("\t", 12);
      start = end + 1;
      if (cells.length < 12 || !cells[0].equals(String.valueOf(WORD_LEVEL))) {
        continue;
      }
      String text = cells[11].strip();
      if (text.isEmpty()) {
        continue;
      }
      String lineKey = cells[1] + '/' + cells[2] + '/' + cells[3] + '/' + cells[4];
      if (!lineKey.equals(key) && !words.isEmpty()) {
        lines.add(new OcrLine(words, top, bottom));
        words = new ArrayList<>();
        top = Float.MAX_VALUE;
        bottom = 0;
      }
      key = lineKey;
      float left = Float.parseFloat(cells[6]);
      float wordTop = Float.parseFloat(cells[7]);
      float width = Float.parseFloat(cells[8]);
      float height = Float.parseFloat(cells[9]);
      float confidence = Math.max(0, Math.min(100, Float.parseFloat(cells[10]))) / 100f;
      words.add(new Word(text, left, wordTop, width, height, confidence));
      top = Math.min(top, wordTop);
      bottom = Math.max(bottom, wordTop + height);
    }
    if (!words.isEmpty()) {
      lines.add(new OcrLine(words, top, bottom));
    }
    return lines;
  }

  /** Lines top to bottom in points; Tesseract lines at one height (different columns) become one line. */
  static List<Line> toLines(List<OcrLine> ocrLines, float scaleX, float scaleY) {
    List<OcrLine> sorted = new ArrayList<>(ocrLines);
    sorted.sort(Comparator.comparingDouble(OcrLine::middle));
    List<Line> lines = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    float middle = 0;
    float height = 0;
    for (OcrLine line : sorted) {
      float lineHeight = line.bottom() - line.top();
      if (!current.isEmpty() && line.middle() - middle > Math.min(height, lineHeight) * 0.5f) {
        lines.add(scaled(current, scaleX, scaleY));
        current = new ArrayList<>();
      }
      if (current.isEmpty()) {
        middle = line.middle();
        height = lineHeight;
      }
      current.addAll(line.words());
    }
    if (!current.isEmpty()) {
      lines.add(scaled(current, scaleX, scaleY));
    }
    return lines;
  }

  private static Line scaled(List<Word> words, float scaleX, float scaleY) {
    words.sort(Comparator.comparingDouble(Word::x));
    List<Word> scaled = new ArrayList<>(words.size());
    for (Word w : words) {
      scaled.add(new Word(w.text(), w.x() * scaleX, w.y() * scaleY, w.width() * scaleX, w.height() * scaleY,
          w.confidence()));
    }
    return new Line(scaled);
  }
}

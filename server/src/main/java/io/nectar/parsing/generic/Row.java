package io.nectar.parsing.generic;

import io.nectar.parsing.Line;
import io.nectar.parsing.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One printed line as tokens, with its normalised text and where each token sits in that text. */
final class Row {
  private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}[-)]?(CR|cr)?");
  private static final Pattern AMOUNT_START = Pattern.compile("[-+(]?[$€£]?[\\d.,].*");

  final int index;
  final int page;
  final List<Token> tokens;
  final String key;
  private final int[] starts;

  Row(int index, int page, List<Token> tokens) {
    this.index = index;
    this.page = page;
    this.tokens = List.copyOf(tokens);
    StringBuilder sb = new StringBuilder();
    starts = new int[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      starts[i] = sb.length();
      sb.append(tokens.get(i).key());
    }
    key = sb.toString();
  }

  static Row of(int index, int page, Line line) {
    List<Token> out = new ArrayList<>();
    for (Word w : line.words()) {
      if (w.text().isBlank()) {
        continue;
      }
      Token t = Token.of(w.text().strip(), w.x(), w.right(), w.y(), w.height());
      if (!out.isEmpty() && glued(out.get(out.size() - 1), t)) {
        Token prev = out.remove(out.size() - 1);
        t = Token.of(prev.text() + t.text(), prev.x(), t.right(), prev.y(), Math.max(prev.height(), t.height()));
      } else if (!out.isEmpty() && lostPoint(out.get(out.size() - 1), t)) {
        Token prev = out.remove(out.size() - 1);
        t = Token.of(prev.text() + "." + t.text(), prev.x(), t.right(), prev.y(), Math.max(prev.height(), t.height()));
      }
      out.add(t);
    }
    return new Row(index, page, out);
  }

  /** Pieces of one amount split by a stray space: "$112." + "07", "-" + "." + "38", "-" + "19.18". */
  private static boolean glued(Token left, Token right) {
    float gap = right.x() - left.right();
    float cw = Math.max(left.charWidth(), right.charWidth());
    if (gap > 1.5f * cw + 1) {
      return false;
    }
    String l = left.text();
    String r = right.text();
    if ((l.endsWith(".") || l.endsWith(",")) && l.matches(".*\\d[.,]|[-$]*[.,]") && TWO_DIGITS.matcher(r).matches()) {
      return true;
    }
    return l.matches("[-+]?[$€£]?|R\\$|-\\$|\\$-") && !l.isEmpty() && AMOUNT_START.matcher(r).matches();
  }

  private static final Pattern DOLLARS = Pattern.compile("[-(]?[$S]\\d{1,3}(,\\d{3})*|[-(]?[$S]\\d+");

  /**
   * A scanned amount whose decimal point OCR dropped: currency and whole units, a narrow gap, two digits
   * ({@code $12 34}). Only with the currency sign, as bare figure pairs are common (days and readings).
   */
  private static boolean lostPoint(Token left, Token right) {
    float gap = right.x() - left.right();
    return gap <= 1.5f * Math.max(left.charWidth(), right.charWidth()) + 1
        && DOLLARS.matcher(left.text()).matches() && right.text().matches("\\d{2}\\)?");
  }

  String text() {
    return String.join(" ", tokens.stream().map(Token::text).toList());
  }

  /** The token holding character {@code offset} of {@link #key}, or the first one after it. */
  int tokenAt(int offset) {
    for (int i = 0; i < starts.length; i++) {
      if (offset < starts[i] + tokens.get(i).key().length()) {
        return i;
      }
    }
    return tokens.size();
  }

  int start(int token) {
    return starts[token];
  }

  float y() {
    return tokens.isEmpty() ? 0 : tokens.get(0).y();
  }

  float height() {
    return (float) tokens.stream().mapToDouble(Token::height).max().orElse(10);
  }

  /** Whether the space between tokens {@code i-1} and {@code i} is a column gap rather than a word space. */
  boolean gapBefore(int i) {
    if (i <= 0 || i >= tokens.size()) {
      return true;
    }
    Token a = tokens.get(i - 1);
    Token b = tokens.get(i);
    float cw = Math.max(2f, (a.charWidth() + b.charWidth()) / 2);
    return b.x() - a.right() > 2.2f * cw;
  }

  /** The block (tokens between column gaps) that token {@code i} belongs to, as [from, to). */
  int[] block(int i) {
    int from = i;
    while (from > 0 && !gapBefore(from)) {
      from--;
    }
    int to = i + 1;
    while (to < tokens.size() && !gapBefore(to)) {
      to++;
    }
    return new int[] {from, to};
  }

  String text(int from, int to) {
    return String.join(" ", tokens.subList(from, to).stream().map(Token::text).toList());
  }

  /** The right edge of token {@code i}, or of the last token. */
  float right(int i) {
    return tokens.get(Math.min(i, tokens.size() - 1)).right();
  }

  /** The words of this row that lie within [from, to] horizontally, joined by spaces. */
  String textWithin(float from, float to) {
    return String.join(" ", tokens.stream().filter(t -> t.overlapsX(from, to)).map(Token::text).toList());
  }
}

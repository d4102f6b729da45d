package io.nectar.parsing.generic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the value a label introduces: to its right on the same line (the next block of words), else in the
 * rows just below it under the label's span, as forms and table headers print values.
 */
final class LabelFinder {
  /** Where a value sat relative to its label: the same line is surer than below. */
  enum Where {
    RIGHT(0.92),
    BELOW(0.8);

    final double confidence;

    Where(double confidence) {
      this.confidence = confidence;
    }
  }

  /** A value read near a label, with the row it was read from. */
  record Found<T>(T value, String raw, Row labelRow, Row valueRow, Where where, double confidence, String label) {}

  private final Sheet sheet;

  LabelFinder(Sheet sheet) {
    this.sheet = sheet;
  }

  /**
   * Every value of a label the reader accepts. The reader gets the tokens of a block, left to right, and answers
   * with the value and its raw text, or empty.
   */
  <T> List<Found<T>> find(Phrases label, Function<List<String>, Optional<Read<T>>> reader) {
    return find(label, List.of(), reader);
  }

  /**
   * As {@link #find(Phrases, Function)}, but a label directly followed by one of {@code notBefore} is another
   * label that starts with the same word ("meter" of "meter readings" heads readings, not meter numbers).
   */
  <T> List<Found<T>> find(Phrases label, List<Phrases> notBefore, Function<List<String>, Optional<Read<T>>> reader) {
    List<Found<T>> out = new ArrayList<>();
    for (Row row : sheet.rows) {
      for (Phrases.Hit hit : label.find(row.key)) {
        if (followedBy(row, hit, notBefore)) {
          continue;
        }
        double strength = hit.phrase().contains(" ") || hit.phrase().length() > 8 ? 1.0 : 0.9;
        Optional<Found<T>> right = right(row, hit, reader, strength);
        if (right.isPresent()) {
          out.add(right.get());
          continue;
        }
        below(row, hit, reader, strength).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Whether the label's own column block goes on with one of {@code phrases} (a column gap ends the label). */
  private static boolean followedBy(Row row, Phrases.Hit hit, List<Phrases> phrases) {
    int n = row.tokenAt(hit.end());
    if (n >= row.tokens.size() || row.start(n) >= hit.end() && row.gapBefore(n)) {
      return false;
    }
    String rest = row.key.substring(hit.end()).stripLeading();
    return phrases.stream().anyMatch(p -> p.find(rest).stream().anyMatch(h -> h.start() == 0));
  }

  /** A value read from text, with the text it was read from. */
  record Read<T>(T value, String raw) {}

  private <T> Optional<Found<T>> right(Row row, Phrases.Hit hit, Function<List<String>, Optional<Read<T>>> reader,
      double strength) {
    int t = row.tokenAt(hit.end());
    List<String> tokens = new ArrayList<>();
    int first = t;
    if (t < row.tokens.size() && row.start(t) < hit.end()) {
      // The label ends inside a token ("METER#007030517"): its rest is the value's start.
      String rest = row.tokens.get(t).key().substring(hit.end() - row.start(t));
      // "No." of "Account No.": the label's own full stop is not the value's start.
      if (!rest.isBlank() && !rest.matches("\\p{Punct}+")) {
        String raw = row.tokens.get(t).text();
        tokens.add(raw.length() >= rest.length() ? raw.substring(raw.length() - rest.length()) : rest);
      }
      first = t + 1;
    }
    int end = first;
    while (end < row.tokens.size() && (end == first || !row.gapBefore(end))) {
      tokens.add(row.tokens.get(end).text());
      end++;
    }
    // A bare ":" or "#" block after the label: the value is in the next block.
    if (tokens.stream().allMatch(s -> s.matches("[:#.\\-]*")) && end < row.tokens.size()) {
      int next = end;
      do {
        tokens.add(row.tokens.get(next).text());
        next++;
      } while (next < row.tokens.size() && !row.gapBefore(next));
    }
    return reader.apply(tokens).map(r -> new Found<>(r.value(), r.raw(), row, row, Where.RIGHT,
        Where.RIGHT.confidence * strength, hit.phrase()));
  }

  private <T> Optional<Found<T>> below(Row row, Phrases.Hit hit, Function<List<String>, Optional<Read<T>>> reader,
      double strength) {
    int a = Math.min(row.tokenAt(hit.start()), row.tokens.size() - 1);
    int b = Math.min(Math.max(a, row.tokenAt(Math.max(hit.start(), hit.end() - 1))), row.tokens.size() - 1);
    float from = row.tokens.get(a).x() - 6;
    float to = row.tokens.get(b).right() + 6;
    int depth = 0;
    for (Row r : sheet.below(row, 4)) {
      depth++;
      for (int i = 0; i < r.tokens.size(); i++) {
        if (!r.tokens.get(i).overlapsX(from, to)) {
          continue;
        }
        int[] block = r.block(i);
        List<String> tokens = r.tokens.subList(block[0], block[1]).stream().map(Token::text).toList();
        Optional<Read<T>> read = reader.apply(tokens);
        if (read.isPresent()) {
          double c = Where.BELOW.confidence * strength * (depth == 1 ? 1.0 : 0.9);
          return Optional.of(new Found<>(read.get().value(), read.get().raw(), row, r, Where.BELOW, c, hit.phrase()));
        }
        break;
      }
    }
    return Optional.empty();
  }
}

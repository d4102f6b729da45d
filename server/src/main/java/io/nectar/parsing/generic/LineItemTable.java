package io.nectar.parsing.generic;

import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.normal.DecimalStyle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the charge lines of a bill: rows whose amount sits in a right-aligned money column with a description to
 * its left. Subtotals (a row equal to the rows just above it) and totals are not lines; balances and payments are
 * not this bill's charges. Of all the runs of consecutive lines, the one that sums exactly to a printed total wins,
 * the longest such run first, so the leaf lines are preferred to a summary of them.
 */
final class LineItemTable {
  /** One candidate charge row. */
  record Entry(Row row, String description, BigDecimal amount, boolean total) {}

  /** The chosen lines and the printed total they add up to. */
  record Result(List<Charge> lines, BigDecimal total, boolean sumsToTotal) {}

  private final Sheet sheet;
  private final Vocabulary vocabulary;
  private final DecimalStyle style;

  LineItemTable(Sheet sheet, Vocabulary vocabulary, DecimalStyle style) {
    this.sheet = sheet;
    this.vocabulary = vocabulary;
    this.style = style;
  }

  List<Entry> entries() {
    Map<String, Integer> columns = columns();
    List<Entry> out = new ArrayList<>();
    Row previous = null;
    for (Row row : sheet.rows) {
      Optional<Entry> e = entry(row, previous, columns);
      e.ifPresent(out::add);
      previous = row;
    }
    return markSubtotals(out);
  }

  /** How many money tokens end at each right edge, per page: a column of amounts is right-aligned. */
  private Map<String, Integer> columns() {
    Map<String, Integer> count = new HashMap<>();
    for (Row row : sheet.rows) {
      for (Token t : row.tokens) {
        if (Grammar.isMoney(t.text())) {
          count.merge(edge(row, t), 1, Integer::sum);
        }
      }
    }
    return count;
  }

  private static String edge(Row row, Token t) {
    return row.page + ":" + Math.round(t.right() / 3f);
  }

  private int columnSize(Map<String, Integer> columns, Row row, Token t) {
    String[] k = edge(row, t).split(":");
    int page = Integer.parseInt(k[0]);
    int e = Integer.parseInt(k[1]);
    int n = 0;
    for (int d = -1; d <= 1; d++) {
      n += columns.getOrDefault(page + ":" + (e + d), 0);
    }
    return n;
  }

  private Optional<Entry> entry(Row row, Row previous, Map<String, Integer> columns) {
    int best = -1;
    int bestSize = 0;
    for (int i = 0; i < row.tokens.size(); i++) {
      Token t = row.tokens.get(i);
      if (Grammar.isMoney(t.text())) {
        int size = columnSize(columns, row, t);
        if (size >= bestSize) {
          best = i;
          bestSize = size;
        }
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    Optional<BigDecimal> amount = Grammar.money(row.tokens.get(best).text(), style);
    if (amount.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal value = amount.get();
    if (best + 1 < row.tokens.size() && row.tokens.get(best + 1).key().equals("cr")) {
      value = value.abs().negate();
    }
    String description = description(row, best);
    if (description == null) {
      // An amount alone on its line belongs to the text line above it when that line has no amount.
      // Words further right, past a column gap, belong to another column (a sidebar) and do not count.
      int[] own = row.block(best);
      boolean alone = row.tokens.subList(0, own[1]).stream()
          .noneMatch(t -> t.key().chars().filter(Character::isLetter).count() >= 2);
      Token amountToken = row.tokens.get(best);
      if (!alone || previous == null || previous.page != row.page || hasMoneyAt(previous, amountToken)) {
        return Optional.empty();
      }
      description = previous.text().replaceAll("_{2,}", "").strip();
      if (description.chars().filter(Character::isLetter).count() < 2) {
        return Optional.empty();
      }
    }
    String key = Phrases.normalise(description);
    boolean total = vocabulary.label(Vocabulary.Label.currentCharges).in(key)
        || vocabulary.label(Vocabulary.Label.amountDue).in(key)
        || vocabulary.label(Vocabulary.Label.total).in(key);
    if (!total && vocabulary.notCharges().in(key)) {
      return Optional.empty();
    }
    return Optional.of(new Entry(row, description, value, total));
  }

  /** Whether a row has an amount of its own in the column of {@code amount} (then it is not a wrapped label). */
  private static boolean hasMoneyAt(Row row, Token amount) {
    return row.tokens.stream().anyMatch(t -> Grammar.isMoney(t.text()) && Math.abs(t.right() - amount.right()) < 8);
  }

  /**
   * The words left of the amount: walking left over blocks of figures (quantity, rate) to the nearest block with
   * words, which starts the description. Null when no words precede the amount.
   */
  private static String description(Row row, int amount) {
    int i = amount - 1;
    while (i >= 0) {
      int[] block = row.block(i);
      String text = row.text(block[0], block[1]);
      if (text.chars().filter(Character::isLetter).count() >= 3 && !text.matches("(?i)[\\d.,\\s]*(kwh|kw|x|@).*")) {
        return row.text(block[0], amount).replaceAll("_{2,}", "").strip();
      }
      i = block[0] - 1;
    }
    // Only figures and rate words ("@ $.81220 /therm"): they describe the charge when they have any letters.
    String left = row.text(0, amount).replaceAll("_{2,}", "").strip();
    return left.chars().filter(Character::isLetter).count() >= 3 ? left : null;
  }

  /** A row equal to the sum of two or more leaf rows just above it is a subtotal, not a charge. */
  private static List<Entry> markSubtotals(List<Entry> entries) {
    List<Entry> out = new ArrayList<>();
    List<BigDecimal> run = new ArrayList<>();
    for (Entry e : entries) {
      if (e.total()) {
        out.add(e);
        run.clear();
        continue;
      }
      BigDecimal sum = BigDecimal.ZERO;
      boolean subtotal = false;
      for (int k = run.size() - 1; k >= 0; k--) {
        sum = sum.add(run.get(k));
        if (run.size() - k >= 2 && sum.compareTo(e.amount()) == 0 && e.amount().signum() != 0) {
          subtotal = true;
          break;
        }
      }
      if (subtotal) {
        out.add(new Entry(e.row(), e.description(), e.amount(), true));
        run.clear();
      } else {
        out.add(e);
        run.add(e.amount());
      }
    }
    return out;
  }

  /** The longest run of consecutive charge lines that sums exactly to one of the totals, or empty. */
  Optional<Result> bestRun(List<Entry> entries, List<BigDecimal> totals) {
    List<Entry> leaves = entries.stream().filter(e -> !e.total()).toList();
    Result best = null;
    int bestLength = 0;
    for (BigDecimal total : totals) {
      for (int i = 0; i < leaves.size(); i++) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = i; j < leaves.size(); j++) {
          sum = sum.add(leaves.get(j).amount());
          int length = j - i + 1;
          if (sum.compareTo(total) == 0 && length > bestLength) {
            bestLength = length;
            best = new Result(charges(withoutZeroEnds(leaves.subList(i, j + 1))), total, true);
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A zero amount at either end of a run adds nothing to the sum, so nothing says it belongs to the run: at its
   * edges it is usually a neighbouring row (an adjustments or balance line printing .00). Zero lines inside the
   * run stay, as the table printed them among its charges.
   */
  private static List<Entry> withoutZeroEnds(List<Entry> run) {
    int from = 0;
    int to = run.size();
    while (from < to - 1 && run.get(from).amount().signum() == 0) {
      from++;
    }
    while (to - 1 > from && run.get(to - 1).amount().signum() == 0) {
      to--;
    }
    return run.subList(from, to);
  }

  private List<Charge> charges(List<Entry> entries) {
    List<Charge> out = new ArrayList<>();
    for (Entry e : entries) {
      String key = Phrases.normalise(e.description());
      String type = vocabulary.label(Vocabulary.Label.tax).in(key) ? "TAX" : null;
      out.add(new Charge(e.description(), null, null, null, e.amount(), type, null));
    }
    return out;
  }
}

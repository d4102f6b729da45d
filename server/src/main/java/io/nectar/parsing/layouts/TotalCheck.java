package io.nectar.parsing.layouts;

import io.nectar.parsing.ExtractedBill.Charge;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts an OCR'd charge table right with the printed total. Each line of the table has its reading as OCR
 * gave it and a few other readings it could have been (a row whose columns OCR garbled but whose amount is
 * plain, a minus lost or added by a speck, a decimal point dropped); each other reading costs a little. The
 * cheapest choice of readings whose amounts sum to the total, to the cent, wins, but only when it is the one
 * cheapest choice: two ways of closing the gap at the same cost mean the check cannot tell, and the table is
 * left as read (the validator then flags the bill).
 *
 * <p>The total confirms every change made: a wrong reading would have to miss the total by exactly what
 * another plausible misreading makes up, which the small cost budget keeps unlikely.
 */
final class TotalCheck {
  /** The most a fix may cost: at most three lines read otherwise than OCR gave them. */
  static final int MAX_COST = 3;

  /**
   * One way to read a table line.
   *
   * @param charge null when the line is read as no charge
   * @param cost 0 for the reading as made; more for each guess about what OCR got wrong
   */
  record Reading(Charge charge, int cost) {
    static Reading asRead(Charge charge) {
      return new Reading(charge, 0);
    }
  }

  private TotalCheck() {}

  /**
   * The charges whose sum is {@code total}, from the cheapest unique choice of readings; empty when the table
   * already sums to it, no choice within {@link #MAX_COST} does, or more than one does at the lowest cost.
   *
   * @param lines each line's readings, the first being the one made (cost 0)
   */
  static Optional<List<Charge>> reconcile(List<List<Reading>> lines, BigDecimal total) {
    if (total == null || lines.isEmpty()) {
      return Optional.empty();
    }
    Search search = new Search(lines, total);
    search.walk(0, 0, BigDecimal.ZERO, new int[lines.size()]);
    if (search.best == null || search.bestCost == 0 || search.ambiguous) {
      return Optional.empty();
    }
    List<Charge> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Charge c = lines.get(i).get(search.best[i]).charge();
      if (c != null) {
        out.add(c);
      }
    }
    return Optional.of(out);
  }

  /** A bounded walk over the choices, keeping the cheapest that sums to the total and whether it is alone. */
  private static final class Search {
    final List<List<Reading>> lines;
    final BigDecimal total;
    int[] best;
    int bestCost = Integer.MAX_VALUE;
    boolean ambiguous;

    Search(List<List<Reading>> lines, BigDecimal total) {
      this.lines = lines;
      this.total = total;
    }

    void walk(int line, int cost, BigDecimal sum, int[] choice) {
      if (cost > MAX_COST || cost > bestCost) {
        return;
      }
      if (line == lines.size()) {
        if (sum.compareTo(total) == 0) {
          found(choice, cost);
        }
        return;
      }
      List<Reading> readings = lines.get(line);
      for (int k = 0; k < readings.size(); k++) {
        Reading r = readings.get(k);
        choice[line] = k;
        walk(line + 1, cost + r.cost(), r.charge() == null ? sum : sum.add(r.charge().amount()), choice);
      }
      choice[line] = 0;
    }

    private void found(int[] choice, int cost) {
      if (cost < bestCost) {
        best = choice.clone();
        bestCost = cost;
        ambiguous = false;
      } else if (cost == bestCost && !sameAmounts(best, choice)) {
        ambiguous = true;
      }
    }

    /** Two choices that differ only in which of two equal amounts they take give the same table. */
    private boolean sameAmounts(int[] a, int[] b) {
      List<BigDecimal> left = amounts(a);
      List<BigDecimal> right = amounts(b);
      if (left.size() != right.size()) {
        return false;
      }
      left.sort(BigDecimal::compareTo);
      right.sort(BigDecimal::compareTo);
      for (int i = 0; i < left.size(); i++) {
        if (left.get(i).compareTo(right.get(i)) != 0) {
          return false;
        }
      }
      return true;
    }

    private List<BigDecimal> amounts(int[] choice) {
      List<BigDecimal> out = new ArrayList<>();
      for (int i = 0; i < choice.length; i++) {
        Charge c = lines.get(i).get(choice[i]).charge();
        if (c != null) {
          out.add(c.amount());
        }
      }
      return out;
    }
  }
}

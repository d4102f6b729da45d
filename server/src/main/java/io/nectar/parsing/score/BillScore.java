package io.nectar.parsing.score;

import java.util.List;

/** Every scored field of one bill. */
public record BillScore(String file, List<FieldScore> fields) {
  public BillScore {
    fields = List.copyOf(fields);
  }

  public long exact() {
    return fields.stream().filter(f -> f.outcome() == FieldScore.Outcome.EXACT).count();
  }

  public long missing() {
    return fields.stream().filter(f -> f.outcome() == FieldScore.Outcome.MISSING).count();
  }

  public long wrong() {
    return fields.stream().filter(f -> f.outcome() == FieldScore.Outcome.WRONG).count();
  }

  public int total() {
    return fields.size();
  }
}

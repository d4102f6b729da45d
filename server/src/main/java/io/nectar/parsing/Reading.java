package io.nectar.parsing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the engine made of one file.
 *
 * @param layout the matched layout's id, {@code "generic"}, or null when the file is not a bill
 * @param bill null when the file is not a utility bill
 * @param problems empty when the bill passed every check
 */
public record Reading(
    FileType type,
    int pages,
    boolean usedOcr,
    String layout,
    Detection detection,
    ExtractedBill bill,
    List<Problem> problems) {

  public Reading {
    problems = List.copyOf(problems);
  }

  public boolean isBill() {
    return bill != null;
  }

  public boolean isFlagged() {
    return !problems.isEmpty();
  }

  /** The document's {@code flaggedStatus}: every problem, in words. */
  public String flaggedStatus() {
    return problems.isEmpty() ? null : problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
  }
}

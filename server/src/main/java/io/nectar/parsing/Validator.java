package io.nectar.parsing;

import java.util.ArrayList;
import java.util.List;

/** Stage 6: the rules a correctly read bill keeps. */
public final class Validator {
  public List<Problem> check(ExtractedBill bill) {
    List<Problem> problems = new ArrayList<>();
    return problems;
  }
}

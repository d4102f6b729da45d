package io.nectar.web;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one list of places where the server, not the OpenAPI document, is wrong, for
 * {@link SchemaBoundaryTest} and {@link OpenApiTest}. Each entry is fixed on the server by other
 * work under way (issue 10) or is to be; {@link SchemaBoundaryTest} fails once an entry no longer
 * reproduces, so that it is removed with the fix.
 */
final class KnownServerGaps {
  /**
   * Each gap: a regular expression over a case's name ({@code METHOD /template where=value}, the
   * value as JSON, or {@code 405 METHOD /template}), one over the problem found, and the reason.
   */
  static final List<KnownGap> LIST = List.of();

  /** A disagreement that the server must fix: the cases and problems it covers, and why. */
  record KnownGap(String cases, String problems, String why) {
    boolean covers(String caseName, String problem) {
      return Pattern.compile(cases, Pattern.DOTALL).matcher(caseName).matches()
          && Pattern.compile(problems, Pattern.DOTALL).matcher(problem).matches();
    }
  }

  private static final Set<KnownGap> REPRODUCED = Collections.synchronizedSet(new LinkedHashSet<>());

  private KnownServerGaps() {}

  /** Whether {@code problem} of {@code caseName} is a known server gap; records that the gap still reproduces. */
  static boolean covers(String caseName, String problem) {
    for (KnownGap gap : LIST) {
      if (gap.covers(caseName, problem)) {
        REPRODUCED.add(gap);
        return true;
      }
    }
    return false;
  }

  /** The gaps that no case has reproduced in this run. */
  static List<KnownGap> notReproduced() {
    return LIST.stream().filter(g -> !REPRODUCED.contains(g)).toList();
  }
}

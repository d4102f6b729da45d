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
  static final List<KnownGap> LIST = List.of(
      new KnownGap("GET \\S+ query\\.\\w+=\".*(\\\\u0000|%00).*\"",
          "answered 500 .*|the document refuses it, the server answered 200.*",
          "Issue 10, defect 1: U+0000 in a query value reaches PostgreSQL (500 on identifier and"
              + " connectionOwnerEmail) or is compared as text (200); it must be a 400."),
      new KnownGap("GET \\S+ query\\.\\w+=\"%ZZ\"", "the document refuses it, the server answered 200.*",
          "Issue 10, defect 8: a malformed percent-escape is dropped and the list answers unfiltered;"
              + " it must be a 400."),
      new KnownGap("\\w+ \\S+ body\\.dataCollectionStartDate=.*\"dataCollectionStartDate\":\"\\d{4}-\\d{2}-\\d{2}\".*",
          "the document refuses it, the server answered 20[01].*",
          "Issue 10, defect 10: any date is accepted (0001-01-01, 9999-12-31, tomorrow); it must lie"
              + " between NECTAR_EARLIEST_COLLECTION_DATE (2000-01-01) and today (UTC)."),
      new KnownGap("\\w+ \\S+ multipart\\.\\w+=.*", "the document refuses it, the server answered 20[01].*",
          "Issue 10, defect 3: a multipart part with a filename is read as an empty value; it must be a 400."),
      new KnownGap("405 \\w+ \\S+", "Allow is null, .*|header Allow missing",
          "Issue 10, defect 5: a 405 carries no Allow header."),
      new KnownGap("\\w+ \\S+ (query\\.(startDate|endDate)|body\\.since)=.*[+-](1[89]|2[0-3]):[0-5]\\d\\W*",
          "the document admits it, the server refused it.*",
          "Issue 10, defect 12: offsets beyond +-18:00, which RFC 3339 allows, are refused."),
      new KnownGap("POST \\S+ body\\.url=.*\"url\":\"[^\"]*[/?#][^\"]*://.*", "answered 500 .*",
          "Found here: a connection URL without a scheme that holds :// after its host"
              + " (nectarclimate.com/?next=https://x) is a relative URI, whose null scheme"
              + " ConnectionInput.isWebAddress dereferences; it must be the 400 of any other URL it refuses."));

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

package io.nectar.jobs;

import io.nectar.sites.Site;

/**
 * Which of a company's sites a bill's service address names, if any.
 *
 * @param site the site, when {@link Outcome#MATCHED}
 * @param score how much of the shorter address the other holds, 0..1 ({@link SiteMatcher#THRESHOLD})
 * @param detail why, in words, for the document's flag when no site is chosen
 */
record SiteMatch(Outcome outcome, Site site, double score, String detail) {
  enum Outcome {
    /** One site's address is close enough, and clearly closer than any other. */
    MATCHED,
    /** No site's address is close enough (or the bill shows no service address). */
    NONE,
    /** Several sites are as close: picking one would be arbitrary. */
    AMBIGUOUS
  }
}

package io.nectar.jobs;

import io.nectar.jobs.SiteMatchAddress.Kind;
import io.nectar.jobs.SiteMatchAddress.Token;
import io.nectar.sites.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the site a bill's service address names. Two addresses are compared word by word
 * ({@link SiteMatchAddress}): the score is the weight of the shorter address's words that the other
 * holds, over the shorter's whole weight, so "123 Main St" matches "123 Main Street, Springfield IL
 * 62701" in full, whichever of the two the site or the bill prints.
 *
 * <p>A number in the shorter address that the other lacks (house number, postcode, suite) makes the
 * two different places, as do different street types (Street, Avenue) or directions (N, S). Words of
 * five letters or more also match with one letter wrong, for OCR.
 *
 * <p>The threshold, {@value #THRESHOLD}: with numbers weighing 3, names 2 and street types,
 * directions and unit words 0.5, every number and name of the shorter address must be found; only
 * those light words may be missing (Street on one side only). One missing name ("Springfield"
 * against "Chicago") falls below it.
 */
final class SiteMatcher {
  static final double THRESHOLD = 0.8;
  /** Two sites closer than this to the best score are a tie: choosing one would be arbitrary. */
  private static final double TIE = 0.05;

  /** The site among {@code sites} whose address is closest to {@code serviceAddress}, if one clearly is. */
  SiteMatch match(String serviceAddress, List<Site> sites) {
    SiteMatchAddress bill = SiteMatchAddress.of(serviceAddress);
    if (bill.isEmpty()) {
      return new SiteMatch(SiteMatch.Outcome.NONE, null, 0, "the bill shows no service address");
    }
    record Scored(Site site, double score) {}
    List<Scored> close = new ArrayList<>();
    for (Site site : sites) {
      double score = score(bill, SiteMatchAddress.of(site.address()));
      if (score >= THRESHOLD) {
        close.add(new Scored(site, score));
      }
    }
    close.sort(Comparator.comparingDouble(Scored::score).reversed());
    if (close.isEmpty()) {
      return new SiteMatch(SiteMatch.Outcome.NONE, null, 0,
          "no site's address matches the service address \"" + serviceAddress.strip() + "\"");
    }
    Scored best = close.get(0);
    List<Scored> tied = close.stream().filter(s -> best.score() - s.score() < TIE).toList();
    if (tied.size() > 1) {
      return new SiteMatch(SiteMatch.Outcome.AMBIGUOUS, null, best.score(),
          "several sites' addresses match the service address \"" + serviceAddress.strip() + "\" ("
              + tied.stream().map(s -> s.site().name()).collect(Collectors.joining(", ")) + ")");
    }
    return new SiteMatch(SiteMatch.Outcome.MATCHED, best.site(), best.score(),
        "the service address \"" + serviceAddress.strip() + "\" matches site " + best.site().name());
  }

  /** 0..1: how much of the lighter address the other holds; 0 when they name different places. */
  static double score(SiteMatchAddress a, SiteMatchAddress b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    SiteMatchAddress small = a.weight() <= b.weight() ? a : b;
    SiteMatchAddress large = small == a ? b : a;
    if (differ(small, large, Kind.STREET_TYPE) || differ(small, large, Kind.DIRECTION)) {
      return 0;
    }
    List<Token> smallNumbers = small.of(Kind.NUMBER);
    List<Token> largeNumbers = large.of(Kind.NUMBER);
    if (!smallNumbers.stream().allMatch(n -> contains(large, n))) {
      return 0;
    }
    long sharedNames = small.of(Kind.NAME).stream().filter(n -> contains(large, n)).count();
    // An address without a number against one with it: only a street and city together say it is the same place.
    boolean oneHasNumbers = smallNumbers.isEmpty() != largeNumbers.isEmpty();
    if (sharedNames == 0 || (oneHasNumbers && sharedNames < 2)) {
      return 0;
    }
    double found = small.tokens().stream().filter(t -> contains(large, t)).mapToDouble(t -> t.kind().weight).sum();
    return found / small.weight();
  }

  /** Both name words of this kind and no word in common: Street against Avenue. */
  private static boolean differ(SiteMatchAddress a, SiteMatchAddress b, Kind kind) {
    Set<String> x = a.of(kind).stream().map(Token::text).collect(Collectors.toSet());
    Set<String> y = b.of(kind).stream().map(Token::text).collect(Collectors.toSet());
    return !x.isEmpty() && !y.isEmpty() && x.stream().noneMatch(y::contains);
  }

  private static boolean contains(SiteMatchAddress address, Token token) {
    return address.tokens().stream().anyMatch(t -> t.kind() == token.kind() && same(t.text(), token.text()));
  }

  private static boolean same(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    return a.length() >= 5 && b.length() >= 5 && !a.chars().anyMatch(Character::isDigit)
        && withinOneEdit(a, b);
  }

  /** Whether one substitution, insertion or deletion turns {@code a} into {@code b}. */
  private static boolean withinOneEdit(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    String s = a.length() <= b.length() ? a : b;
    String l = s == a ? b : a;
    int i = 0;
    int j = 0;
    boolean edited = false;
    while (i < s.length() && j < l.length()) {
      if (s.charAt(i) == l.charAt(j)) {
        i++;
        j++;
        continue;
      }
      if (edited) {
        return false;
      }
      edited = true;
      if (s.length() == l.length()) {
        i++;
      }
      j++;
    }
    return true;
  }
}

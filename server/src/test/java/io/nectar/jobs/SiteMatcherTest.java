package io.nectar.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.sites.Site;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SiteMatcherTest {
  private final SiteMatcher matcher = new SiteMatcher();

  @Test
  void abbreviationsCaseAndPunctuationDoNotMatter() {
    assertThat(score("123 MAIN ST., SPRINGFIELD IL 62701", "123 Main Street, Springfield, IL 62701")).isEqualTo(1.0);
    assertThat(score("45 N. Elm Ave Ste 200", "45 North Elm Avenue, Suite 200")).isEqualTo(1.0);
    assertThat(score("Av. Paulista, 1000 - São Paulo", "Avenida Paulista 1000, Sao Paulo")).isEqualTo(1.0);
  }

  @Test
  void theShorterAddressNeedOnlyBeFoundInTheLonger() {
    assertThat(score("123 Main St", "123 Main Street, Springfield IL 62701")).isEqualTo(1.0);
  }

  @Test
  void anotherHouseNumberPostcodeStreetTypeOrDirectionIsAnotherPlace() {
    assertThat(score("125 Main St Springfield", "123 Main Street Springfield")).isZero();
    assertThat(score("123 Main St Springfield IL 62702", "123 Main Street Springfield IL 62701")).isZero();
    assertThat(score("123 Main Ave", "123 Main Street")).isZero();
    assertThat(score("123 N Main St", "123 S Main St")).isZero();
  }

  @Test
  void anotherCityFallsBelowTheThreshold() {
    assertThat(score("123 Main St Chicago", "123 Main Street Springfield")).isLessThan(SiteMatcher.THRESHOLD);
  }

  @Test
  void oneLetterWrongInALongWordStillMatches() {
    assertThat(score("123 MAIN ST SPRINGFIEID", "123 Main Street Springfield")).isEqualTo(1.0);
  }

  @Test
  void theClosestSiteWinsAndATieIsNoMatch() {
    Site hq = site("HQ", "123 Main Street, Springfield IL 62701");
    Site depot = site("Depot", "9 Oak Avenue, Springfield IL 62704");
    assertThat(matcher.match("123 MAIN ST SPRINGFIELD", List.of(depot, hq)).site()).isEqualTo(hq);

    Site suite1 = site("Suite 100", "123 Main St Suite 100");
    Site suite2 = site("Suite 200", "123 Main St Suite 200");
    assertThat(matcher.match("123 Main St Suite 200", List.of(suite1, suite2)).site()).isEqualTo(suite2);
    SiteMatch tie = matcher.match("123 Main St", List.of(suite1, suite2));
    assertThat(tie.outcome()).isEqualTo(SiteMatch.Outcome.AMBIGUOUS);
    assertThat(tie.site()).isNull();
  }

  @Test
  void noAddressOrNoCloseSiteIsNoMatch() {
    Site hq = site("HQ", "123 Main Street, Springfield IL 62701");
    assertThat(matcher.match(null, List.of(hq)).outcome()).isEqualTo(SiteMatch.Outcome.NONE);
    assertThat(matcher.match("Springfield", List.of(hq)).outcome()).isEqualTo(SiteMatch.Outcome.NONE);
    assertThat(matcher.match("77 Elm Road, Shelbyville", List.of(hq)).outcome()).isEqualTo(SiteMatch.Outcome.NONE);
  }

  private static double score(String a, String b) {
    return SiteMatcher.score(SiteMatchAddress.of(a), SiteMatchAddress.of(b));
  }

  private static Site site(String name, String address) {
    return new Site(UUID.randomUUID(), UUID.randomUUID(), name, null, address, List.of(), null, null, Instant.EPOCH,
        Instant.EPOCH);
  }
}

package io.nectar.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grammar of white-label values: what reaches a CSP header or a page can carry nothing else. */
class BrandingRulesTest {

  @Test
  void theAllowedFrameAncestorSourcesPass() {
    for (String source : List.of("*", "'self'", "'none'", "https://app.example.com", "https://example.com:8443",
        "https://*.example.org", "https://localhost", "https://10.0.0.1", "HTTPS://App.Example.COM")) {
      assertThat(BrandingRules.frameAncestorProblem(source)).as(source).isEmpty();
    }
  }

  @Test
  void sourcesThatCouldInjectADirectiveOrWidenThePolicyAreRefused() {
    for (String source : List.of("https://a.example; script-src *", "https://a.example;", "https://a.example,https://b",
        "https://a.example https://b.example", "https://a.example\r\nX-Injected: 1", "https://a.example\n",
        "'unsafe-inline'", "'unsafe-eval'", "'self' 'unsafe-inline'", "'SELF", "self", "none",
        "https://a.example/", "https://a.example/path", "https://a.example?x=1", "https://a.example#x",
        "http://a.example", "data:", "blob:", "https:", "https://", "https://*", "https://*.", "https://a.*.example",
        "*.example.com", "a.example.com", "https://a.example:0", "https://a.example:99999", "https://a.example:",
        "https://user@a.example", "https://a.example'", "\"https://a.example\"", "https://-a.example",
        "https://a_b.example", "https://[::1]", "", " ", "https://exa\u0000mple.com", "https://\u00e9xample.com")) {
      assertThat(BrandingRules.frameAncestorProblem(source)).as("%s", source).isPresent();
    }
  }

  @Test
  void noneMustStandAloneAndTheListHasAtMostTwentySources() {
    assertThat(BrandingRules.frameAncestorsProblem(List.of("'none'"))).isEmpty();
    assertThat(BrandingRules.frameAncestorsProblem(List.of())).isEmpty();
    assertThat(BrandingRules.frameAncestorsProblem(List.of("'none'", "https://a.example"))).isPresent();
    assertThat(BrandingRules.frameAncestorsProblem(List.of("https://a.example", "'NONE'"))).isPresent();
    List<String> twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "https://s" + i + ".example").toList();
    assertThat(BrandingRules.frameAncestorsProblem(twenty)).isEmpty();
    List<String> more = new java.util.ArrayList<>(twenty);
    more.add("https://s20.example");
    assertThat(BrandingRules.frameAncestorsProblem(more)).isPresent();
  }

  @Test
  void aNameIsOneToAHundredCharactersWithoutControlOrFormatCharacters() {
    assertThat(BrandingRules.nameProblem("Acme Énergie ⚡")).isEmpty();
    assertThat(BrandingRules.nameProblem("x".repeat(100))).isEmpty();
    assertThat(BrandingRules.nameProblem("😀".repeat(100))).isEmpty(); // counted in characters, not UTF-16 units
    for (String name : List.of("", " ", "x".repeat(101), "bell\u0007", "line\nbreak", "tab\tname", "rtl\u202Eevil",
        "zero\u200Bwidth", "del\u007f", "sep\u2028", "nul\u0000")) {
      assertThat(BrandingRules.nameProblem(name)).as("%s", name).isPresent();
    }
  }

  @Test
  void aColourIsSixHexDigitsAfterAHash() {
    assertThat(BrandingRules.colourProblem("#1f6feb")).isEmpty();
    assertThat(BrandingRules.colourProblem("#ABCDEF")).isEmpty();
    assertThat(BrandingRules.normalColour("#ABCDEF")).isEqualTo("#abcdef");
    for (String colour : List.of("1f6feb", "#1f6fe", "#1f6febb", "#1f6feg", "red", "#fff", "#1f6feb;", " #1f6feb", "")) {
      assertThat(BrandingRules.colourProblem(colour)).as(colour).isPresent();
    }
  }

  @Test
  void aLogoUrlIsAnAbsoluteHttpsUrlThatCannotLeaveAnAttribute() {
    assertThat(BrandingRules.logoUrlProblem("https://cdn.example.com/acme/logo.png?v=2")).isEmpty();
    assertThat(BrandingRules.logoUrlProblem("https://cdn.example.com/" + "a".repeat(1976))).isEmpty(); // 2000 characters
    for (String url : List.of("http://cdn.example.com/logo.png", "javascript:alert(1)", "data:image/png;base64,AAAA",
        "//cdn.example.com/logo.png", "/logo.png", "https://", "https:logo.png", "https://user:pw@cdn.example.com/l.png",
        "https://cdn.example.com/a\".png", "https://cdn.example.com/a'.png", "https://cdn.example.com/<script>",
        "https://cdn.example.com/a b.png", "https://cdn.example.com/a\n.png", "https://cdn.example.com/" + "a".repeat(1977),
        "https://cdn.example.com/\u00e9.png", "")) {
      assertThat(BrandingRules.logoUrlProblem(url)).as("%s", url).isPresent();
    }
  }

  @Test
  void theDirectiveListsTheSourcesAndAnEmptyListAllowsNone() {
    assertThat(new Branding("A", "#1f6feb", null, List.of("'self'", "https://a.example")).frameAncestorsDirective())
        .isEqualTo("frame-ancestors 'self' https://a.example");
    assertThat(new Branding("A", "#1f6feb", null, List.of()).frameAncestorsDirective())
        .isEqualTo("frame-ancestors 'none'");
  }
}

package io.nectar.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.errors.Forbidden;
import io.nectar.testing.TestClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SignedLinksTest {
  private static final byte[] SECRET = "a server secret of at least 32 characters".getBytes(StandardCharsets.UTF_8);
  private static final String KEY = "documents/0190c3a2-7b1e-7c4d-9a3f-1d2e3f4a5b6c/bill.pdf";
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  private final TestClock clock = new TestClock();
  private final SignedLinks links = new SignedLinks(SECRET, clock);

  @Test
  void aLinkNamesTheFileItsExpiryAndItsSignature() {
    SignedLinks fixed = new SignedLinks(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    String link = fixed.link("https://nectar.example.com/", KEY, SignedLinks.DOCUMENT_LINK_VALIDITY);

    assertThat(link).startsWith("https://nectar.example.com/files/" + KEY + "?expires="
        + NOW.plus(Duration.ofHours(24)).getEpochSecond() + "&signature=");
    assertThat(Link.parse(link).signature()).matches("[A-Za-z0-9_-]{43}"); // 32 bytes, base64url, no padding
  }

  @Test
  void aFreshLinkVerifiesAndSaysHowLongItStaysValid() {
    SignedLinks fixed = new SignedLinks(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
    Link link = Link.parse(fixed.link("http://localhost:8080", KEY, SignedLinks.DOCUMENT_LINK_VALIDITY));

    Duration remaining = fixed.verify(link.key(), link.expires(), link.signature());

    assertThat(remaining).isEqualTo(SignedLinks.DOCUMENT_LINK_VALIDITY);
  }

  @Test
  void aLinkIsAcceptedByAnotherInstanceWithTheSameSecretForWhatRemainsOfItsValidity() {
    // Restarts and other server processes behind a load balancer must accept it too, and count its
    // validity from the expiry it carries, not from when they happen to see it.
    Link link = Link.parse(new SignedLinks(SECRET, Clock.fixed(NOW, ZoneOffset.UTC))
        .link("http://localhost:8080", KEY, SignedLinks.DOCUMENT_LINK_VALIDITY));
    SignedLinks anHourLater = new SignedLinks(SECRET.clone(),
        Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));

    Duration remaining = anHourLater.verify(link.key(), link.expires(), link.signature());

    assertThat(remaining).isEqualTo(SignedLinks.DOCUMENT_LINK_VALIDITY.minus(Duration.ofHours(1)));
  }

  @Test
  void anAlteredSignatureIsNotValid() {
    Link link = Link.parse(links.link("http://localhost", KEY, Duration.ofHours(1)));
    char last = link.signature().charAt(link.signature().length() - 1);
    String altered = link.signature().substring(0, link.signature().length() - 1) + (last == 'A' ? 'B' : 'A');

    assertForbidden(() -> links.verify(link.key(), link.expires(), altered), SignedLinks.INVALID);
    assertForbidden(() -> links.verify(link.key(), link.expires(), link.signature() + "A"), SignedLinks.INVALID);
    assertForbidden(() -> links.verify(link.key(), link.expires(), ""), SignedLinks.INVALID);
    assertForbidden(() -> links.verify(link.key(), link.expires(), "ünïcödé"), SignedLinks.INVALID);
  }

  @Test
  void aLinkForOneFileDoesNotOpenAnother() {
    Link link = Link.parse(links.link("http://localhost", KEY, Duration.ofHours(1)));

    assertForbidden(() -> links.verify(KEY.replace("bill.pdf", "other.pdf"), link.expires(), link.signature()),
        SignedLinks.INVALID);
    assertForbidden(() -> links.verify(KEY + "x", link.expires(), link.signature()), SignedLinks.INVALID);
  }

  @Test
  void anExtendedOrShortenedExpiryIsNotValid() {
    Link link = Link.parse(links.link("http://localhost", KEY, Duration.ofHours(1)));
    long expires = Long.parseLong(link.expires());

    assertForbidden(() -> links.verify(link.key(), Long.toString(expires + 86_400), link.signature()),
        SignedLinks.INVALID);
    // Even an expiry moved into the past says "not valid": the signature is checked first.
    assertForbidden(() -> links.verify(link.key(), Long.toString(expires - 86_400), link.signature()),
        SignedLinks.INVALID);
    assertForbidden(() -> links.verify(link.key(), "0" + link.expires(), link.signature()), SignedLinks.INVALID);
  }

  @Test
  void aGenuineLinkPastItsExpiryHasExpired() {
    Link link = Link.parse(links.link("http://localhost", KEY, Duration.ofHours(24)));

    clock.advance(Duration.ofHours(23).plusMinutes(59));
    links.verify(link.key(), link.expires(), link.signature());

    clock.advance(Duration.ofMinutes(1));
    assertForbidden(() -> links.verify(link.key(), link.expires(), link.signature()), SignedLinks.EXPIRED);
  }

  @Test
  void aLinkExpiresAtExactlyItsExpirySecond() {
    MutableClock time = new MutableClock(NOW);
    SignedLinks fixed = new SignedLinks(SECRET, time);
    Link link = Link.parse(fixed.link("http://localhost", KEY, Duration.ofSeconds(10)));

    time.now = NOW.plusSeconds(9);
    assertThat(fixed.verify(link.key(), link.expires(), link.signature())).isEqualTo(Duration.ofSeconds(1));

    time.now = NOW.plusSeconds(10);
    assertForbidden(() -> fixed.verify(link.key(), link.expires(), link.signature()), SignedLinks.EXPIRED);
  }

  @Test
  void aLinkSignedUnderAnotherSecretIsNotValid() {
    SignedLinks other = new SignedLinks("another server secret, 32 characters or more".getBytes(StandardCharsets.UTF_8),
        clock);
    Link link = Link.parse(other.link("http://localhost", KEY, Duration.ofHours(1)));

    assertForbidden(() -> links.verify(link.key(), link.expires(), link.signature()), SignedLinks.INVALID);
  }

  @Test
  void missingOrMalformedPartsAreNotValid() {
    Link link = Link.parse(links.link("http://localhost", KEY, Duration.ofHours(1)));

    assertForbidden(() -> links.verify(link.key(), null, link.signature()), SignedLinks.INVALID);
    assertForbidden(() -> links.verify(link.key(), link.expires(), null), SignedLinks.INVALID);
    assertForbidden(() -> links.verify(null, link.expires(), link.signature()), SignedLinks.INVALID);
    assertForbidden(() -> links.verify("../secret.key", link.expires(), link.signature()), SignedLinks.INVALID);
    assertForbidden(() -> links.verify(link.key(), "-1", link.signature()), SignedLinks.INVALID);
    assertForbidden(() -> links.verify(link.key(), "+" + link.expires(), link.signature()), SignedLinks.INVALID);
    assertForbidden(() -> links.verify(link.key(), "99999999999999999999", link.signature()), SignedLinks.INVALID);
    assertForbidden(() -> links.verify(link.key(), "tomorrow", link.signature()), SignedLinks.INVALID);
  }

  @Test
  void onlyValidKeysAndPositiveDurationsMakeLinks() {
    assertThatThrownBy(() -> links.link("http://localhost", "../secret.key", Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> links.link("http://localhost", KEY, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> links.link("http://localhost", KEY, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itsDescriptionRevealsNoKey() {
    assertThat(links.toString()).isEqualTo("SignedLinks[HMAC-SHA256]");
  }

  @Test
  void aPageLinkNamesThePageAndVerifiesForWhatRemainsOfItsValidity() {
    MutableClock time = new MutableClock(NOW);
    SignedLinks pages = new SignedLinks(SECRET, time);
    String page = "/audit/documents/doc_1";

    String url = pages.pageLink("https://nectar.example.com/", page, Duration.ofHours(2));

    assertThat(url).startsWith("https://nectar.example.com" + page + "?expires="
        + NOW.plus(Duration.ofHours(2)).getEpochSecond() + "&signature=");
    Link link = Link.parse(url);
    time.now = NOW.plus(Duration.ofMinutes(30));
    assertThat(pages.verifyPage(link.path(), link.expires(), link.signature())).isEqualTo(Duration.ofMinutes(90));
    time.now = NOW.plus(Duration.ofHours(2));
    assertForbidden(() -> pages.verifyPage(link.path(), link.expires(), link.signature()), SignedLinks.EXPIRED);
  }

  @Test
  void aPageLinkDoesNotOpenAnotherPage() {
    Link link = Link.parse(links.pageLink("http://localhost", "/audit/documents/doc_1", Duration.ofHours(1)));

    assertForbidden(() -> links.verifyPage("/audit/documents/doc_2", link.expires(), link.signature()),
        SignedLinks.INVALID);
    assertForbidden(() -> links.verifyPage(link.path(), link.expires(), link.signature() + "A"), SignedLinks.INVALID);
  }

  @Test
  void fileLinksAndPageLinksNeverStandInForEachOther() {
    // A genuine file link checked as a page: its signature is right for its path, yet it is refused,
    // so a page route can never be opened (or a file served) by the other kind of link.
    Link file = Link.parse(links.link("http://localhost", KEY, Duration.ofHours(1)));
    assertForbidden(() -> links.verifyPage(file.path(), file.expires(), file.signature()), SignedLinks.INVALID);
    // And no page link can be made for a path under /files/, which would be a file link.
    assertThatThrownBy(() -> links.pageLink("http://localhost", "/files/" + KEY, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlySafePathsAndPositiveDurationsMakePageLinks() {
    for (String path : java.util.List.of("audit/documents/doc_1", "/audit/documents/doc_1?x=1", "/audit//doc_1", "/",
        "/audit/doc 1", "/audit/doc%2F1", "")) {
      assertThatThrownBy(() -> links.pageLink("http://localhost", path, Duration.ofHours(1)))
          .as(path).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> links.pageLink("http://localhost", "/audit/documents/doc_1", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> links.pageLink("http://localhost", "/audit/documents/doc_1", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(links.pageLink("http://localhost", "/audit/documents/doc_1", Duration.ofSeconds(1))).isNotBlank();
  }

  @Test
  void aMissingOrUnsafePagePathIsNotValid() {
    Link link = Link.parse(links.pageLink("http://localhost", "/audit/documents/doc_1", Duration.ofHours(1)));

    for (String path : java.util.Arrays.asList(null, "", "audit/documents/doc_1", "/audit/documents/doc_1/",
        "/audit/documents/doc_1?x")) {
      assertForbidden(() -> links.verifyPage(path, link.expires(), link.signature()), SignedLinks.INVALID);
    }
    assertForbidden(() -> links.verifyPage(link.path(), null, link.signature()), SignedLinks.INVALID);
    assertForbidden(() -> links.verifyPage(link.path(), link.expires(), null), SignedLinks.INVALID);
  }

  @Test
  void theBaseUrlIsJoinedToThePathWithExactlyOneSlash() {
    SignedLinks fixed = new SignedLinks(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
    String query = "?expires=" + NOW.plus(Duration.ofHours(1)).getEpochSecond() + "&signature=";

    for (String base : java.util.List.of("http://localhost:8080", "http://localhost:8080/")) {
      assertThat(fixed.link(base, KEY, Duration.ofHours(1))).startsWith("http://localhost:8080/files/" + KEY + query);
      assertThat(fixed.pageLink(base, "/audit/documents/doc_1", Duration.ofHours(1)))
          .startsWith("http://localhost:8080/audit/documents/doc_1" + query);
    }
    assertThat(fixed.link("https://example.com/nectar/", KEY, Duration.ofHours(1)))
        .startsWith("https://example.com/nectar/files/" + KEY + query);
  }

  private static void assertForbidden(ThrowingCallable call, String detail) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(Forbidden.class, e -> assertThat(e.detail()).isEqualTo(detail));
  }

  /** The parts of a link, as the server receives them. */
  record Link(String path, String key, String expires, String signature) {
    static Link parse(String url) {
      URI uri = URI.create(url);
      Map<String, String> query = new LinkedHashMap<>();
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        query.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      String path = uri.getRawPath();
      return new Link(path, path.substring("/files/".length()), query.get("expires"), query.get("signature"));
    }

    /** The path and query, to request from a test server. */
    String pathAndQuery() {
      return path + "?expires=" + expires + "&signature=" + signature;
    }
  }

  /** A clock stopped at {@code now}, which a test moves by hand. */
  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}

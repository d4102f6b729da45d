package io.nectar.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhook verification against the Standard Webhooks test vector and against every way a webhook can
 * be wrong.
 *
 * <p>The vector (secret, message id, timestamp, body and expected signature) is the one every Standard
 * Webhooks reference library tests its signer with, e.g. {@code TestWebhookSign} in
 * github.com/standard-webhooks/standard-webhooks {@code libraries/go/webhook_test.go} and
 * "sign function works" in {@code libraries/javascript/src/webhook.test.ts}; the other cases follow
 * those files' verification tests (missing headers, invalid and partial signatures, old and new
 * timestamps, several signatures, the optional {@code whsec_} prefix).
 */
class WebhookTest {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String MESSAGE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long TIMESTAMP = 1614265330L;
  static final String BODY = "{\"test\": 2432232314}";
  static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  /** Another valid secret (24 bytes, as this server makes them). */
  static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
      "another-24-byte-secret!!".getBytes(StandardCharsets.US_ASCII));

  static final Instant SENT = Instant.ofEpochSecond(TIMESTAMP);

  private static Map<String, List<String>> vectorHeaders(String prefix) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put(prefix + "id", List.of(MESSAGE_ID));
    headers.put(prefix + "timestamp", List.of(Long.toString(TIMESTAMP)));
    headers.put(prefix + "signature", List.of(SIGNATURE));
    return headers;
  }

  private static WebhookVerifier at(Instant now, String... secrets) {
    return Webhook.verifier(secrets).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  /** Signs as a sender would; checked against the vector below so that the other tests can trust it. */
  static String sign(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, List<String>> signedHeaders(String signatures, long timestamp) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("webhook-id", List.of(MESSAGE_ID));
    headers.put("webhook-timestamp", List.of(Long.toString(timestamp)));
    headers.put("webhook-signature", List.of(signatures));
    return headers;
  }

  @Test
  void theTestsSignerReproducesTheStandardWebhooksVector() {
    assertThat(sign(SECRET, MESSAGE_ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
  }

  @Test
  void theStandardWebhooksVectorVerifiesAndGivesTheEvent() {
    WebhookEvent event = at(SENT, SECRET).verify(BODY, vectorHeaders("webhook-"));

    assertThat(event.id()).isEqualTo(MESSAGE_ID);
    assertThat(event.timestamp()).isEqualTo(SENT);
    assertThat(event.payload()).isEqualTo(BODY);
    assertThat(event.json().get("test").asLong()).isEqualTo(2432232314L);
    assertThat(event.eventType()).isEmpty();
  }

  @Test
  void theSvixHeadersVerifyAsTheStandardOnesDo() {
    assertThat(at(SENT, SECRET).verify(BODY, vectorHeaders("svix-")).id()).isEqualTo(MESSAGE_ID);
  }

  @Test
  void headerNamesAreMatchedIgnoringCase() {
    Map<String, List<String>> headers = Map.of(
        "Webhook-Id", List.of(MESSAGE_ID),
        "WEBHOOK-TIMESTAMP", List.of(Long.toString(TIMESTAMP)),
        "Svix-Signature", List.of(SIGNATURE));

    assertThat(at(SENT, SECRET).verify(BODY, headers).id()).isEqualTo(MESSAGE_ID);
  }

  @Test
  void theWhsecPrefixOfTheSecretIsOptional() {
    String bare = SECRET.substring("whsec_".length());

    assertThat(at(SENT, bare).verify(BODY, vectorHeaders("webhook-")).id()).isEqualTo(MESSAGE_ID);
  }

  @Test
  void theHeadersOfAJavaNetHttpMessageAreAccepted() {
    HttpHeaders headers = HttpHeaders.of(vectorHeaders("webhook-"), (name, value) -> true);

    assertThat(at(SENT, SECRET).verify(BODY, headers).id()).isEqualTo(MESSAGE_ID);
  }

  @Test
  void theBodyAsBytesVerifiesAsTheStringDoes() {
    assertThat(at(SENT, SECRET).verify(BODY.getBytes(StandardCharsets.UTF_8), vectorHeaders("webhook-")).payload())
        .isEqualTo(BODY);
  }

  @Test
  void theStaticMethodsUseTheSystemClock() {
    long now = Instant.now().getEpochSecond();
    String body = "{\"eventType\": \"webhook.test\"}";
    Map<String, List<String>> headers = signedHeaders(sign(SECRET, MESSAGE_ID, now, body), now);

    assertThat(Webhook.verify(body, headers, SECRET).eventType()).isEqualTo("webhook.test");
    assertThat(Webhook.verify(body, HttpHeaders.of(headers, (n, v) -> true), SECRET).id()).isEqualTo(MESSAGE_ID);
    assertThat(Webhook.verify(body.getBytes(StandardCharsets.UTF_8), headers, SECRET).id()).isEqualTo(MESSAGE_ID);
    // And the vector, signed in 2021, is far too old for them.
    assertThatThrownBy(() -> Webhook.verify(BODY, vectorHeaders("webhook-"), SECRET))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
  }

  @Test
  void oneMatchingV1SignatureAmongSeveralIsEnough() {
    String signatures = String.join(" ",
        "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
        "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
        SIGNATURE,
        "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");

    assertThat(at(SENT, SECRET).verify(BODY, signedHeaders(signatures, TIMESTAMP)).id()).isEqualTo(MESSAGE_ID);
  }

  @Test
  void theRightSignatureUnderAnotherSchemeNameIsNotAccepted() {
    String signatures = "v1a," + SIGNATURE.substring(3) + " v2," + SIGNATURE.substring(3);

    assertThatThrownBy(() -> at(SENT, SECRET).verify(BODY, signedHeaders(signatures, TIMESTAMP)))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
  }

  @Test
  void aTamperedBodyIsRefused() {
    String tampered = BODY.replace("2432232314", "2432232315");

    assertThatThrownBy(() -> at(SENT, SECRET).verify(tampered, vectorHeaders("webhook-")))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
    assertThatThrownBy(() -> at(SENT, SECRET).verify(BODY + " ", vectorHeaders("webhook-")))
        .as("even a trailing space").isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aChangedIdOrTimestampIsRefusedBecauseTheyAreSignedToo() {
    Map<String, List<String>> otherId = vectorHeaders("webhook-");
    otherId.put("webhook-id", List.of("msg_p5jXN8AQM9LWM0D4loKWxJel"));
    Map<String, List<String>> otherTime = vectorHeaders("webhook-");
    otherTime.put("webhook-timestamp", List.of(Long.toString(TIMESTAMP + 1)));

    assertThatThrownBy(() -> at(SENT, SECRET).verify(BODY, otherId))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
    assertThatThrownBy(() -> at(SENT, SECRET).verify(BODY, otherTime))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
  }

  @Test
  void theWrongSecretIsRefused() {
    assertThatThrownBy(() -> at(SENT, OTHER_SECRET).verify(BODY, vectorHeaders("webhook-")))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
  }

  @Test
  void invalidAndPartialSignaturesAreRefused() {
    for (String signature : List.of("v1,dawfeoifkpqwoekfpqoekf", SIGNATURE.substring(0, 8), "v1,", "v1",
        SIGNATURE.substring(3), "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=")) {
      assertThatThrownBy(() -> at(SENT, SECRET).verify(BODY, signedHeaders(signature, TIMESTAMP)))
          .as(signature).isInstanceOf(WebhookVerificationException.class)
          .hasMessageContaining("No matching signature");
    }
  }

  @Test
  void eachMissingHeaderIsNamed() {
    for (String name : List.of("id", "timestamp", "signature")) {
      Map<String, List<String>> headers = vectorHeaders("webhook-");
      headers.remove("webhook-" + name);

      assertThatThrownBy(() -> at(SENT, SECRET).verify(BODY, headers))
          .isInstanceOf(WebhookVerificationException.class)
          .hasMessage("Missing required header webhook-" + name + " (or svix-" + name + ").");
    }
  }

  @Test
  void aTimestampThatIsNotWholeSecondsIsRefused() {
    for (String timestamp : List.of("hello", "+" + TIMESTAMP, "-" + TIMESTAMP, TIMESTAMP + ".5", "1e9",
        "99999999999999999999")) {
      Map<String, List<String>> headers = vectorHeaders("webhook-");
      headers.put("webhook-timestamp", List.of(timestamp));

      assertThatThrownBy(() -> at(SENT, SECRET).verify(BODY, headers)).as(timestamp)
          .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("Invalid webhook-timestamp");
    }
  }

  @Test
  void aTimestampOlderThanTheToleranceIsRefusedAndOneJustWithinItAccepted() {
    Instant limit = SENT.plus(WebhookVerifier.DEFAULT_TOLERANCE);

    assertThat(at(limit, SECRET).verify(BODY, vectorHeaders("webhook-")).id()).isEqualTo(MESSAGE_ID);
    assertThatThrownBy(() -> at(limit.plusSeconds(1), SECRET).verify(BODY, vectorHeaders("webhook-")))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
  }

  @Test
  void aTimestampNewerThanTheToleranceIsRefusedAndOneJustWithinItAccepted() {
    Instant limit = SENT.minus(WebhookVerifier.DEFAULT_TOLERANCE);

    assertThat(at(limit, SECRET).verify(BODY, vectorHeaders("webhook-")).id()).isEqualTo(MESSAGE_ID);
    assertThatThrownBy(() -> at(limit.minusSeconds(1), SECRET).verify(BODY, vectorHeaders("webhook-")))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too new");
  }

  @Test
  void theToleranceCanBeChanged() {
    Clock tenMinutesLater = Clock.fixed(SENT.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    WebhookVerifier lenient = Webhook.verifier(SECRET).tolerance(Duration.ofMinutes(15)).clock(tenMinutesLater)
        .build();
    WebhookVerifier strict = Webhook.verifier(SECRET).tolerance(Duration.ofSeconds(30))
        .clock(Clock.fixed(SENT.plusSeconds(31), ZoneOffset.UTC)).build();

    assertThat(lenient.verify(BODY, vectorHeaders("webhook-")).id()).isEqualTo(MESSAGE_ID);
    assertThatThrownBy(() -> strict.verify(BODY, vectorHeaders("webhook-")))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
    assertThatThrownBy(() -> Webhook.verifier(SECRET).tolerance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aVerifierWithSeveralSecretsAcceptsAMessageSignedWithAnyOfThem() {
    WebhookVerifier rotating = at(SENT, OTHER_SECRET, SECRET);
    String byOther = sign(OTHER_SECRET, MESSAGE_ID, TIMESTAMP, BODY);

    assertThat(rotating.verify(BODY, vectorHeaders("webhook-")).id()).as("signed with the old secret")
        .isEqualTo(MESSAGE_ID);
    assertThat(rotating.verify(BODY, signedHeaders(byOther, TIMESTAMP)).id()).as("signed with the new secret")
        .isEqualTo(MESSAGE_ID);
  }

  @Test
  void duringARotationAReceiverWithEitherSecretAcceptsTheDoublySignedMessage() {
    String both = SIGNATURE + " " + sign(OTHER_SECRET, MESSAGE_ID, TIMESTAMP, BODY);

    assertThat(at(SENT, SECRET).verify(BODY, signedHeaders(both, TIMESTAMP)).id()).isEqualTo(MESSAGE_ID);
    assertThat(at(SENT, OTHER_SECRET).verify(BODY, signedHeaders(both, TIMESTAMP)).id()).isEqualTo(MESSAGE_ID);
    String third = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);
    assertThatThrownBy(() -> at(SENT, third).verify(BODY, signedHeaders(both, TIMESTAMP)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void signaturesSplitOverSeveralHeaderValuesAreAllConsidered() {
    Map<String, List<String>> headers = signedHeaders("v1,bm9wZQ==", TIMESTAMP);
    headers.put("webhook-signature", List.of("v1,bm9wZQ==", SIGNATURE));

    assertThat(at(SENT, SECRET).verify(BODY, headers).id()).isEqualTo(MESSAGE_ID);
  }

  @Test
  void twoDifferentIdsAreAmbiguousAndRefused() {
    Map<String, List<String>> headers = vectorHeaders("webhook-");
    headers.put("webhook-id", List.of(MESSAGE_ID, "msg_other"));

    assertThatThrownBy(() -> at(SENT, SECRET).verify(BODY, headers))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("several values");
  }

  @Test
  void aSignedBodyThatIsNotAJsonObjectIsRefused() {
    String body = "[1, 2]";
    Map<String, List<String>> headers = signedHeaders(sign(SECRET, MESSAGE_ID, TIMESTAMP, body), TIMESTAMP);

    assertThatThrownBy(() -> at(SENT, SECRET).verify(body, headers))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("not a JSON object");
  }

  @Test
  void unusableSecretsAreAProgrammingErrorNotAVerificationFailure() {
    for (String secret : new String[] {"", " ", "whsec_", "whsec_not base64!"}) {
      assertThatThrownBy(() -> Webhook.verifier(secret)).as(secret).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Webhook.verifier()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMessageNeverContainsTheSecretOrTheExpectedSignature() {
    Map<String, List<String>> headers = signedHeaders("v1,bm9wZQ==", TIMESTAMP);

    assertThatThrownBy(() -> at(SENT, SECRET).verify(BODY, headers))
        .isInstanceOf(WebhookVerificationException.class)
        .message().doesNotContain(SECRET.substring(6)).doesNotContain(SIGNATURE.substring(3));
  }

  /** A typed view of a body, as a receiver would declare it; unknown fields are ignored. */
  record Reading(String eventType, BigDecimal test) {}

  @Test
  void theBodyIsReadAsATypedValueWithExactDecimals() {
    String body = "{\"eventType\": \"document.created.v2\", \"test\": 0.1, \"unknown\": {\"a\": 1}}";
    Map<String, List<String>> headers = signedHeaders(sign(SECRET, MESSAGE_ID, TIMESTAMP, body), TIMESTAMP);

    WebhookEvent event = at(SENT, SECRET).verify(body, headers);

    assertThat(event.eventType()).isEqualTo("document.created.v2");
    assertThat(event.data(Reading.class)).isEqualTo(new Reading("document.created.v2", new BigDecimal("0.1")));
    assertThatThrownBy(() -> event.data(Integer.class)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDocumentEventGivesTheDocumentWithItsNaiveTimestampsReadAsUtc() {
    String body = """
        {"id": "01a24a76-6d40-7524-ab01-633e60439c6c", "created": "2026-12-06T08:26:44.928966",
         "updated": "2026-12-06T08:26:45", "billDate": "2025-01-31", "totalCharges": "3631.17",
         "company": "01a24a76-6b13-73ed-b44c-0406b51629bd", "notAFieldYet": true,
         "usageData": [{"id": "01a24a76-6d62-7482-be28-6c26a40d5d90", "created": "2026-12-06T08:26:44.928966",
                        "usage": "3265"}],
         "eventType": "document.created.v2"}""";
    Map<String, List<String>> headers = signedHeaders(sign(SECRET, MESSAGE_ID, TIMESTAMP, body), TIMESTAMP);

    WebhookEvent event = at(SENT, SECRET).verify(body, headers);
    io.nectar.client.model.Document document = event.document();

    assertThat(document.id()).hasToString("01a24a76-6d40-7524-ab01-633e60439c6c");
    assertThat(document.created()).isEqualTo(Instant.parse("2026-12-06T08:26:44.928966Z"));
    assertThat(document.updated()).isEqualTo(Instant.parse("2026-12-06T08:26:45Z"));
    assertThat(document.totalCharges()).isEqualTo(new BigDecimal("3631.17"));
    assertThat(document.usageData()).singleElement().satisfies(u -> {
      assertThat(u.created()).isEqualTo(Instant.parse("2026-12-06T08:26:44.928966Z"));
      assertThat(u.usage()).isEqualTo(new BigDecimal("3265"));
    });
    assertThat(event.json().get("created").asText()).as("the body itself is left as sent")
        .isEqualTo("2026-12-06T08:26:44.928966");
    assertThatThrownBy(event::connection).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("document.created.v2");
  }

  @Test
  void aConnectionEventGivesTheConnection() {
    String body = """
        {"id": "01a24a76-6b51-7d36-a0d8-4dbcd736cf5e", "status": "CONNECTED", "created": "2026-12-06T08:26:44",
         "company": {"id": "01a24a76-6b13-73ed-b44c-0406b51629bd", "name": "Hooked Co"},
         "eventType": "connection.updated.v2", "old": {"status": "PENDING"}}""";
    Map<String, List<String>> headers = signedHeaders(sign(SECRET, MESSAGE_ID, TIMESTAMP, body), TIMESTAMP);

    WebhookEvent event = at(SENT, SECRET).verify(body, headers);

    assertThat(event.connection().status()).isEqualTo(io.nectar.client.model.ConnectionStatus.CONNECTED);
    assertThat(event.connection().company().name()).isEqualTo("Hooked Co");
    assertThat(event.json().get("old").get("status").asText()).isEqualTo("PENDING");
    assertThatThrownBy(event::document).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aVerificationFailureIsANectarException() {
    assertThatThrownBy(() -> at(SENT, OTHER_SECRET).verify(BODY, vectorHeaders("webhook-")))
        .isInstanceOf(NectarException.class);
  }
}

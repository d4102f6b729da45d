package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignerTest {
  // The Standard Webhooks test vector, as the reference libraries' tests have it (for example the
  // Svix PHP library's testSignFunctionWorks): secret, id, timestamp, payload and signature.
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long SPEC_TIMESTAMP = 1614265330L;
  private static final byte[] SPEC_PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Instant SPEC_NOW = Instant.ofEpochSecond(SPEC_TIMESTAMP);

  @Test
  void signingReproducesTheSpecificationTestVector() {
    assertThat(WebhookSigner.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD)).isEqualTo(SPEC_SIGNATURE);
  }

  @Test
  void theSecretPrefixIsOptionalWhenSigningAsInTheReferenceLibraries() {
    String bare = SPEC_SECRET.substring("whsec_".length());
    assertThat(WebhookSigner.sign(bare, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD)).isEqualTo(SPEC_SIGNATURE);
  }

  @Test
  void theVerifierAcceptsTheSpecificationTestVector() {
    Map<String, String> headers = Map.of(
        "webhook-id", SPEC_ID, "webhook-timestamp", "1614265330", "webhook-signature", SPEC_SIGNATURE);
    assertThatCode(() -> StandardWebhooksVerifier.verify(SPEC_SECRET, headers, SPEC_PAYLOAD, SPEC_NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void headersCarryIdTimestampAndSignatureUnderBothNamesAndTheContentType() {
    Map<String, String> headers = WebhookSigner.headers(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD);

    assertThat(headers).containsExactly(
        Map.entry("webhook-id", SPEC_ID),
        Map.entry("webhook-timestamp", "1614265330"),
        Map.entry("webhook-signature", SPEC_SIGNATURE),
        Map.entry("svix-id", SPEC_ID),
        Map.entry("svix-timestamp", "1614265330"),
        Map.entry("svix-signature", SPEC_SIGNATURE),
        Map.entry("content-type", "application/json"));
  }

  @Test
  void svixAndStandardHeadersCarryIdenticalValues() {
    Map<String, String> headers = WebhookSigner.headers(
        List.of(WebhookSigner.newSecret(), WebhookSigner.newSecret()), "msg_1", 1_700_000_000L, body());

    for (String name : List.of("id", "timestamp", "signature")) {
      assertThat(headers.get("svix-" + name)).as(name).isEqualTo(headers.get("webhook-" + name)).isNotBlank();
    }
  }

  @Test
  void eitherHeaderFamilyAloneIsEnoughForAReceiver() {
    String secret = WebhookSigner.newSecret();
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    Map<String, String> headers = WebhookSigner.headers(List.of(secret), "msg_1", now.getEpochSecond(), body());

    Map<String, String> svixOnly = new HashMap<>(headers);
    svixOnly.keySet().removeIf(name -> name.startsWith("webhook-"));
    Map<String, String> standardOnly = new HashMap<>(headers);
    standardOnly.keySet().removeIf(name -> name.startsWith("svix-"));

    assertThatCode(() -> StandardWebhooksVerifier.verify(secret, svixOnly, body(), now)).doesNotThrowAnyException();
    assertThatCode(() -> StandardWebhooksVerifier.verify(secret, standardOnly, body(), now))
        .doesNotThrowAnyException();
  }

  @Test
  void duringARotationBothSecretsSignAndEitherVerifies() {
    String oldSecret = WebhookSigner.newSecret();
    String newSecret = WebhookSigner.newSecret();
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    Map<String, String> headers =
        WebhookSigner.headers(List.of(oldSecret, newSecret), "msg_1", now.getEpochSecond(), body());

    String[] signatures = headers.get("webhook-signature").split(" ");
    assertThat(signatures).hasSize(2).allSatisfy(signature -> assertThat(signature).startsWith("v1,"));
    assertThat(signatures[0]).isEqualTo(WebhookSigner.sign(oldSecret, "msg_1", now.getEpochSecond(), body()));
    assertThat(signatures[1]).isEqualTo(WebhookSigner.sign(newSecret, "msg_1", now.getEpochSecond(), body()));
    assertThatCode(() -> StandardWebhooksVerifier.verify(oldSecret, headers, body(), now)).doesNotThrowAnyException();
    assertThatCode(() -> StandardWebhooksVerifier.verify(newSecret, headers, body(), now)).doesNotThrowAnyException();
    assertThatThrownBy(() -> StandardWebhooksVerifier.verify(WebhookSigner.newSecret(), headers, body(), now))
        .isInstanceOf(StandardWebhooksVerifier.Rejected.class);
  }

  @Test
  void aTamperedBodyIsRejected() {
    String secret = WebhookSigner.newSecret();
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    Map<String, String> headers = WebhookSigner.headers(List.of(secret), "msg_1", now.getEpochSecond(), body());
    byte[] tampered = "{\"eventType\":\"document.deleted.v2\",\"id\":\"doc_2\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> StandardWebhooksVerifier.verify(secret, headers, tampered, now))
        .isInstanceOf(StandardWebhooksVerifier.Rejected.class)
        .hasMessage("no matching signature found");
  }

  @Test
  void aTamperedIdIsRejectedBecauseTheIdIsSigned() {
    String secret = WebhookSigner.newSecret();
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    Map<String, String> headers =
        new HashMap<>(WebhookSigner.headers(List.of(secret), "msg_1", now.getEpochSecond(), body()));
    headers.put("webhook-id", "msg_2");

    assertThatThrownBy(() -> StandardWebhooksVerifier.verify(secret, headers, body(), now))
        .isInstanceOf(StandardWebhooksVerifier.Rejected.class);
  }

  @Test
  void theWrongSecretIsRejected() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    Map<String, String> headers =
        WebhookSigner.headers(List.of(WebhookSigner.newSecret()), "msg_1", now.getEpochSecond(), body());

    assertThatThrownBy(() -> StandardWebhooksVerifier.verify(WebhookSigner.newSecret(), headers, body(), now))
        .isInstanceOf(StandardWebhooksVerifier.Rejected.class)
        .hasMessage("no matching signature found");
  }

  @Test
  void aTimestampOlderThanFiveMinutesIsRejected() {
    Map<String, String> headers = WebhookSigner.headers(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD);

    assertThatCode(() -> StandardWebhooksVerifier.verify(SPEC_SECRET, headers, SPEC_PAYLOAD, SPEC_NOW.plusSeconds(300)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
        () -> StandardWebhooksVerifier.verify(SPEC_SECRET, headers, SPEC_PAYLOAD, SPEC_NOW.plusSeconds(301)))
        .isInstanceOf(StandardWebhooksVerifier.Rejected.class)
        .hasMessage("message timestamp too old");
  }

  @Test
  void aTimestampMoreThanFiveMinutesAheadIsRejected() {
    Map<String, String> headers = WebhookSigner.headers(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD);

    assertThatCode(
        () -> StandardWebhooksVerifier.verify(SPEC_SECRET, headers, SPEC_PAYLOAD, SPEC_NOW.minusSeconds(300)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
        () -> StandardWebhooksVerifier.verify(SPEC_SECRET, headers, SPEC_PAYLOAD, SPEC_NOW.minusSeconds(301)))
        .isInstanceOf(StandardWebhooksVerifier.Rejected.class)
        .hasMessage("message timestamp too new");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "timestamp", "signature"})
  void aWebhookMissingARequiredHeaderIsRejected(String name) {
    Map<String, String> headers =
        new HashMap<>(WebhookSigner.headers(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD));
    headers.remove("webhook-" + name);
    headers.remove("svix-" + name);

    assertThatThrownBy(() -> StandardWebhooksVerifier.verify(SPEC_SECRET, headers, SPEC_PAYLOAD, SPEC_NOW))
        .isInstanceOf(StandardWebhooksVerifier.Rejected.class)
        .hasMessage("missing required headers");
  }

  @Test
  void unknownAndMalformedSignatureEntriesAreSkippedWhileOneValidMatches() {
    Map<String, String> headers = Map.of("webhook-id", SPEC_ID, "webhook-timestamp", "1614265330",
        "webhook-signature", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,abc v1a,xyz v1,@@@ " + SPEC_SIGNATURE);

    assertThatCode(() -> StandardWebhooksVerifier.verify(SPEC_SECRET, headers, SPEC_PAYLOAD, SPEC_NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void aNewSecretIsTheBase64Of24RandomBytesAfterThePrefix() {
    String secret = WebhookSigner.newSecret();

    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(24);
    assertThat(WebhookSigner.newSecret()).isNotEqualTo(secret);
  }

  @Test
  void aMessageIdThatCouldBlurTheSignedContentIsRefused() {
    assertThatThrownBy(() -> WebhookSigner.headers(List.of(SPEC_SECRET), "msg.1", SPEC_TIMESTAMP, SPEC_PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookSigner.headers(List.of(SPEC_SECRET), "msg\r\n1", SPEC_TIMESTAMP, SPEC_PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMessageNeedsAtLeastOneSecret() {
    assertThatThrownBy(() -> WebhookSigner.headers(List.of(), SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMessageIdRunsFromExclamationMarkToTildeAndNoFurther() {
    // A space would be stripped from the ends of the header by the receiver's HTTP parser (RFC 9110
    // field values), so the id it verifies would not be the id that was signed; DEL and anything past
    // ASCII are not header text at all.
    assertThat(WebhookSigner.headers(List.of(SPEC_SECRET), "!msg_1~", SPEC_TIMESTAMP, SPEC_PAYLOAD))
        .containsEntry("webhook-id", "!msg_1~")
        .containsEntry("webhook-signature", WebhookSigner.sign(SPEC_SECRET, "!msg_1~", SPEC_TIMESTAMP, SPEC_PAYLOAD));
    for (String id : List.of("msg_1 ", " msg_1", "msg_1\u007f", "msg_1\u0080", "msg\t1", "")) {
      assertThatThrownBy(() -> WebhookSigner.headers(List.of(SPEC_SECRET), id, SPEC_TIMESTAMP, SPEC_PAYLOAD))
          .as("id %s", id.chars().mapToObj(Integer::toHexString).toList())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("A webhook message id must be printable ASCII without '.'.");
    }
  }

  @Test
  void aSecretThatIsNotBase64IsRefusedWithoutBeingRepeated() {
    assertThatThrownBy(() -> WebhookSigner.sign("whsec_not base64!", SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A webhook secret must be base64 after 'whsec_'.");
  }

  private static byte[] body() {
    return "{\"eventType\":\"document.created.v2\",\"id\":\"doc_1\"}".getBytes(StandardCharsets.UTF_8);
  }
}

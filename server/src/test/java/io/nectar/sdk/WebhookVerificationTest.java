package io.nectar.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.client.NectarClient;
import io.nectar.client.Webhook;
import io.nectar.client.WebhookEvent;
import io.nectar.client.WebhookVerificationException;
import io.nectar.client.WebhookVerifier;
import io.nectar.client.model.Connection;
import io.nectar.client.model.Document;
import io.nectar.keys.Environment;
import io.nectar.testing.Receiver;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's {@link Webhook} verifies what the real server sends: test messages, the connection and
 * document events of a sandbox connection, deliveries signed during a secret rotation, and replays;
 * and it refuses those deliveries once they are tampered with, checked with another secret, or too old.
 */
class WebhookVerificationTest {
  static TestServer server;
  static final List<Receiver> receivers = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("NECTAR_ALLOW_PRIVATE_TARGETS", "true"));
  }

  @AfterAll
  static void stop() {
    server.close();
    receivers.forEach(Receiver::close);
  }

  /** A tenant with an endpoint at a new receiver. */
  private record Hooked(TestServer.Tenant tenant, Receiver receiver, String endpointId, String secret) {}

  private static Hooked hooked(Environment environment) {
    TestServer.Tenant tenant = server.tenant("Hooks Org " + UUID.randomUUID(), environment);
    Receiver receiver = new Receiver();
    receivers.add(receiver);
    Response created = server.postJson("/v2.2/webhook/endpoint", tenant.key(),
        "{\"url\": \"" + receiver.url() + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Hooked(tenant, receiver, created.json().get("id").asText(), created.json().get("secret").asText());
  }

  private static String sendTest(Hooked hooked) {
    Response sent = server.postJson("/v2.2/webhook/endpoint/" + hooked.endpointId() + "/test", hooked.tenant().key(),
        "{}");
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    return sent.json().get("messageId").asText();
  }

  private static Receiver.Delivery receive(Hooked hooked, String messageId) {
    return hooked.receiver().await(d -> messageId.equals(d.id()), 1).get(0);
  }

  /** The delivery's headers as a server framework hands them over: each name with a list of values. */
  private static Map<String, List<String>> headers(Receiver.Delivery delivery) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    delivery.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    return headers;
  }

  /** A verifier on the server's clock, which tests may move (it is the real time unless they do). */
  private static WebhookVerifier verifier(String... secrets) {
    return Webhook.verifier(secrets).clock(server.clock()).build();
  }

  private static String body(Receiver.Delivery delivery) {
    return new String(delivery.body(), StandardCharsets.UTF_8);
  }

  @Test
  void aTestMessageVerifiesWithTheEndpointsSecretAndGivesItsIdTypeAndTime() {
    Hooked hooked = hooked(Environment.PRODUCTION);
    String messageId = sendTest(hooked);
    Receiver.Delivery delivery = receive(hooked, messageId);

    WebhookEvent event = Webhook.verify(body(delivery), headers(delivery), hooked.secret());

    assertThat(event.id()).isEqualTo(messageId);
    assertThat(event.eventType()).isEqualTo("webhook.test");
    assertThat(event.timestamp().getEpochSecond())
        .isEqualTo(Long.parseLong(delivery.headers().get("webhook-timestamp")));
    assertThat(event.payload()).isEqualTo(body(delivery));
    assertThat(verifier(hooked.secret()).verify(delivery.body(), headers(delivery)).id()).isEqualTo(messageId);
  }

  @Test
  void aDeliveryWithOnlyTheSvixHeadersVerifiesToo() {
    Hooked hooked = hooked(Environment.PRODUCTION);
    Receiver.Delivery delivery = receive(hooked, sendTest(hooked));
    Map<String, List<String>> svixOnly = headers(delivery);
    svixOnly.keySet().removeIf(name -> name.startsWith("webhook-"));
    assertThat(svixOnly).containsKeys("svix-id", "svix-timestamp", "svix-signature");

    assertThat(verifier(hooked.secret()).verify(body(delivery), svixOnly).eventType()).isEqualTo("webhook.test");
  }

  @Test
  void aTamperedDeliveryIsRefused() {
    Hooked hooked = hooked(Environment.PRODUCTION);
    Receiver.Delivery delivery = receive(hooked, sendTest(hooked));
    String tampered = body(delivery).replace("webhook.test", "document.deleted.v2");
    assertThat(tampered).isNotEqualTo(body(delivery));
    Map<String, List<String>> otherId = headers(delivery);
    otherId.put("webhook-id", List.of(UUID.randomUUID().toString()));

    assertThatThrownBy(() -> verifier(hooked.secret()).verify(tampered, headers(delivery)))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
    assertThatThrownBy(() -> verifier(hooked.secret()).verify(body(delivery), otherId))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
  }

  @Test
  void anotherEndpointsSecretDoesNotVerifyADelivery() {
    Hooked hooked = hooked(Environment.PRODUCTION);
    Hooked other = hooked(Environment.PRODUCTION);
    Receiver.Delivery delivery = receive(hooked, sendTest(hooked));

    assertThatThrownBy(() -> verifier(other.secret()).verify(body(delivery), headers(delivery)))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
  }

  @Test
  void aDeliveryHeldBackLongerThanTheToleranceIsRefusedAndItsReplayIsSignedAfreshAndAccepted() {
    Hooked hooked = hooked(Environment.PRODUCTION);
    String messageId = sendTest(hooked);
    Receiver.Delivery first = receive(hooked, messageId);
    WebhookVerifier later = Webhook.verifier(hooked.secret())
        .clock(Clock.offset(server.clock(), WebhookVerifier.DEFAULT_TOLERANCE.plusSeconds(2))).build();

    assertThatThrownBy(() -> later.verify(body(first), headers(first)))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");

    server.clock().advance(Duration.ofMinutes(10));
    try {
      Response replay = server.postJson("/v2.2/webhook/message/" + messageId + "/replay", hooked.tenant().key(), "{}");
      assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
      Receiver.Delivery again = hooked.receiver().await(d -> messageId.equals(d.id()), 2).get(1);

      WebhookEvent event = verifier(hooked.secret()).verify(body(again), headers(again));
      assertThat(event.id()).as("a replay keeps the message id").isEqualTo(messageId);
      Instant firstSent = Instant.ofEpochSecond(Long.parseLong(first.headers().get("webhook-timestamp")));
      assertThat(event.timestamp()).as("signed at the replay, on the moved clock")
          .isAfterOrEqualTo(firstSent.plus(Duration.ofMinutes(10)));
    } finally {
      server.clock().advance(Duration.ofMinutes(-10));
    }
  }

  @Test
  void duringARotationTheOldTheNewAndBothSecretsTogetherVerifyAndAFourthDoesNot() {
    Hooked hooked = hooked(Environment.PRODUCTION);
    Response rotated = server.postJson("/v2.2/webhook/endpoint/" + hooked.endpointId() + "/rotate-secret",
        hooked.tenant().key(), "{}");
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    String newSecret = rotated.json().get("secret").asText();
    Receiver.Delivery delivery = receive(hooked, sendTest(hooked));
    assertThat(delivery.headers().get("webhook-signature").split(" ")).hasSize(2);

    for (WebhookVerifier accepting : List.of(verifier(hooked.secret()), verifier(newSecret),
        verifier(newSecret, hooked.secret()))) {
      assertThat(accepting.verify(body(delivery), headers(delivery)).eventType()).isEqualTo("webhook.test");
    }
    assertThatThrownBy(() -> verifier(hooked(Environment.PRODUCTION).secret()).verify(body(delivery),
        headers(delivery))).isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void theConnectionAndDocumentEventsOfASandboxConnectionVerifyAndNameWhatTheyAreAbout() {
    // Created, then updated when the first collection finds the accounts, then one event per bill.
    Hooked hooked = hooked(Environment.SANDBOX);
    String key = hooked.tenant().key();
    String companyId = server.postJson("/v2.2/company", key, "{\"name\": \"Hooked Co\"}").json().get("id").asText();
    String siteId = server.postJson("/v2.2/site/company/" + companyId, key, "{\"name\": \"HQ\"}").json().get("id")
        .asText();
    Response connection = server.postJson("/v2.2/connection/company/" + companyId, key, """
        {"url": "https://nectarclimate.com", "username": "nectar-sandbox-username",
         "password": "nectar-sandbox-password", "sites": ["%s"], "country": "US",
         "datasourceTypes": ["GAS"]}""".formatted(siteId));
    assertThat(connection.status()).as(connection.toString()).isEqualTo(201);
    String connectionId = connection.json().get("id").asText();

    WebhookVerifier verifier = verifier(hooked.secret());
    for (String type : List.of("connection.created.v2", "connection.updated.v2")) {
      Receiver.Delivery delivery = hooked.receiver().await(type, 1).get(0);
      WebhookEvent event = verifier.verify(body(delivery), headers(delivery));
      assertThat(event.eventType()).isEqualTo(type);
      assertThat(event.json().get("id").asText()).isEqualTo(connectionId);
    }
    Receiver.Delivery document = hooked.receiver().await("document.created.v2", 1).get(0);
    WebhookEvent event = verifier.verify(body(document), headers(document));
    JsonNode json = event.json();
    assertThat(json.get("company").asText()).isEqualTo(companyId);
    Document typed = event.document();
    Document fetched = NectarClient.builder().apiKey(key).baseUrl(server.baseUrl() + "/v2.2").build().documents()
        .get(typed.id());
    assertThat(typed.company()).isEqualTo(UUID.fromString(companyId));
    assertThat(typed.totalCharges()).isEqualTo(fetched.totalCharges());
    assertThat(typed.billDate()).isEqualTo(fetched.billDate());
    assertThat(typed.created()).as("the body's naive timestamp is the API's instant").isEqualTo(fetched.created());
    assertThat(typed.usageData()).extracting(u -> u.usage())
        .containsExactlyElementsOf(fetched.usageData().stream().map(u -> u.usage()).toList());
    Connection announced = hooked.receiver().await("connection.created.v2", 1).stream()
        .map(d -> verifier.verify(body(d), headers(d)).connection()).findFirst().orElseThrow();
    assertThat(announced.id()).hasToString(connectionId);
    assertThat(announced.company().id()).hasToString(companyId);
  }
}

package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Receiver;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delivery against a real receiver: retries on a (compressed) schedule with every attempt logged,
 * disabling after the failure window, replay and recovery under the same message id, secret
 * rotation, and nothing sent for a change that rolled back.
 */
class WebhookDeliveryTest {
  /** Five attempts, 0.1 s to 0.8 s apart; an endpoint failing for over a second is disabled. */
  private static final Map<String, String> SETTINGS = Map.of("NECTAR_ALLOW_PRIVATE_TARGETS", "true",
      "NECTAR_WEBHOOK_RETRY_SCHEDULE", "0s,100ms,200ms,400ms,800ms", "NECTAR_WEBHOOK_DISABLE_AFTER", "1s");

  static TestServer server;
  static final List<Receiver> receivers = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.start(SETTINGS);
  }

  @AfterAll
  static void stop() {
    server.close();
    receivers.forEach(Receiver::close);
  }

  private static Receiver receiver() {
    Receiver receiver = new Receiver();
    receivers.add(receiver);
    return receiver;
  }

  private static TestServer.Tenant tenant() {
    return server.tenant("Delivery Org " + UUID.randomUUID(), Environment.PRODUCTION);
  }

  private static JsonNode endpoint(TestServer.Tenant tenant, Receiver receiver) {
    Response created = server.postJson("/v2.2/webhook/endpoint", tenant.key(), "{\"url\": \"" + receiver.url() + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static String sendTest(TestServer.Tenant tenant, String endpointId) {
    Response sent = server.postJson("/v2.2/webhook/endpoint/" + endpointId + "/test", tenant.key(), "{}");
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    return sent.json().get("messageId").asText();
  }

  /** Sends a test message and waits until it has arrived and its one attempt is logged; returns its id. */
  private static String deliverTest(TestServer.Tenant tenant, String endpointId, Receiver receiver) {
    String message = sendTest(tenant, endpointId);
    receiver.await(d -> d.id().equals(message), 1);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(attempts(tenant, endpointId).get("totalAttempts").asInt()).isEqualTo(1));
    return message;
  }

  private static JsonNode attempts(TestServer.Tenant tenant, String endpointId) {
    Response page = server.get("/v2.2/webhook/endpoint/" + endpointId + "/attempt", tenant.key());
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.json();
  }

  @Test
  void aFailingReceiverIsRetriedOnTheScheduleUnderOneIdAndEveryAttemptIsLogged() {
    TestServer.Tenant tenant = tenant();
    Receiver receiver = receiver();
    AtomicInteger calls = new AtomicInteger();
    receiver.answer(d -> calls.incrementAndGet() <= 2
        ? new MockResponse.Builder().code(500).body("busy, try later").build()
        : new MockResponse.Builder().code(200).body("got it").build());
    String endpointId = endpoint(tenant, receiver).get("id").asText();

    String messageId = sendTest(tenant, endpointId);

    List<Receiver.Delivery> deliveries = receiver.await(d -> true, 3);
    assertThat(deliveries).extracting(Receiver.Delivery::id).containsExactly(messageId, messageId, messageId);
    assertThat(deliveries).extracting(d -> new String(d.body())).containsOnly(new String(deliveries.get(0).body()));
    // Each retry waits at least its entry of the schedule.
    assertThat(Duration.between(deliveries.get(0).receivedAt(), deliveries.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(90));
    assertThat(Duration.between(deliveries.get(1).receivedAt(), deliveries.get(2).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(190));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(attempts(tenant, endpointId).get("totalAttempts").asInt()).isEqualTo(3));
    JsonNode page = attempts(tenant, endpointId);
    List<Integer> statuses = new ArrayList<>();
    page.get("attempts").forEach(a -> statuses.add(a.get("statusCode").asInt()));
    assertThat(statuses).as("newest first").containsExactly(200, 500, 500);
    JsonNode failed = page.get("attempts").get(2);
    assertThat(failed.get("messageId").asText()).isEqualTo(messageId);
    assertThat(failed.get("eventType").asText()).isEqualTo("webhook.test");
    assertThat(failed.get("succeeded").asBoolean()).isFalse();
    assertThat(failed.get("responseExcerpt").asText()).isEqualTo("busy, try later");
    assertThat(failed.get("durationMs").asInt()).isNotNegative();
    assertThat(Instant.parse(failed.get("attemptedAt").asText())).isBefore(Instant.parse(
        page.get("attempts").get(0).get("attemptedAt").asText()));
    assertThat(page.get("attempts").get(0).get("succeeded").asBoolean()).isTrue();
    String metrics = server.get("/metrics", null).body();
    assertThat(metric(metrics, "nectar_webhook_attempts_total{outcome=\"failed\"}")).isGreaterThanOrEqualTo(2);
    assertThat(metric(metrics, "nectar_webhook_attempts_total{outcome=\"succeeded\"}")).isGreaterThanOrEqualTo(1);
    assertThat(metrics).contains("nectar_webhook_in_flight ");
    // A success ends the run of failures.
    assertThat(server.get("/v2.2/webhook/endpoint/" + endpointId, tenant.key()).json().get("failingSince").isNull())
        .isTrue();
  }

  @Test
  void anEndpointFailingForLongerThanTheWindowIsDisabledKeepsItsMessagesAndGetsThemWhenReenabled() {
    TestServer.Tenant tenant = tenant();
    Receiver receiver = receiver();
    receiver.answer(503);
    String endpointId = endpoint(tenant, receiver).get("id").asText();

    sendTest(tenant, endpointId);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        server.get("/v2.2/webhook/endpoint/" + endpointId, tenant.key()).json().get("isDisabled").asBoolean()).isTrue());
    // It was disabled by the first failure a full window after the first one, and then left alone.
    List<Receiver.Delivery> failures = receiver.deliveries();
    assertThat(failures.size()).isBetween(2, 5);
    assertThat(Duration.between(failures.get(0).receivedAt(), failures.get(failures.size() - 1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(990));
    assertThat(attempts(tenant, endpointId).get("totalAttempts").asInt()).isEqualTo(failures.size());

    receiver.answer(200);
    String waiting = sendTest(tenant, endpointId);
    String later = sendTest(tenant, endpointId);
    assertThat(waiting).isNotEqualTo(later);
    // Once a delivery due after them has been claimed and sent, the worker has passed over these two.
    Receiver probe = receiver();
    deliverTest(tenant, endpoint(tenant, probe).get("id").asText(), probe);
    assertThat(unclaimed(waiting, endpointId)).as("never claimed while disabled").isTrue();
    assertThat(unclaimed(later, endpointId)).as("never claimed while disabled").isTrue();
    assertThat(receiver.deliveries()).as("nothing goes to a disabled endpoint").hasSize(failures.size());

    Response enabled = server.patchJson("/v2.2/webhook/endpoint/" + endpointId, tenant.key(), "{\"isDisabled\": false}");
    assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
    assertThat(enabled.json().get("isDisabled").asBoolean()).isFalse();
    assertThat(enabled.json().get("failingSince").isNull()).isTrue();
    receiver.await(d -> d.id().equals(waiting) || d.id().equals(later), 2);
  }

  @Test
  void aReplayResendsTheSameMessageUnderTheSameIdAndARecoveryEverythingSinceATime() {
    TestServer.Tenant tenant = tenant();
    Receiver first = receiver();
    endpoint(tenant, first);
    Instant before = server.clock().instant().minusSeconds(1);
    String company = server.postJson("/v2.2/company", tenant.key(), "{\"name\": \"Replay Co\"}").json().get("id")
        .asText();
    String site = server.postJson("/v2.2/site/company/" + company, tenant.key(), "{\"name\": \"HQ\"}").json().get("id")
        .asText();
    for (int i = 0; i < 2; i++) {
      Response connection = server.postJson("/v2.2/connection/company/" + company, tenant.key(), """
          {"url": "https://utility-without-collector.example", "username": "u%d", "password": "p",
           "sites": ["%s"], "country": "US"}""".formatted(i, site));
      assertThat(connection.status()).as(connection.toString()).isEqualTo(201);
    }
    List<Receiver.Delivery> created = first.await("connection.created.v2", 2);

    Response replay = server.postJson("/v2.2/webhook/message/" + created.get(0).id() + "/replay", tenant.key(), "{}");
    assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
    assertThat(replay.json().get("queued").asInt()).isEqualTo(1);
    List<Receiver.Delivery> twice = first.await(d -> d.id().equals(created.get(0).id()), 2);
    assertThat(twice.get(1).body()).isEqualTo(twice.get(0).body());

    // An endpoint added afterwards recovers what it missed.
    Receiver second = receiver();
    String secondId = endpoint(tenant, second).get("id").asText();
    Response recovered = server.postJson("/v2.2/webhook/endpoint/" + secondId + "/recover", tenant.key(),
        "{\"since\": \"" + before + "\"}");
    assertThat(recovered.status()).as(recovered.toString()).isEqualTo(202);
    assertThat(recovered.json().get("queued").asInt()).isEqualTo(2);
    assertThat(second.await("connection.created.v2", 2)).extracting(Receiver.Delivery::id)
        .containsExactlyInAnyOrder(created.get(0).id(), created.get(1).id());

    Response nothingSince = server.postJson("/v2.2/webhook/endpoint/" + secondId + "/recover", tenant.key(),
        "{\"since\": \"" + server.clock().instant().plusSeconds(60) + "\"}");
    assertThat(nothingSince.json().get("queued").asInt()).isZero();
  }

  @Test
  void afterARotationTheOldAndNewSecretsBothSignForADayThenOnlyTheNewOne() {
    TestServer.Tenant tenant = tenant();
    Receiver receiver = receiver();
    JsonNode endpoint = endpoint(tenant, receiver);
    String oldSecret = endpoint.get("secret").asText();
    String id = endpoint.get("id").asText();

    Response rotated = server.postJson("/v2.2/webhook/endpoint/" + id + "/rotate-secret", tenant.key(), "{}");
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    String newSecret = rotated.json().get("secret").asText();
    assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
    assertThat(server.get("/v2.2/webhook/endpoint/" + id, tenant.key()).json().has("secret")).isFalse();

    String during = sendTest(tenant, id);
    Receiver.Delivery overlap = receiver.await(d -> d.id().equals(during), 1).get(0);
    assertThat(overlap.headers().get("webhook-signature").split(" ")).hasSize(2);
    for (String secret : List.of(oldSecret, newSecret)) {
      assertThatCode(() -> StandardWebhooksVerifier.verify(secret, overlap.headers(), overlap.body(), Instant.now()))
          .doesNotThrowAnyException();
    }

    server.clock().advance(Duration.ofHours(25));
    try {
      String after = sendTest(tenant, id);
      Receiver.Delivery late = receiver.await(d -> d.id().equals(after), 1).get(0);
      Instant then = server.clock().instant();
      assertThat(late.headers().get("webhook-signature").split(" ")).hasSize(1);
      assertThatCode(() -> StandardWebhooksVerifier.verify(newSecret, late.headers(), late.body(), then))
          .doesNotThrowAnyException();
      assertThatCode(() -> StandardWebhooksVerifier.verify(oldSecret, late.headers(), late.body(), then))
          .isInstanceOf(StandardWebhooksVerifier.Rejected.class);
    } finally {
      server.clock().advance(Duration.ofHours(-25));
    }
  }

  @Test
  void aChangeThatRolledBackSendsNothingAndOneThatCommittedIsSent() {
    TestServer.Tenant tenant = tenant();
    Receiver receiver = receiver();
    endpoint(tenant, receiver);
    String company = server.postJson("/v2.2/company", tenant.key(), "{\"name\": \"Rollback Co\"}").json().get("id")
        .asText();
    Outbox outbox = new Outbox(server.clock(), UUID::randomUUID);
    var jdbi = server.server().database().jdbi();
    UUID[] rolledBack = new UUID[1];
    assertThatCode(() -> jdbi.useTransaction(h -> {
      rolledBack[0] = outbox.publish(h, UUID.fromString(company), WebhookEventType.DOCUMENT_DELETED,
          io.nectar.http.Json.object().put("id", "rolled-back"));
      throw new IllegalStateException("the change failed after its event was written");
    })).isInstanceOf(IllegalStateException.class);
    UUID committed = jdbi.inTransaction(h -> outbox.publish(h, UUID.fromString(company),
        WebhookEventType.DOCUMENT_DELETED, io.nectar.http.Json.object().put("id", "committed")));

    // The rolled-back event was published first: had any of it been kept, it would be due before this one.
    receiver.await(d -> d.id().equals(committed.toString()), 1);
    int stored = jdbi.withHandle(h -> h.createQuery("select (select count(*) from webhook_message where id = :id) "
            + "+ (select count(*) from webhook_delivery where message_id = :id)")
        .bind("id", rolledBack[0]).mapTo(Integer.class).one());
    assertThat(stored).isZero();
    assertThat(receiver.deliveries()).extracting(Receiver.Delivery::id).containsExactly(committed.toString());
  }

  /**
   * The deleted endpoint's attempt is recorded in one batch with twenty others: had it failed the
   * batch (its endpoint is gone), none of the twenty would be logged, and all would be sent again once
   * their claims ran out.
   */
  @Test
  void anEndpointDeletedWhileItsDeliveryIsInFlightStopsNothingElse() {
    TestServer.Tenant tenant = tenant();
    CountDownLatch answer = new CountDownLatch(1);
    Receiver slow = receiver();
    Receiver next = receiver();
    for (Receiver r : List.of(slow, next)) {
      r.answer(d -> {
        awaitQuietly(answer);
        return new MockResponse.Builder().code(200).build();
      });
    }
    String doomed = endpoint(tenant, slow).get("id").asText();
    String live = endpoint(tenant, next).get("id").asText();
    // The worker must hold all 21 attempts in flight at once, so that they are recorded in one batch.
    assertThat(DeliveryWorker.MAX_IN_FLIGHT).isGreaterThanOrEqualTo(21);
    sendTest(tenant, doomed);
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      messages.add(sendTest(tenant, live));
    }
    slow.await(d -> true, 1);
    next.await(d -> true, messages.size());
    assertThat(server.delete("/v2.2/webhook/endpoint/" + doomed, tenant.key()).status()).isEqualTo(204);

    var jdbi = server.server().database().jdbi();
    jdbi.useTransaction(h -> {
      // Holds the worker's next round until every attempt has finished, so it records them all at once.
      h.execute("lock table webhook_delivery in exclusive mode");
      await().atMost(Duration.ofSeconds(10)).until(() -> h.createQuery("select count(*) from pg_stat_activity "
          + "where datname = current_database() and wait_event_type = 'Lock'").mapTo(Integer.class).one() > 0);
      answer.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() ->
          metric(server.get("/metrics", null).body(), "nectar_webhook_in_flight") == 0);
    });

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(attempts(tenant, live).get("totalAttempts").asInt()).isEqualTo(messages.size()));
    assertThat(next.deliveries()).extracting(Receiver.Delivery::id).containsExactlyInAnyOrderElementsOf(messages);
    assertThat(slow.deliveries()).hasSize(1);
  }

  @Test
  void messagesOlderThanTheRetentionAreForgottenWithTheirAttempts() {
    TestServer.Tenant tenant = tenant();
    Receiver receiver = receiver();
    String endpointId = endpoint(tenant, receiver).get("id").asText();
    String message = deliverTest(tenant, endpointId, receiver);

    assertThat(server.server().webhooks().purgeOlderThan(Duration.ofDays(1))).isZero();
    server.clock().advance(WebhookService.RETENTION.plusDays(1));
    try {
      assertThat(server.server().webhooks().purgeOlderThan(WebhookService.RETENTION)).isPositive();
    } finally {
      server.clock().advance(WebhookService.RETENTION.plusDays(1).negated());
    }
    assertThat(attempts(tenant, endpointId).get("totalAttempts").asInt()).isZero();
    assertThat(server.postJson("/v2.2/webhook/message/" + message + "/replay", tenant.key(), "{}").status())
        .isEqualTo(404);
  }

  /** The value of one Prometheus sample line. */
  private static double metric(String scrape, String sample) {
    return scrape.lines().filter(l -> l.startsWith(sample + " ")).mapToDouble(l -> Double.parseDouble(
        l.substring(sample.length() + 1))).findFirst().orElseThrow(() -> new AssertionError("no " + sample));
  }

  /** True while the delivery of {@code messageId} to {@code endpointId} has never been claimed by a worker. */
  private static boolean unclaimed(String messageId, String endpointId) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery("select status = 'PENDING' "
            + "and attempts = 0 and locked_until is null from webhook_delivery where message_id = :message "
            + "and endpoint_id = :endpoint")
        .bind("message", UUID.fromString(messageId)).bind("endpoint", UUID.fromString(endpointId))
        .mapTo(Boolean.class).one());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

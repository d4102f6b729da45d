package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.nectar.http.Json;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The endpoint operations that touch deliveries (recover, replay, re-enable, rotate, delete) while
 * the delivery worker records attempts and claims work on the same rows: neither side fails on a
 * deadlock, so no operation answers 500 and no attempt goes unrecorded.
 */
class WebhookLockingTest {
  private static final int MESSAGES = 600;

  static TestServer server;
  static Receiver receiver;
  private final ListAppender<ILoggingEvent> workerLog = new ListAppender<>();

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("NECTAR_ALLOW_PRIVATE_TARGETS", "true", "NECTAR_WEBHOOK_TIMEOUT", "5s"));
    receiver = new Receiver();
    // Slow-ish and uneven, so attempts finish (and are recorded) in an order unlike the messages'.
    receiver.answer(d -> new MockResponse.Builder().code(200)
        .headersDelay(ThreadLocalRandom.current().nextInt(1, 25), TimeUnit.MILLISECONDS).build());
  }

  @AfterAll
  static void stop() {
    server.close();
    receiver.close();
  }

  @BeforeEach
  void watchTheWorkersLog() {
    workerLog.start();
    ((Logger) LoggerFactory.getLogger(DeliveryWorker.class)).addAppender(workerLog);
    // The retry would absorb a deadlock, so a broken lock order shows only as a retry in its log.
    ((Logger) LoggerFactory.getLogger(Transactions.class)).addAppender(workerLog);
  }

  @AfterEach
  void stopWatching() {
    ((Logger) LoggerFactory.getLogger(DeliveryWorker.class)).detachAppender(workerLog);
    ((Logger) LoggerFactory.getLogger(Transactions.class)).detachAppender(workerLog);
  }

  @Test
  void recoveringWhileTheWorkerDeliversNeverDeadlocksAndEveryAttemptIsRecorded() {
    TestServer.Tenant tenant = server.tenant("Locking Org " + UUID.randomUUID(), Environment.PRODUCTION);
    Instant before = server.clock().instant().minusSeconds(1);
    String endpoint = endpoint(tenant);
    int start = receiver.deliveries().size();
    publish(tenant, MESSAGES);
    receiver.await(d -> true, start + MESSAGES / 4);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int seen = receiver.deliveries().size();
      Response recovered = server.postJson("/v2.2/webhook/endpoint/" + endpoint + "/recover", tenant.key(),
          "{\"since\": \"" + before + "\"}");
      statuses.add(recovered.status());
      if (recovered.status() == 202) {
        receiver.await(d -> true, seen + MESSAGES / 4); // the worker is busy with this recovery when the next comes
      }
    }

    assertThat(statuses).as("every recovery succeeded").containsOnly(202);
    everyAttemptIsRecorded();
  }

  @Test
  void everyOperationOnEndpointsWhileTheWorkerDeliversSucceedsAndEveryAttemptIsRecorded() {
    TestServer.Tenant tenant = server.tenant("Locking Org " + UUID.randomUUID(), Environment.PRODUCTION);
    Instant before = server.clock().instant().minusSeconds(1);
    String recovered = endpoint(tenant);
    String changed = endpoint(tenant);
    try (Receiver doomedReceiver = new Receiver()) {
      doomedReceiver.answer(d -> new MockResponse.Builder().code(200)
          .headersDelay(ThreadLocalRandom.current().nextInt(1, 25), TimeUnit.MILLISECONDS).build());
      String doomed = endpoint(tenant, doomedReceiver);
      int start = receiver.deliveries().size();
      List<UUID> messages = publish(tenant, MESSAGES / 3);
      receiver.await(d -> true, start + MESSAGES / 4);

      List<Response> answers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String path = "/v2.2/webhook/endpoint/";
        int seen = receiver.deliveries().size();
        Response answer = switch (i % 4) {
          case 0 -> server.postJson(path + recovered + "/recover", tenant.key(), "{\"since\": \"" + before + "\"}");
          case 1 -> server.postJson("/v2.2/webhook/message/" + messages.get(i * 7 % messages.size()) + "/replay",
              tenant.key(), "{}");
          case 2 -> server.patchJson(path + changed, tenant.key(),
              "{\"isDisabled\": false, \"description\": \"round " + i + "\"}");
          default -> server.postJson(path + doomed + "/rotate-secret", tenant.key(), "{}");
        };
        answers.add(answer);
        if (i % 4 == 0 && answer.status() == 202) {
          receiver.await(d -> true, seen + MESSAGES / 6);
        }
      }
      Response recoveredDoomed = server.postJson("/v2.2/webhook/endpoint/" + doomed + "/recover", tenant.key(),
          "{\"since\": \"" + before + "\"}");
      answers.add(recoveredDoomed);
      if (recoveredDoomed.status() == 202) {
        doomedReceiver.await(d -> true, doomedReceiver.deliveries().size() + 10);
      }
      answers.add(server.delete("/v2.2/webhook/endpoint/" + doomed, tenant.key())); // with deliveries in flight

      assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isBetween(200, 299));
      everyAttemptIsRecorded();
    }
  }

  /** Creates an endpoint on the receiver, subscribed to every event. */
  private static String endpoint(TestServer.Tenant tenant) {
    return endpoint(tenant, receiver);
  }

  private static String endpoint(TestServer.Tenant tenant, Receiver receiver) {
    Response created = server.postJson("/v2.2/webhook/endpoint", tenant.key(), "{\"url\": \"" + receiver.url() + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  /** Publishes {@code count} events for a new company of the tenant, as a change would. */
  private static List<UUID> publish(TestServer.Tenant tenant, int count) {
    UUID company = UUID.fromString(server.postJson("/v2.2/company", tenant.key(), "{\"name\": \"Locking Co\"}").json()
        .get("id").asText());
    Outbox outbox = new Outbox(server.clock(), UUID::randomUUID);
    return jdbi().inTransaction(h -> {
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(outbox.publish(h, company, WebhookEventType.DOCUMENT_DELETED, Json.object().put("id", "doc-" + i)));
      }
      return ids;
    });
  }

  /**
   * Waits until nothing is left to send (every delivery settled and unclaimed), then checks that the
   * log holds one attempt per request the receiver got: an attempt that was sent but whose batch
   * failed to record would be missing, and sent again later.
   */
  private void everyAttemptIsRecorded() {
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbi().withHandle(h -> h.createQuery(
        "select count(*) from webhook_delivery where status <> 'SUCCEEDED' or locked_until is not null")
        .mapTo(Integer.class).one()) == 0);
    int attempts = jdbi().withHandle(h -> h.createQuery("select count(*) from webhook_attempt")
        .mapTo(Integer.class).one());
    assertThat(attempts).isEqualTo(receiver.deliveries().size());
    assertThat(workerLog.list).extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.startsWith("Could not record"))
        .noneMatch(m -> m.startsWith("PostgreSQL aborted"));
  }

  private static Jdbi jdbi() {
    return server.server().database().jdbi();
  }
}

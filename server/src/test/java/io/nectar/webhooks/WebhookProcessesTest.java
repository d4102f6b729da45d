package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nectar.keys.Environment;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.testing.Receiver;
import io.nectar.testing.Response;
import io.nectar.testing.ServerProcess;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * At-least-once across processes: an event committed by a server that is then killed (SIGKILL, no
 * graceful stop) while its delivery is in flight is delivered by the next server on the database;
 * two servers sharing a database deliver each event to each endpoint once.
 */
class WebhookProcessesTest {
  private static final String SECRET = "webhook-processes-test-secret-0123456789abcdef";
  private static final String KEY = "nk_test_webhook_processes_0001";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anEventWhoseSenderWasKilledMidDeliveryIsDeliveredByTheNextServer() throws Exception {
    String database = TestDatabase.freshDatabaseUrl();
    try (Receiver receiver = new Receiver()) {
      AtomicInteger calls = new AtomicInteger();
      // The first delivery hangs, so the killed server dies with it in flight.
      receiver.answer(d -> calls.incrementAndGet() == 1
          ? new MockResponse.Builder().code(200).headersDelay(60, TimeUnit.SECONDS).build()
          : new MockResponse.Builder().code(200).body("ok").build());
      Map<String, String> childSettings = new HashMap<>(settings());
      childSettings.put("DATABASE_URL", database);
      childSettings.put("NECTAR_BOOTSTRAP_KEY", KEY);
      ServerProcess child = ServerProcess.start("webhook-sender", childSettings);
      try {
        String base = child.baseUrl() + "/v2.2";
        child.awaitReady(Duration.ofSeconds(60));
        assertThat(call("POST", base + "/webhook/endpoint", "{\"url\": \"" + receiver.url()
            + "\", \"eventTypes\": [\"connection.created.v2\"]}").statusCode()).isEqualTo(201);
        String company = id(call("POST", base + "/company", "{\"name\": \"Killed Co\"}"));
        String site = id(call("POST", base + "/site/company/" + company, "{\"name\": \"HQ\"}"));
        String connection = id(call("POST", base + "/connection/company/" + company, """
            {"url": "https://nectarclimate.com", "username": "nectar-sandbox-username",
             "password": "nectar-sandbox-password", "sites": ["%s"], "country": "US"}""".formatted(site)));

        Receiver.Delivery first = receiver.await("connection.created.v2", 1).get(0);
        assertThat(first.json().get("id").asText()).isEqualTo(connection);
      } finally {
        child.kill(); // SIGKILL: no graceful stop, the in-flight attempt is never recorded
      }

      try (TestServer next = TestServer.start(settings(), new ProviderRegistry(new SandboxProvider()), database)) {
        List<Receiver.Delivery> both = receiver.await("connection.created.v2", 2);
        assertThat(both.get(1).id()).isEqualTo(both.get(0).id());
        assertThat(both.get(1).body()).isEqualTo(both.get(0).body());
        // The killed attempt left no record; the one that reached the receiver is logged as a success.
        await().atMost(Duration.ofSeconds(10)).until(() -> next.server().database().jdbi().withHandle(h ->
            h.createQuery("select count(*) from webhook_attempt where succeeded").mapTo(Integer.class).one()) == 1);
      }
    }
  }

  @Test
  void twoServersOnOneDatabaseDeliverEachEventToEachEndpointOnce() {
    String database = TestDatabase.freshDatabaseUrl();
    int events = 60;
    try (Receiver first = new Receiver(); Receiver second = new Receiver()) {
      TestServer a = TestServer.start(settings(), new ProviderRegistry(new SandboxProvider()), database);
      TestServer b = TestServer.start(settings(), new ProviderRegistry(new SandboxProvider()), database);
      try {
        TestServer.Tenant tenant = a.tenant("Two Servers Org", Environment.PRODUCTION);
        for (Receiver receiver : List.of(first, second)) {
          Response created = a.postJson("/v2.2/webhook/endpoint", tenant.key(),
              "{\"url\": \"" + receiver.url() + "\"}");
          assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        String company = a.postJson("/v2.2/company", tenant.key(), "{\"name\": \"Shared Co\"}").json().get("id")
            .asText();
        String site = a.postJson("/v2.2/site/company/" + company, tenant.key(), "{\"name\": \"HQ\"}").json()
            .get("id").asText();
        for (int i = 0; i < events; i++) {
          TestServer via = i % 2 == 0 ? a : b;
          Response connection = via.postJson("/v2.2/connection/company/" + company, tenant.key(), """
              {"url": "https://utility-without-collector.example", "username": "user-%d", "password": "p",
               "sites": ["%s"], "country": "US"}""".formatted(i, site));
          assertThat(connection.status()).as(connection.toString()).isEqualTo(201);
        }
        // A duplicate would be a second claim, made before the delivery was recorded as done.
        await().atMost(Duration.ofSeconds(60)).until(() -> a.server().database().jdbi().withHandle(h -> h.createQuery(
            "select count(*) from webhook_delivery where status <> 'SUCCEEDED'").mapTo(Integer.class).one()) == 0);
      } finally {
        // Stopping records what each server still has in flight: after this nothing more can be sent.
        b.close();
        a.close();
      }

      int attempts = Jdbi.create(database).withHandle(h -> h.createQuery("select count(*) from webhook_attempt")
          .mapTo(Integer.class).one());
      assertThat(attempts).as("one attempt per event and endpoint").isEqualTo(2 * events);
      for (Receiver receiver : List.of(first, second)) {
        Map<String, Long> perId = receiver.deliveries().stream()
            .collect(Collectors.groupingBy(Receiver.Delivery::id, Collectors.counting()));
        assertThat(perId).hasSize(events);
        assertThat(perId.values()).containsOnly(1L);
      }
    }
  }

  private static Map<String, String> settings() {
    return Map.of("NECTAR_SECRET_KEY", SECRET, "NECTAR_ALLOW_PRIVATE_TARGETS", "true", "NECTAR_WEBHOOK_TIMEOUT", "2s");
  }


  private HttpResponse<String> call(String method, String url, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("X-API-Key", KEY);
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String id(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return io.nectar.http.Json.MAPPER.readTree(response.body()).get("id").asText();
  }
}

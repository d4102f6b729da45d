package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nectar.cli.ApiCommandEndToEndTest.CliRunner;
import io.nectar.cli.ApiCommandEndToEndTest.Run;
import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code webhook listen} receiving what the real server sends: a listener with the endpoint's secret
 * prints the verified event, one with another secret refuses it (and the server logs the 401), and
 * {@code webhook replay} sends the refused message again under its id.
 */
class WebhookListenEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static TestServer server;
  static String key;

  @BeforeAll
  static void start() {
    // The listener is on 127.0.0.1; one attempt per message, so a refusal is not retried behind the test's back.
    server = TestServer.start(Map.of("NECTAR_ALLOW_PRIVATE_TARGETS", "true", "NECTAR_WEBHOOK_RETRY_SCHEDULE", "0s"));
    key = server.tenant("Listen Org", Environment.SANDBOX).key();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void listenVerifiesAndPrintsTheServersEventsRefusesAnotherSecretsAndReplayResendsTheMessage() throws Exception {
    Response created = server.postJson("/v2.2/webhook/endpoint", key,
        "{\"url\": \"http://127.0.0.1:9/not-listening-yet\", \"description\": \"cli listen\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String endpoint = created.json().path("id").asText();
    String secret = created.json().path("secret").asText();
    String otherSecret = "whsec_" + Base64.getEncoder().encodeToString(
        "not the endpoint's secret, 32 b!".getBytes(StandardCharsets.UTF_8));

    String refused;
    try (Listener wrong = Listener.start("--secret", otherSecret)) {
      pointAt(endpoint, wrong.port());

      refused = sendTest(endpoint);

      String line = wrong.awaitLine(l -> l.contains(refused));
      assertThat(line).startsWith("REFUSED 401  " + refused + "  ");
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        Run attempts = cli("list", "webhook-attempt", "--endpoint", endpoint, "--json");
        assertThat(attempts.code()).as(attempts.err()).isZero();
        JsonNode attempt = JSON.readTree(attempts.out()).path(0);
        assertThat(attempt.path("messageId").asText()).isEqualTo(refused);
        assertThat(attempt.path("statusCode").asInt()).as("the server saw the refusal").isEqualTo(401);
        assertThat(attempt.path("succeeded").asBoolean()).isFalse();
      });
    }

    try (Listener right = Listener.start("--secret", secret, "--json")) {
      pointAt(endpoint, right.port());

      String sent = sendTest(endpoint);

      JsonNode event = JSON.readTree(right.awaitLine(l -> l.contains(sent)));
      assertThat(event.path("verified").asBoolean()).as(event.toString()).isTrue();
      assertThat(event.path("eventType").asText()).isEqualTo("webhook.test");
      assertThat(event.path("body").path("eventType").asText()).isEqualTo("webhook.test");

      Run replay = cli("webhook", "replay", refused);

      assertThat(replay.code()).as(replay.err()).isZero();
      assertThat(replay.out()).isEqualTo("replayed " + refused + ": queued to 1 endpoint(s)\n");
      JsonNode again = JSON.readTree(right.awaitLine(l -> l.contains(refused)));
      assertThat(again.path("verified").asBoolean()).as(again.toString()).isTrue();
      assertThat(again.path("id").asText()).as("the same webhook-id").isEqualTo(refused);
      assertThat(right.lines()).as("nothing refused with the right secret").noneMatch(l -> l.contains("\"verified\":false"));
    }
  }

  private static void pointAt(String endpoint, int port) {
    Response patched = server.patchJson("/v2.2/webhook/endpoint/" + endpoint, key,
        "{\"url\": \"http://127.0.0.1:" + port + "/hooks\"}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
  }

  private static String sendTest(String endpoint) {
    Response sent = server.postJson("/v2.2/webhook/endpoint/" + endpoint + "/test", key, "{}");
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    return sent.json().path("messageId").asText();
  }

  private static Run cli(String... args) {
    return CliRunner.run(Map.of("NECTAR_URL", server.baseUrl() + "/v2.2", "NECTAR_API_KEY", key), args);
  }

  /** {@code nectar api webhook listen} on a free port of 127.0.0.1, running in this JVM until closed. */
  private static final class Listener implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();
    private final Stop stop = new Stop();
    private final AtomicInteger code = new AtomicInteger(-1);
    private final Thread thread;

    private Listener(String... options) {
      List<String> args = new ArrayList<>(List.of("webhook", "listen", "--host", "127.0.0.1", "--port", "0"));
      args.addAll(List.of(options));
      // The server's clock signs the timestamps; the listener checks them against the same clock.
      Context context = Context.builder().environment(Map.of()).stdout(out).err(new PrintWriter(err, true))
          .clock(server.clock()).stop(stop).build();
      thread = new Thread(() -> code.set(NectarCli.run(context, args.toArray(String[]::new))), "cli-listen");
    }

    static Listener start(String... options) {
      Listener listener = new Listener(options);
      listener.thread.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> listener.err.toString().contains("Listening"));
      return listener;
    }

    int port() {
      return Integer.parseInt(err.toString().replaceAll("(?s).*http://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
    }

    List<String> lines() {
      return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The first printed line that matches, waiting for it to be printed. */
    String awaitLine(Predicate<String> matching) {
      return await().atMost(Duration.ofSeconds(20)).until(() -> lines().stream().filter(matching).findFirst(),
          java.util.Optional::isPresent).orElseThrow();
    }

    @Override
    public void close() throws InterruptedException {
      stop.stop();
      thread.join(10_000);
      assertThat(thread.isAlive()).isFalse();
      assertThat(code.get()).as(err.toString()).isZero();
    }
  }
}

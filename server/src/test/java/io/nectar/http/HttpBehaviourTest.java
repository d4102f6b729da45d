package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-cutting HTTP behaviour: request ids, {@code Idempotency-Key} (CONTRACT §11), per-key rate
 * limits (CONTRACT §7), and the operations endpoints {@code /healthz}, {@code /readyz}, {@code /metrics}.
 */
class HttpBehaviourTest {
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final AtomicInteger ORGS = new AtomicInteger();

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TestServer.Tenant newTenant() {
    return server.tenant("Behaviour Org " + ORGS.incrementAndGet(), Environment.SANDBOX);
  }

  private static List<String> companyIds(TestServer on, String key) {
    Response list = on.get("/v2.2/company", key);
    assertThat(list.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    list.json().forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }

  private static Response postIdempotent(String path, String key, String json, String idempotencyKey) {
    return server.send("POST", path, key, TestServer.JSON, json, Map.of("Idempotency-Key", idempotencyKey));
  }

  // ---------------------------------------------------------------- request ids

  @Test
  void everyResponseCarriesAFreshRequestId() {
    String key = newTenant().key();
    String companyId = server.postJson("/v2.2/company", key, "{\"name\": \"Ids\"}").json().get("id").asText();
    List<Response> responses = List.of(
        server.get("/v2.2/company", key),
        server.postJson("/v2.2/company", key, "{\"name\": \"Another\"}"),
        server.patchJson("/v2.2/company/" + companyId, key, "{\"name\": \"Renamed\"}"),
        server.postJson("/v2.2/site/company/" + companyId, key, "{\"name\": \"Site\"}"),
        server.delete("/v2.2/company/" + companyId, key),
        server.postJson("/v2.2/company", key, "{}"),
        server.get("/v2.2/company", null),
        server.get("/v2.2/company", "nk_test_unknown"),
        server.get("/v2.2/company/" + UUID.randomUUID(), key),
        server.get("/v2.2/nothing-here", key),
        server.send("PUT", "/v2.2/company", key, null, null, Map.of()),
        server.send("POST", "/v2.2/company", key, "text/plain", "name", Map.of()),
        server.get("/healthz", null),
        server.get("/readyz", null),
        server.get("/metrics", null));

    Set<String> seen = new HashSet<>();
    for (Response response : responses) {
      String id = response.header("X-Request-Id");
      assertThat(id).as("X-Request-Id of %s", response).isNotNull();
      assertThat(id).matches(REQUEST_ID);
      seen.add(id);
    }
    assertThat(seen).as("request ids are unique").hasSize(responses.size());
    assertThat(responses).extracting(Response::status)
        .contains(200, 201, 204, 400, 401, 404, 405, 415);
  }

  @ParameterizedTest
  @ValueSource(strings = {"trace-1234", "01J9ZQ3W4Y5X6V7T8S9R0P1N2M", "a.b:c_d-e", "550e8400-e29b-41d4-a716-446655440000"})
  void aWellFormedIncomingRequestIdIsEchoedBack(String incoming) {
    String key = newTenant().key();
    Map<String, String> header = Map.of("X-Request-Id", incoming);

    List<Response> responses = List.of(
        server.send("GET", "/v2.2/company", key, null, null, header),
        server.send("POST", "/v2.2/company", key, TestServer.JSON, "{\"name\": \"Echo\"}", header),
        server.send("POST", "/v2.2/company", key, TestServer.JSON, "{\"name\": 1}", header),
        server.send("GET", "/v2.2/company", null, null, null, header),
        server.send("GET", "/v2.2/company/" + UUID.randomUUID(), key, null, null, header),
        server.send("GET", "/v2.2/unknown", key, null, null, header),
        server.send("GET", "/healthz", null, null, null, header));

    for (Response response : responses) {
      assertThat(response.header("X-Request-Id")).as(response.toString()).isEqualTo(incoming);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"has spaces", "<script>alert(1)</script>", "semi;colon", "quote\"d"})
  void aMalformedIncomingRequestIdIsReplacedByAFreshOne(String incoming) {
    String key = newTenant().key();

    Response response = server.send("GET", "/v2.2/company", key, null, null, Map.of("X-Request-Id", incoming));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("X-Request-Id")).isNotEqualTo(incoming).matches(REQUEST_ID);
  }

  @Test
  void anOverlongIncomingRequestIdIsReplacedByAFreshOne() {
    String incoming = "a".repeat(101);

    Response response = server.send("GET", "/healthz", null, null, null, Map.of("X-Request-Id", incoming));

    assertThat(response.header("X-Request-Id")).isNotEqualTo(incoming).matches(REQUEST_ID);
  }

  // ---------------------------------------------------------------- Idempotency-Key

  @Test
  void repeatingAPostWithTheSameIdempotencyKeyAndBodyReplaysTheFirstResponse() {
    String key = newTenant().key();
    String body = "{\"name\": \"Once\", \"externalId\": \"idem-1\"}";

    Response first = postIdempotent("/v2.2/company", key, body, "create-once-1");
    Response second = postIdempotent("/v2.2/company", key, body, "create-once-1");
    Response third = postIdempotent("/v2.2/company", key, body, "create-once-1");

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    for (Response replay : List.of(second, third)) {
      assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
      assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(replay.header("Content-Type")).startsWith("application/json");
      assertThat(replay.json()).isEqualTo(first.json());
    }
    assertThat(companyIds(server, key)).containsExactly(first.json().get("id").asText());
  }

  @Test
  void aRememberedResponseIsStoredSealedSoASecretShownOnceIsNotReadableInTheDatabase() {
    String key = newTenant().key();
    String body = "{\"url\": \"https://hooks.example.com/once\"}";

    Response first = postIdempotent("/v2.2/webhook/endpoint", key, body, "secret-once-1");
    Response replay = postIdempotent("/v2.2/webhook/endpoint", key, body, "secret-once-1");

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    String secret = first.json().get("secret").asText();
    assertThat(replay.json()).isEqualTo(first.json());
    byte[] stored = server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select response_body from idempotency_key where key = 'secret-once-1'").mapTo(byte[].class).one());
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret)
        .doesNotContain("hooks.example.com");
  }

  @Test
  void aReplayMatchesTheSameFieldsWhateverTheirFormatting() {
    String key = newTenant().key();

    Response first = postIdempotent("/v2.2/company", key, "{\"name\":\"Compact\"}", "format-1");
    Response second = postIdempotent("/v2.2/company", key, "{\n  \"name\" : \"Compact\"\n}\n", "format-1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(companyIds(server, key)).hasSize(1);
  }

  @Test
  void siteCreationIsIdempotentToo() {
    String key = newTenant().key();
    String companyId = server.postJson("/v2.2/company", key, "{\"name\": \"Parent\"}").json().get("id").asText();

    Response first = postIdempotent("/v2.2/site/company/" + companyId, key, "{\"name\": \"Only once\"}", "site-1");
    Response second = postIdempotent("/v2.2/site/company/" + companyId, key, "{\"name\": \"Only once\"}", "site-1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.json()).isEqualTo(first.json());
    assertThat(server.get("/v2.2/company/" + companyId, key).json().get("sites")).hasSize(1);
  }

  @Test
  void theSameIdempotencyKeyWithADifferentBodyIsA409AndCreatesNothing() {
    String key = newTenant().key();
    Response first = postIdempotent("/v2.2/company", key, "{\"name\": \"Original\"}", "conflict-1");
    assertThat(first.status()).isEqualTo(201);

    Response conflict = postIdempotent("/v2.2/company", key, "{\"name\": \"Different\"}", "conflict-1");

    assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
    assertThat(conflict.header("Content-Type")).startsWith("application/json");
    assertThat(conflict.detail()).isNotBlank();
    assertThat(conflict.header("Idempotent-Replayed")).isNull();
    assertThat(companyIds(server, key)).containsExactly(first.json().get("id").asText());
  }

  @Test
  void theSameIdempotencyKeyOnAnotherEndpointIsA409() {
    String key = newTenant().key();
    Response company = postIdempotent("/v2.2/company", key, "{\"name\": \"Keyed\"}", "shared-key");
    assertThat(company.status()).isEqualTo(201);
    String companyId = company.json().get("id").asText();

    Response site = postIdempotent("/v2.2/site/company/" + companyId, key, "{\"name\": \"Keyed\"}", "shared-key");

    assertThat(site.status()).as(site.toString()).isEqualTo(409);
    assertThat(server.get("/v2.2/company/" + companyId, key).json().get("sites")).isEmpty();
  }

  @Test
  void differentTenantsMayUseTheSameIdempotencyKeyIndependently() {
    TestServer.Tenant first = newTenant();
    TestServer.Tenant second = newTenant();
    TestServer.Tenant sameOrganizationProduction =
        server.tenant("Behaviour Org " + ORGS.get(), Environment.PRODUCTION);
    assertThat(sameOrganizationProduction.organizationId()).isEqualTo(second.organizationId());

    Response a = postIdempotent("/v2.2/company", first.key(), "{\"name\": \"Tenant company\"}", "common-key");
    Response b = postIdempotent("/v2.2/company", second.key(), "{\"name\": \"Tenant company\"}", "common-key");
    Response c = postIdempotent("/v2.2/company", sameOrganizationProduction.key(), "{\"name\": \"Tenant company\"}",
        "common-key");

    for (Response response : List.of(a, b, c)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      assertThat(response.header("Idempotent-Replayed")).isNull();
    }
    assertThat(Set.of(a.json().get("id").asText(), b.json().get("id").asText(), c.json().get("id").asText()))
        .hasSize(3);
    assertThat(companyIds(server, first.key())).containsExactly(a.json().get("id").asText());
    assertThat(companyIds(server, second.key())).containsExactly(b.json().get("id").asText());
    assertThat(companyIds(server, sameOrganizationProduction.key())).containsExactly(c.json().get("id").asText());
  }

  @Test
  void withoutAnIdempotencyKeyTwoIdenticalPostsCreateTwoCompanies() {
    String key = newTenant().key();

    Response first = server.postJson("/v2.2/company", key, "{\"name\": \"Twin\"}");
    Response second = server.postJson("/v2.2/company", key, "{\"name\": \"Twin\"}");

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("id")).isNotEqualTo(first.json().get("id"));
    assertThat(companyIds(server, key)).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 256})
  void aMalformedIdempotencyKeyIsA400AndCreatesNothing(int length) {
    String key = newTenant().key();
    String idempotencyKey = length == 0 ? " " : "k".repeat(length);

    Response response = postIdempotent("/v2.2/company", key, "{\"name\": \"Nope\"}", idempotencyKey);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.detail()).contains("Idempotency-Key");
    assertThat(companyIds(server, key)).isEmpty();
  }

  // ---------------------------------------------------------------- rate limits

  @Test
  void overThePerSecondCapAKeyGets429WithRetryAfterWhileOtherKeysAreUnaffected() {
    try (TestServer limited = TestServer.start(Map.of("NECTAR_MAX_REQUESTS_PER_SECOND_PER_KEY", "1"))) {
      String busy = limited.tenant("Busy Org", Environment.SANDBOX).key();
      String calm = limited.tenant("Calm Org", Environment.SANDBOX).key();

      // The first request of a key always fits in its window.
      assertThat(limited.get("/v2.2/company", busy).status()).isEqualTo(200);
      Response rejected = null;
      // With one request per second allowed, two back-to-back requests share a one-second window
      // unless they straddle its edge; a few tries make that certain.
      for (int attempt = 0; attempt < 50 && rejected == null; attempt++) {
        for (int i = 0; i < 2 && rejected == null; i++) {
          Response response = limited.get("/v2.2/company", busy);
          if (response.status() == 429) {
            rejected = response;
          } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
          }
        }
      }

      assertThat(rejected).as("a 429 for requests over one per second").isNotNull();
      assertTooMany(rejected);
      assertThat(limited.get("/v2.2/company", calm).status()).as("another key's first request").isEqualTo(200);
    }
  }

  private static void assertTooMany(Response response) {
    assertThat(response.status()).isEqualTo(429);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.detail()).isNotBlank();
    assertThat(response.header("Retry-After")).as("Retry-After").isNotNull();
    assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
    assertThat(response.header("X-Request-Id")).matches(REQUEST_ID);
  }

  // ---------------------------------------------------------------- operations endpoints

  @Test
  void healthzAnswers200WithoutAKey() {
    Response response = server.get("/healthz", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void readyzAnswers200WhenTheDatabaseIsReachable() {
    Response response = server.get("/readyz", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("ok");
    assertThat(response.json().get("database").asText()).isEqualTo("reachable");
  }

  /** The value of the Prometheus sample {@code name} whose labels include all of {@code labels}, or 0. */
  private static double sample(String metrics, String name, String... labels) {
    double total = 0;
    for (String line : metrics.split("\n")) {
      if (!line.startsWith(name + "{")) {
        continue;
      }
      String labelPart = line.substring(name.length(), line.lastIndexOf('}') + 1);
      boolean all = true;
      for (String label : labels) {
        all &= labelPart.contains(label);
      }
      if (all) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  private static String metrics() {
    Response response = server.get("/metrics", null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("text/plain");
    return response.body();
  }

  /** Scrapes until the sample reaches {@code atLeast}: requests are counted just after their response. */
  private static String awaitSample(double atLeast, String name, String... labels) throws InterruptedException {
    String metrics = metrics();
    for (int attempt = 0; attempt < 500 && sample(metrics, name, labels) < atLeast; attempt++) {
      Thread.sleep(10);
      metrics = metrics();
    }
    return metrics;
  }

  @Test
  void metricsCountRequestsByRouteTemplateMethodAndStatus() throws InterruptedException {
    String key = newTenant().key();
    String[] listOk = {"method=\"GET\"", "route=\"/v2.2/company\"", "status=\"200\""};
    String[] detailMissing = {"method=\"GET\"", "route=\"/v2.2/company/{companyId}\"", "status=\"404\""};
    String[] created = {"method=\"POST\"", "route=\"/v2.1/company\"", "status=\"201\""};
    String count = "http_server_requests_seconds_count";
    String before = metrics();
    double listBefore = sample(before, count, listOk);
    double missingBefore = sample(before, count, detailMissing);
    double createdBefore = sample(before, count, created);
    String unknownId = UUID.randomUUID().toString();

    for (int i = 0; i < 3; i++) {
      assertThat(server.get("/v2.2/company", key).status()).isEqualTo(200);
    }
    assertThat(server.get("/v2.2/company/" + unknownId, key).status()).isEqualTo(404);
    assertThat(server.get("/v2.2/company/" + unknownId, key).status()).isEqualTo(404);
    assertThat(server.postJson("/v2.1/company", key, "{\"name\": \"Counted\"}").status()).isEqualTo(201);

    awaitSample(listBefore + 3, count, listOk);
    awaitSample(missingBefore + 2, count, detailMissing);
    String after = awaitSample(createdBefore + 1, count, created);
    assertThat(sample(after, count, listOk)).isGreaterThanOrEqualTo(listBefore + 3);
    assertThat(sample(after, count, detailMissing)).isGreaterThanOrEqualTo(missingBefore + 2);
    assertThat(sample(after, count, created)).isGreaterThanOrEqualTo(createdBefore + 1);
    assertThat(after).as("ids never become label values").doesNotContain(unknownId);
  }

  @Test
  void metricsIncludeTheDatabasePool() {
    String metrics = metrics();

    assertThat(sample(metrics, "hikaricp_connections_max", "pool=\"nectar\"")).isPositive();
    assertThat(metrics).contains("hikaricp_connections_active{pool=\"nectar\"}",
        "hikaricp_connections_idle{pool=\"nectar\"}", "hikaricp_connections_pending{pool=\"nectar\"}");
  }

  @Test
  void theOperationsEndpointsNeedNoKeyAndIgnoreABadOne() {
    for (String path : List.of("/healthz", "/readyz", "/metrics")) {
      assertThat(server.get(path, null).status()).as(path).isEqualTo(200);
      assertThat(server.get(path, "nk_test_not_a_key").status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void theResponseBodyOfAReplayIsTheStoredOneEvenAfterTheObjectChanged() {
    String key = newTenant().key();
    Response first = postIdempotent("/v2.2/company", key, "{\"name\": \"Snapshot\"}", "snapshot-1");
    String id = first.json().get("id").asText();
    assertThat(server.patchJson("/v2.2/company/" + id, key, "{\"name\": \"Changed later\"}").status()).isEqualTo(200);

    Response replay = postIdempotent("/v2.2/company", key, "{\"name\": \"Snapshot\"}", "snapshot-1");

    JsonNode replayed = replay.json();
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.get("id").asText()).isEqualTo(id);
    assertThat(replayed.get("name").asText()).isEqualTo("Snapshot");
    assertThat(companyIds(server, key)).containsExactly(id);
  }

  @Test
  void headOnAnApiRouteIsRefusedRatherThanAnsweredWithoutAuthentication() {
    Response head = server.send("HEAD", "/v2.2/company/" + java.util.UUID.randomUUID(), null, null, null,
        java.util.Map.of());

    assertThat(head.status()).isEqualTo(405);
  }
}

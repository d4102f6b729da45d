package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Receiver;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The endpoint management API under every prefix, its validation and tenancy, the portal link and
 * page, and the default refusal of private targets (on a server that does not allow them).
 */
class WebhookEndpointApiTest {
  static TestServer server;
  static TestServer.Tenant live;
  static TestServer.Tenant otherOrg;
  static TestServer.Tenant sandbox;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("NECTAR_MAX_BODY_BYTES", "4096"));
    live = server.tenant("Endpoints Org", Environment.PRODUCTION);
    otherOrg = server.tenant("Endpoints Other Org", Environment.PRODUCTION);
    sandbox = server.tenant("Endpoints Org", Environment.SANDBOX);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode create(TestServer.Tenant tenant, String body) {
    Response created = server.postJson("/v2.2/webhook/endpoint", tenant.key(), body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void anEndpointIsCreatedReadChangedAndDeletedUnderEveryPrefix(String prefix) {
    Response created = server.postJson(prefix + "/webhook/endpoint", live.key(), """
        {"url": "https://example.com/hooks/nectar", "eventTypes": ["document.created.v2", "document.created.v2"],
         "description": "bills to the ledger"}""");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode endpoint = created.json();
    String id = endpoint.get("id").asText();
    assertThat(endpoint.get("url").asText()).isEqualTo("https://example.com/hooks/nectar");
    assertThat(endpoint.get("eventTypes")).hasSize(1);
    assertThat(endpoint.get("description").asText()).isEqualTo("bills to the ledger");
    assertThat(endpoint.get("isDisabled").asBoolean()).isFalse();
    assertThat(endpoint.get("secret").asText()).matches("whsec_[A-Za-z0-9+/]{32}");
    assertThat(endpoint.get("created").asText()).isEqualTo(endpoint.get("updated").asText()).endsWith("Z");

    JsonNode read = server.get(prefix + "/webhook/endpoint/" + id, live.key()).json();
    assertThat(read.has("secret")).isFalse();
    assertThat(read.get("url")).isEqualTo(endpoint.get("url"));
    JsonNode list = server.get(prefix + "/webhook/endpoint", live.key()).json();
    assertThat(list.isArray()).isTrue();
    assertThat(ids(list)).contains(id);
    list.forEach(e -> assertThat(e.has("secret")).isFalse());

    Response patched = server.patchJson(prefix + "/webhook/endpoint/" + id, live.key(),
        "{\"eventTypes\": [], \"description\": null}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().get("eventTypes")).isEmpty();
    assertThat(patched.json().get("description").isNull()).isTrue();
    assertThat(patched.json().get("url")).isEqualTo(endpoint.get("url")); // absent: kept
    assertThat(Instant.parse(patched.json().get("updated").asText()))
        .isAfterOrEqualTo(Instant.parse(endpoint.get("updated").asText()));

    assertThat(server.delete(prefix + "/webhook/endpoint/" + id, live.key()).status()).isEqualTo(204);
    assertThat(server.get(prefix + "/webhook/endpoint/" + id, live.key()).status()).isEqualTo(404);
    assertThat(ids(server.get(prefix + "/webhook/endpoint", live.key()).json())).doesNotContain(id);
  }

  @Test
  void badBodiesAreRefusedWithEveryProblemNamed() {
    record Case(String body, String field, String message) {}
    List<Case> cases = List.of(
        new Case("{}", "url", "This field is required."),
        new Case("{\"url\": 42}", "url", "Not a valid string."),
        new Case("{\"url\": \"ftp://example.com/x\"}", "url", "http"),
        new Case("{\"url\": \"https://user:pw@example.com/x\"}", "url", "user"),
        new Case("{\"url\": \"/relative\"}", "url", "absolute"),
        new Case("{\"url\": \"https://example.com\", \"eventTypes\": \"document.created.v2\"}", "eventTypes",
            "Expected a list"),
        new Case("{\"url\": \"https://example.com\", \"eventTypes\": [\"document.exploded.v2\"]}", "eventTypes",
            "document.exploded.v2"),
        new Case("{\"url\": \"https://example.com\", \"eventTypes\": [\"webhook.test\"]}", "eventTypes",
            "webhook.test"),
        new Case("{\"url\": \"https://example.com\", \"description\": [1]}", "description", "Not a valid string."),
        new Case("{\"url\": \"https://example.com\", \"isDisabled\": true}", "isDisabled", "Unknown field."),
        new Case("{\"url\": \"https://example.com\", \"secret\": \"whsec_x\"}", "secret", "Unknown field."));
    for (Case c : cases) {
      Response refused = server.postJson("/v2.2/webhook/endpoint", live.key(), c.body());
      assertThat(refused.status()).as(c.body() + " " + refused).isEqualTo(400);
      assertThat(refused.json().get("errors").get(c.field()).toString()).as(c.body()).contains(c.message());
    }
    assertThat(server.postJson("/v2.2/webhook/endpoint", live.key(), "{\"url\": ").status()).isEqualTo(400);
    Response tooLarge = server.postJson("/v2.2/webhook/endpoint", live.key(),
        "{\"url\": \"https://example.com/" + "x".repeat(5000) + "\"}");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().get("detail").asText()).isNotBlank();
    Response wrongMedia = server.send("POST", "/v2.2/webhook/endpoint", live.key(), "text/plain", "url=x", Map.of());
    assertThat(wrongMedia.status()).isEqualTo(415);

    String id = create(live, "{\"url\": \"https://example.com/patch\"}").get("id").asText();
    Response badPatch = server.patchJson("/v2.2/webhook/endpoint/" + id, live.key(),
        "{\"url\": null, \"isDisabled\": \"maybe\", \"colour\": 1}");
    assertThat(badPatch.status()).isEqualTo(400);
    assertThat(badPatch.json().get("errors").fieldNames()).toIterable().containsExactlyInAnyOrder("url", "isDisabled",
        "colour");
    assertThat(server.get("/v2.2/webhook/endpoint/" + id, live.key()).json().get("url").asText())
        .isEqualTo("https://example.com/patch");

    for (String since : List.of("{}", "{\"since\": \"yesterday\"}", "{\"since\": \"2026-11-01T08:00:00\"}",
        "{\"since\": 5}", "{\"since\": \"2026-11-01\", \"until\": \"2026-11-02\"}")) {
      Response recover = server.postJson("/v2.2/webhook/endpoint/" + id + "/recover", live.key(), since);
      assertThat(recover.status()).as(since + " " + recover).isEqualTo(400);
    }
    String secretBefore = server.postJson("/v2.2/webhook/endpoint/" + id + "/rotate-secret", live.key(), "{}").json()
        .get("secret").asText();
    for (String action : List.of("rotate-secret", "test")) {
      Response refused = server.postJson("/v2.2/webhook/endpoint/" + id + "/" + action, live.key(), "{\"now\": true}");
      assertThat(refused.status()).as(action + " " + refused).isEqualTo(400);
      assertThat(refused.json().get("errors").get("now").toString()).contains("Unknown field.");
    }
    assertThat(server.get("/v2.2/webhook/endpoint/" + id + "/attempt", live.key()).json().get("totalAttempts").asInt())
        .as("the refused test sent nothing").isZero();
    Response rotatedAgain = server.postJson("/v2.2/webhook/endpoint/" + id + "/rotate-secret", live.key(), "{}");
    assertThat(rotatedAgain.json().get("secret").asText()).isNotEqualTo(secretBefore);
    Response page = server.get("/v2.2/webhook/endpoint/" + id + "/attempt?page=0", live.key());
    assertThat(page.status()).isEqualTo(400);
  }

  @Test
  void anotherTenantsEndpointsAndMessagesCannotBeSeenOrTouched() {
    JsonNode mine = create(live, "{\"url\": \"https://example.com/mine\"}");
    String id = mine.get("id").asText();
    for (TestServer.Tenant stranger : List.of(otherOrg, sandbox)) {
      assertThat(ids(server.get("/v2.2/webhook/endpoint", stranger.key()).json())).doesNotContain(id);
      assertThat(server.get("/v2.2/webhook/endpoint/" + id, stranger.key()).status()).isEqualTo(403);
      assertThat(server.patchJson("/v2.2/webhook/endpoint/" + id, stranger.key(), "{\"url\": 1}").status())
          .as("403 before the body is read").isEqualTo(403);
      assertThat(server.delete("/v2.2/webhook/endpoint/" + id, stranger.key()).status()).isEqualTo(403);
      for (String action : List.of("rotate-secret", "test", "recover")) {
        assertThat(server.postJson("/v2.2/webhook/endpoint/" + id + "/" + action, stranger.key(),
            "{\"since\": \"2026-01-01\"}").status()).as(action).isEqualTo(403);
      }
      assertThat(server.get("/v2.2/webhook/endpoint/" + id + "/attempt", stranger.key()).status()).isEqualTo(403);
    }
    String message = server.postJson("/v2.2/webhook/endpoint/" + id + "/test", live.key(), "{}").json()
        .get("messageId").asText();
    assertThat(server.postJson("/v2.2/webhook/message/" + message + "/replay", otherOrg.key(), "{}").status())
        .isEqualTo(404);
    assertThat(server.postJson("/v2.2/webhook/message/" + message + "/replay", live.key(), "{}").status())
        .isEqualTo(202);
    assertThat(server.get("/v2.2/webhook/endpoint/" + id, live.key()).json().get("url").asText())
        .isEqualTo("https://example.com/mine");

    for (String missing : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
      assertThat(server.get("/v2.2/webhook/endpoint/" + missing, live.key()).status()).isEqualTo(404);
      assertThat(server.postJson("/v2.2/webhook/message/" + missing + "/replay", live.key(), "{}").status())
          .isEqualTo(404);
    }
    assertThat(server.get("/v2.2/webhook/endpoint", null).status()).isEqualTo(401);
  }

  @Test
  void privateAndLoopbackTargetsAreRefusedAtDeliveryByDefaultAndTheRefusalIsLogged() {
    try (Receiver receiver = new Receiver()) {
      List<String> ids = new ArrayList<>();
      for (String url : List.of("http://localhost:" + receiver.port() + "/hook",
          "http://127.0.0.1:" + receiver.port() + "/hook", "http://169.254.169.254/latest/meta-data/")) {
        String id = create(live, "{\"url\": \"" + url + "\"}").get("id").asText();
        ids.add(id);
        assertThat(server.postJson("/v2.2/webhook/endpoint/" + id + "/test", live.key(), "{}").status())
            .isEqualTo(202);
      }
      for (String id : ids) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
            server.get("/v2.2/webhook/endpoint/" + id + "/attempt", live.key()).json().get("totalAttempts").asInt())
            .isPositive());
        JsonNode attempt = server.get("/v2.2/webhook/endpoint/" + id + "/attempt", live.key()).json()
            .get("attempts").get(0);
        assertThat(attempt.get("succeeded").asBoolean()).isFalse();
        assertThat(attempt.get("statusCode").isNull()).isTrue();
        assertThat(attempt.get("error").asText()).contains("private").contains("NECTAR_ALLOW_PRIVATE_TARGETS");
      }
      assertThat(receiver.deliveries()).as("the receiver on the loopback interface was never reached").isEmpty();
    }
  }

  /**
   * The audit reached a listener on the host's own address: a public address of the server is as
   * much its own network as loopback is. The refusal logged for the attempt is the signal that the
   * delivery was tried and is over; only then is the listener's silence worth anything.
   */
  @Test
  void anEndpointOnTheServersOwnNonLoopbackAddressIsNeverReached() throws Exception {
    InetAddress own = ownNonLoopbackAddress();
    try (MockWebServer listener = new MockWebServer()) {
      listener.enqueue(new MockResponse.Builder().code(200).build());
      listener.start(own, 0);
      String host = own instanceof Inet6Address ? "[" + own.getHostAddress() + "]" : own.getHostAddress();
      String id = create(live, "{\"url\": \"http://" + host + ":" + listener.getPort() + "/hook\"}").get("id").asText();

      assertThat(server.postJson("/v2.2/webhook/endpoint/" + id + "/test", live.key(), "{}").status()).isEqualTo(202);

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
          server.get("/v2.2/webhook/endpoint/" + id + "/attempt", live.key()).json().get("totalAttempts").asInt())
          .isPositive());
      JsonNode attempt = server.get("/v2.2/webhook/endpoint/" + id + "/attempt", live.key()).json()
          .get("attempts").get(0);
      assertThat(listener.getRequestCount()).as("the listener on " + host + " was never reached").isZero();
      assertThat(attempt.get("statusCode").isNull()).isTrue();
      // Where the host's address is public, only the own-address check can have refused it.
      String reason = SpecialPurposeAddresses.isGloballyReachable(own)
          ? "this server's own address" : "a private or reserved address";
      assertThat(attempt.get("error").asText()).startsWith(host + " is ").contains(reason)
          .contains("NECTAR_ALLOW_PRIVATE_TARGETS");
    }
  }

  /** An address of one of this machine's interfaces that is up, neither loopback nor link-local. */
  private static InetAddress ownNonLoopbackAddress() throws SocketException {
    List<InetAddress> candidates = new ArrayList<>();
    for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (i.isUp() && !i.isLoopback()) {
        Collections.list(i.getInetAddresses()).stream()
            .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
            .forEach(candidates::add);
      }
    }
    candidates.sort(Comparator.comparing(a -> a instanceof Inet6Address)); // IPv4 first
    assumeFalse(candidates.isEmpty(), "this machine has no address but loopback and link-local ones");
    return candidates.get(0);
  }

  @Test
  void getWebhookLinksToAPortalPageValidForSevenDaysThatManagesTheTenantsEndpoints() {
    String mine = create(live, "{\"url\": \"https://example.com/portal\"}").get("id").asText();
    String theirs = create(otherOrg, "{\"url\": \"https://example.com/theirs\"}").get("id").asText();
    Response link = server.get("/v2.2/webhook", live.key());
    assertThat(link.status()).isEqualTo(200);
    URI url = URI.create(link.json().get("url").asText());
    long expires = Long.parseLong(url.getQuery().replaceAll(".*expires=(\\d+).*", "$1"));
    assertThat(Instant.ofEpochSecond(expires)).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60),
        Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));

    String path = url.getRawPath();
    String query = "?" + url.getRawQuery();
    Response page = server.get(path + query, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("Webhook endpoints");

    JsonNode listed = server.get(path + "/endpoints" + query, null).json();
    assertThat(ids(listed)).contains(mine).doesNotContain(theirs);
    Response added = server.send("POST", path + "/endpoints" + query, null, TestServer.JSON,
        "{\"url\": \"https://example.com/from-portal\", \"eventTypes\": [\"document.deleted.v2\"]}", Map.of());
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.json().get("secret").asText()).startsWith("whsec_");
    assertThat(ids(server.get("/v2.2/webhook/endpoint", live.key()).json())).contains(added.json().get("id").asText());
    Response theirsViaMyLink = server.send("DELETE", path + "/endpoints/" + theirs + query, null, null, null, Map.of());
    assertThat(theirsViaMyLink.status()).isEqualTo(403);

    // One character of the signature changed (to another one: a signature may start with A).
    String tampered = query.replaceAll("signature=A", "signature=B").equals(query)
        ? query.replaceAll("signature=.", "signature=A") : query.replaceAll("signature=A", "signature=B");
    assertThat(server.get(path + tampered, null).status()).isEqualTo(403);
    assertThat(server.get(path + "/endpoints" + tampered, null).status()).isEqualTo(403);
    assertThat(server.get(path, null).status()).isEqualTo(403);
    String otherTenantPath = path.replace(live.organizationId().toString(), otherOrg.organizationId().toString());
    Response forged = server.get(otherTenantPath + "/endpoints" + query, null);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.json().get("detail").asText()).isNotBlank();

    server.clock().advance(Duration.ofDays(8));
    try {
      Response expired = server.get(path + query, null);
      assertThat(expired.status()).isEqualTo(403);
      assertThat(expired.json().get("detail").asText()).contains("expired");
    } finally {
      server.clock().advance(Duration.ofDays(-8));
    }
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(e -> ids.add(e.get("id").asText()));
    return ids;
  }
}

package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.testing.FixtureCompany;
import io.nectar.testing.FixtureProvider;
import io.nectar.testing.Receiver;
import io.nectar.testing.Response;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every event type reaches a real receiver with the body and headers of CONTRACT §9, signed so that
 * a verifier written from the Standard Webhooks specification accepts it; updates carry what
 * changed; endpoints get only the types they chose and only their own tenant's events.
 */
class WebhookEventsTest {
  private static final Pattern NAIVE_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

  static TestServer server;
  static TestServer.Tenant live;
  static TestServer.Tenant otherOrg;
  static TestServer.Tenant sameOrgSandbox;
  static Receiver all;
  static Receiver deletionsOnly;
  static Receiver other;
  static String allSecret;
  static FixtureCompany company;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("NECTAR_ALLOW_PRIVATE_TARGETS", "true"),
        new ProviderRegistry(new SandboxProvider(), new FixtureProvider()), TestDatabase.freshDatabaseUrl());
    live = server.tenant("Events Org", Environment.PRODUCTION);
    otherOrg = server.tenant("Other Org", Environment.PRODUCTION);
    sameOrgSandbox = server.tenant("Events Org", Environment.SANDBOX);
    all = new Receiver();
    deletionsOnly = new Receiver();
    other = new Receiver();
    allSecret = endpoint(live, all.url(), "[]").get("secret").asText();
    endpoint(live, deletionsOnly.url(), "[\"document.deleted.v2\"]");
    endpoint(otherOrg, other.url(), "[]");
    endpoint(sameOrgSandbox, other.url(), "[]");
    company = FixtureCompany.create(server, live.key(), "Events Co");
  }

  @AfterAll
  static void stop() {
    server.close();
    all.close();
    deletionsOnly.close();
    other.close();
  }

  static JsonNode endpoint(TestServer.Tenant tenant, String url, String eventTypes) {
    Response created = server.postJson("/v2.2/webhook/endpoint", tenant.key(),
        "{\"url\": \"" + url + "\", \"eventTypes\": " + eventTypes + "}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static JsonNode get(String path) {
    Response response = server.get(path, live.key());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static List<Receiver.Delivery> about(String eventType, String id) {
    return all.deliveries(d -> d.eventType().equals(eventType) && d.json().path("id").asText().equals(id));
  }

  @Test
  void aNewConnectionIsAnnouncedAsTheConnectionObjectWithNaiveTimestamps() {
    Receiver.Delivery created = all.await(d -> d.eventType().equals("connection.created.v2")
        && d.json().get("id").asText().equals(company.connectionId()), 1).get(0);

    JsonNode body = created.json();
    JsonNode details = get("/v2.2/connection/" + company.connectionId() + "/details");
    Set<String> expected = new TreeSet<>();
    details.fieldNames().forEachRemaining(expected::add);
    expected.add("eventType");
    assertThat(iterable(body)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(body.get("status").asText()).isEqualTo("CONNECTED");
    assertThat(body.get("company").get("id").asText()).isEqualTo(company.companyId());
    assertThat(body.get("created").asText()).matches(NAIVE_TIMESTAMP)
        .isEqualTo(details.get("created").asText().replace("Z", ""));
    assertThat(body.get("accounts")).isEmpty(); // accounts arrive with the first collection
  }

  @Test
  void theFirstCollectionAnnouncesTheAccountsItFoundAsAnUpdateWithTheOldValues() {
    Receiver.Delivery updated = all.await(d -> d.eventType().equals("connection.updated.v2")
        && d.json().get("id").asText().equals(company.connectionId())
        && d.json().get("old").has("accounts"), 1).get(0);

    assertThat(texts(updated.json().get("protectedChanges"))).contains("accounts");
    assertThat(updated.json().get("old").get("accounts")).isEmpty();
    assertThat(updated.json().get("accounts")).isNotEmpty();
  }

  @Test
  void everyCollectedBillIsAnnouncedOnceAsTheV22Document() {
    List<Receiver.Delivery> created = all.await("document.created.v2", FixtureProvider.BILLS.size());

    assertThat(created).hasSize(FixtureProvider.BILLS.size());
    assertThat(created.stream().map(d -> d.json().get("id").asText()).distinct())
        .containsExactlyInAnyOrderElementsOf(company.documents().values());
    assertThat(created.stream().map(Receiver.Delivery::id).distinct()).hasSize(created.size());
    String b09 = company.document("B09");
    JsonNode body = about("document.created.v2", b09).get(0).json();
    JsonNode document = get("/v2.2/document/" + b09);
    Set<String> expected = new TreeSet<>();
    document.fieldNames().forEachRemaining(expected::add);
    expected.add("eventType");
    assertThat(iterable(body)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(body.get("usageData")).hasSize(2);
    assertThat(body.get("totalCharges")).isEqualTo(document.get("totalCharges"));
    assertThat(body.get("lineItems")).isEqualTo(document.get("lineItems"));
    assertThat(body.get("usageData").get(0).get("created").asText()).matches(NAIVE_TIMESTAMP);
  }

  @Test
  void deliveriesAreSignedSoThatAStandardWebhooksVerifierAcceptsThem() {
    Receiver.Delivery delivery = all.await("document.created.v2", 1).get(0);

    assertThatCode(() -> StandardWebhooksVerifier.verify(allSecret, delivery.headers(), delivery.body(),
        Instant.now())).doesNotThrowAnyException();
    for (String name : List.of("id", "timestamp", "signature")) {
      assertThat(delivery.headers().get("svix-" + name)).as(name).isEqualTo(delivery.headers().get("webhook-" + name));
    }
    assertThat(delivery.headers().get("webhook-signature")).startsWith("v1,");
    assertThat(delivery.headers().get("content-type")).startsWith("application/json");

    byte[] tampered = delivery.body().clone();
    tampered[tampered.length - 2] ^= 1;
    assertThatCode(() -> StandardWebhooksVerifier.verify(allSecret, delivery.headers(), tampered, Instant.now()))
        .isInstanceOf(StandardWebhooksVerifier.Rejected.class);
    assertThatCode(() -> StandardWebhooksVerifier.verify(allSecret, delivery.headers(), delivery.body(),
        Instant.now().plus(Duration.ofMinutes(10)))).isInstanceOf(StandardWebhooksVerifier.Rejected.class);
  }

  @Test
  void aUsageCorrectionAnnouncesTheDocumentWithItsOldUsage() {
    String documentId = company.document("B03");
    String usageId = company.usageRow("B03/E1");
    String before = get("/v2.2/usage/" + usageId).get("usage").asText();

    Response patched = server.patchJson("/v2.2/usage/" + usageId, live.key(), "{\"usage\": \"777.25\"}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

    JsonNode body = all.await(d -> d.eventType().equals("document.updated.v2")
        && d.json().get("id").asText().equals(documentId), 1).get(0).json();
    assertThat(body.get("usageData").get(0).get("usage").asText()).isEqualTo("777.25");
    assertThat(iterable(body.get("old"))).containsExactly("usageData");
    assertThat(body.get("old").get("usageData").get(0).get("usage").asText()).isEqualTo(before);

    // Restating the same value changes nothing, so nothing is announced.
    Response same = server.patchJson("/v2.2/usage/" + usageId, live.key(), "{\"usage\": \"777.250\"}");
    assertThat(same.status()).isEqualTo(200);
    Response marker = server.patchJson("/v2.2/usage/" + company.usageRow("B05/G1"), live.key(),
        "{\"isEstimated\": true}");
    assertThat(marker.status()).isEqualTo(200);
    all.await(d -> d.eventType().equals("document.updated.v2")
        && d.json().get("id").asText().equals(company.document("B05")), 1);
    assertThat(about("document.updated.v2", documentId)).hasSize(1);
  }

  @Test
  void aDeletedDocumentIsAnnouncedToEndpointsThatChoseDeletionsAndToThoseThatChoseAll() {
    String documentId = company.document("B07");
    assertThat(server.delete("/v2.2/document/" + documentId, live.key()).status()).isEqualTo(204);

    Receiver.Delivery chosen = deletionsOnly.await("document.deleted.v2", 1).get(0);
    assertThat(chosen.json().get("id").asText()).isEqualTo(documentId);
    assertThat(chosen.json().get("isDeleted").asBoolean()).isTrue();
    all.await(d -> d.eventType().equals("document.deleted.v2") && d.json().get("id").asText().equals(documentId), 1);

    // Deleting it again is no change: no second event.
    assertThat(server.delete("/v2.2/document/" + documentId, live.key()).status()).isEqualTo(204);
    assertThat(server.delete("/v2.2/document/" + company.document("B06"), live.key()).status()).isEqualTo(204);
    deletionsOnly.await("document.deleted.v2", 2);
    assertThat(deletionsOnly.deliveries(d -> d.json().get("id").asText().equals(documentId))).hasSize(1);
    // The endpoint that chose deletions got nothing else, ever.
    assertThat(deletionsOnly.deliveries()).allMatch(d -> d.eventType().equals("document.deleted.v2"));
  }

  @Test
  void stoppingTheTrackingOfAnAccountAnnouncesTheConnectionsChangedAccounts() {
    JsonNode account = get("/v2.2/connection/" + company.connectionId() + "/details").get("accounts").get(0);
    Response patched = server.patchJson("/v2.2/account/" + account.get("id").asText(), live.key(),
        "{\"isTracked\": false}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

    JsonNode body = all.await(d -> d.eventType().equals("connection.updated.v2")
        && d.json().path("old").path("accounts").toString().contains("\"trackingStatus\":\"UNSET\"")
        && d.json().path("accounts").toString().contains("\"trackingStatus\":\"DISABLED\""), 1).get(0).json();
    assertThat(texts(body.get("protectedChanges"))).containsExactly("accounts");
  }

  @Test
  void anotherOrganizationAndTheOtherEnvironmentSeeNoneOfTheseEvents() {
    all.await("document.created.v2", FixtureProvider.BILLS.size());
    // the other tenants' own endpoint gets their own events, which proves it is reachable
    FixtureCompany theirs = FixtureCompany.create(server, otherOrg.key(), "Their Co");
    other.await(d -> d.json().path("company").path("id").asText().equals(theirs.companyId())
        || d.json().path("company").asText().equals(theirs.companyId()), 1);

    assertThat(other.deliveries()).noneMatch(d -> d.body().length > 0
        && new String(d.body(), java.nio.charset.StandardCharsets.UTF_8).contains(company.companyId()));
    assertThat(all.deliveries()).noneMatch(d ->
        new String(d.body(), java.nio.charset.StandardCharsets.UTF_8).contains(theirs.companyId()));
  }

  private static List<String> iterable(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }
}

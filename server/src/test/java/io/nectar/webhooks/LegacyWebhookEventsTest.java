package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The legacy unversioned event types (nectar-api.md §13.2, §13.3) reach the endpoints that name
 * them, in Nectar's older shapes and signed like any other; an endpoint that names no type gets the
 * {@code .v2} types only, and one that names only legacy types gets nothing else.
 */
class LegacyWebhookEventsTest {
  private static final List<String> LEGACY = List.of("connection.created", "connection.updated",
      "connection.validated", "document.created");
  private static final List<String> LEGACY_CONNECTION_FIELDS = List.of("company", "country", "created", "datasource",
      "emails", "eventType", "id", "sitesRelations", "status", "updated", "url");

  static TestServer server;
  static TestServer.Tenant live;
  static TestServer.Tenant quiet;
  static Receiver legacy;
  static Receiver all;
  static Receiver quietAll;
  static String legacySecret;
  static String legacyEndpoint;
  static String allEndpoint;
  static FixtureCompany company;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("NECTAR_ALLOW_PRIVATE_TARGETS", "true"),
        new ProviderRegistry(new SandboxProvider(), new FixtureProvider()), TestDatabase.freshDatabaseUrl());
    live = server.tenant("Legacy Events Org", Environment.PRODUCTION);
    quiet = server.tenant("No Legacy Org", Environment.PRODUCTION);
    legacy = new Receiver();
    all = new Receiver();
    quietAll = new Receiver();
    JsonNode named = endpoint(live, legacy.url(), "[\"connection.created\", \"connection.updated\", "
        + "\"connection.validated\", \"document.created\"]");
    legacySecret = named.get("secret").asText();
    legacyEndpoint = named.get("id").asText();
    allEndpoint = endpoint(live, all.url(), "[]").get("id").asText();
    endpoint(quiet, quietAll.url(), "[]");
    company = FixtureCompany.create(server, live.key(), "Legacy Co");
  }

  @AfterAll
  static void stop() {
    server.close();
    legacy.close();
    all.close();
    quietAll.close();
  }

  static JsonNode endpoint(TestServer.Tenant tenant, String url, String eventTypes) {
    Response created = server.postJson("/v2.2/webhook/endpoint", tenant.key(),
        "{\"url\": \"" + url + "\", \"eventTypes\": " + eventTypes + "}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void aNewConnectionIsAnnouncedInTheLegacyShapeWithItsSitesAndAValidSignature() {
    Receiver.Delivery created = legacy.await(d -> d.eventType().equals("connection.created")
        && d.json().path("id").asText().equals(company.connectionId()), 1).get(0);

    JsonNode body = created.json();
    assertThat(fieldNames(body)).containsExactlyInAnyOrderElementsOf(LEGACY_CONNECTION_FIELDS);
    assertThat(fieldNames(body.get("company"))).containsExactlyInAnyOrder("externalId", "id", "name", "publicId");
    assertThat(body.at("/company/id").asText()).isEqualTo(company.companyId());
    assertThat(body.at("/company/name").asText()).isEqualTo("Legacy Co");
    assertThat(fieldNames(body.get("datasource"))).containsExactly("name");
    assertThat(body.get("status").asText()).isEqualTo("CONNECTED");
    assertThat(body.get("url").asText()).isEqualTo(FixtureProvider.ROOT_URL);
    assertThat(body.get("created").asText()).doesNotEndWith("Z");
    // Created for two sites, before any account was found.
    JsonNode relations = body.get("sitesRelations");
    assertThat(relations).hasSize(2);
    assertThat(relations.at("/0/site/id").asText()).isEqualTo(company.site1());
    assertThat(relations.at("/0/site/name").asText()).isEqualTo("Legacy Co site 1");
    assertThat(relations.at("/1/site/id").asText()).isEqualTo(company.site2());
    assertThat(relations.at("/0/accountIds")).isEmpty();
    assertThat(fieldNames(relations.get(0))).containsExactlyInAnyOrder("accountIds", "datasourceTypes", "site");

    assertThatCode(() -> StandardWebhooksVerifier.verify(legacySecret, created.headers(), created.body(),
        Instant.now())).doesNotThrowAnyException();
    assertThat(created.headers().get("svix-signature")).isEqualTo(created.headers().get("webhook-signature"));
  }

  @Test
  void theFirstCollectionIsAnnouncedAsALegacyUpdateNamingTheSameFieldsAsItsV2Twin() {
    Receiver.Delivery updated = legacy.await(d -> d.eventType().equals("connection.updated")
        && d.json().path("id").asText().equals(company.connectionId())
        && texts(d.json().get("protectedChanges")).contains("accounts"), 1).get(0);
    Receiver.Delivery twin = all.await(d -> d.eventType().equals("connection.updated.v2")
        && d.json().path("id").asText().equals(company.connectionId())
        && d.json().path("old").has("accounts"), 1).get(0);

    List<String> expected = new ArrayList<>(LEGACY_CONNECTION_FIELDS);
    expected.add("protectedChanges");
    assertThat(fieldNames(updated.json())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(updated.json().get("protectedChanges")).isEqualTo(twin.json().get("protectedChanges"));
    // The accounts found now stand in the sites' relations, each with the types of its meters there.
    List<String> accountIds = new ArrayList<>();
    twin.json().get("accounts").forEach(a -> accountIds.add(a.get("id").asText()));
    List<String> related = new ArrayList<>();
    updated.json().get("sitesRelations").forEach(r -> related.addAll(texts(r.get("accountIds"))));
    assertThat(related).isNotEmpty().allMatch(accountIds::contains);
    assertThat(updated.json().get("sitesRelations")).allSatisfy(r -> assertThat(r.get("datasourceTypes")).isNotEmpty());
    assertThatCode(() -> StandardWebhooksVerifier.verify(legacySecret, updated.headers(), updated.body(),
        Instant.now())).doesNotThrowAnyException();
  }

  @Test
  void everyCollectedBillIsAnnouncedAsALegacyDocumentCreatedWithTheV2Body() {
    List<Receiver.Delivery> created = legacy.await("document.created", FixtureProvider.BILLS.size());
    List<Receiver.Delivery> twins = all.await("document.created.v2", FixtureProvider.BILLS.size());

    assertThat(created.stream().map(d -> d.json().get("id").asText()))
        .containsExactlyInAnyOrderElementsOf(company.documents().values());
    String b09 = company.document("B09");
    ObjectNode body = (ObjectNode) created.stream().filter(d -> d.json().get("id").asText().equals(b09))
        .findFirst().orElseThrow().json().deepCopy();
    ObjectNode twin = (ObjectNode) twins.stream().filter(d -> d.json().get("id").asText().equals(b09))
        .findFirst().orElseThrow().json().deepCopy();
    assertThat(body.remove("eventType").asText()).isEqualTo("document.created");
    twin.remove("eventType");
    assertThat(body).isEqualTo(twin);
    assertThat(body.has("afterPreviousCharges")).isTrue();
    for (Receiver.Delivery d : created) {
      assertThatCode(() -> StandardWebhooksVerifier.verify(legacySecret, d.headers(), d.body(), Instant.now()))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void anEndpointWithNoTypesGetsTheV2TypesOnlyAndALegacyOnlyEndpointGetsNoV2Type() {
    // Both twins of each change commit together: once the endpoints saw them, every delivery row is written.
    legacy.await("document.created", FixtureProvider.BILLS.size());
    all.await("document.created.v2", FixtureProvider.BILLS.size());
    legacy.await("connection.updated", 1);

    assertThat(deliveredTypes(allEndpoint)).isNotEmpty().allMatch(t -> t.endsWith(".v2"));
    assertThat(deliveredTypes(legacyEndpoint)).isNotEmpty().allMatch(LEGACY::contains);
    assertThat(all.deliveries()).allMatch(d -> d.eventType().endsWith(".v2"));
    assertThat(legacy.deliveries()).allMatch(d -> LEGACY.contains(d.eventType()));
  }

  @Test
  void aRecoveryBringsAnEndpointWithNoTypesNoLegacyEvent() {
    legacy.await("document.created", FixtureProvider.BILLS.size());
    String late = endpoint(live, all.url(), "[]").get("id").asText();

    Response recovered = server.postJson("/v2.2/webhook/endpoint/" + late + "/recover", live.key(),
        "{\"since\": \"2000-01-01\"}");
    assertThat(recovered.status()).as(recovered.toString()).isBetween(200, 299);

    assertThat(deliveredTypes(late)).contains("document.created.v2").noneMatch(LEGACY::contains);
  }

  @Test
  void aTenantWhoseEndpointsNameNoLegacyTypeRecordsNoLegacyEvent() {
    FixtureCompany theirs = FixtureCompany.create(server, quiet.key(), "Quiet Co");
    quietAll.await("document.created.v2", FixtureProvider.BILLS.size());

    List<String> types = server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select event_type from webhook_message where organization_id = :org")
        .bind("org", quiet.organizationId()).mapTo(String.class).list());
    assertThat(types).contains("connection.created.v2", "document.created.v2").noneMatch(LEGACY::contains);
    assertThat(theirs.documents()).isNotEmpty();
  }

  @Test
  void aValidationThatChangesTheStatusIsAnnouncedAsLegacyValidated() {
    TestServer.Tenant sandbox = server.tenant("Legacy Events Org", Environment.SANDBOX);
    try (Receiver validated = new Receiver()) {
      endpoint(sandbox, validated.url(), "[\"connection.validated\", \"connection.created\"]");
      String companyId = server.postJson("/v2.2/company", sandbox.key(), "{\"name\": \"V\"}").json().get("id")
          .asText();
      String site = server.postJson("/v2.2/site/company/" + companyId, sandbox.key(), "{\"name\": \"S\"}").json()
          .get("id").asText();
      String connection = server.postJson("/v2.2/connection/company/" + companyId, sandbox.key(), """
          {"url": "https://nectarclimate.com", "username": "nectar-sandbox-password-change",
           "password": "nectar-sandbox-password", "sites": ["%s"], "country": "US"}""".formatted(site))
          .json().get("id").asText();
      JsonNode created = validated.await("connection.created", 1).get(0).json();

      server.clock().advance(Duration.ofDays(8));
      try {
        server.server().jobs().queueDueValidations();
        JsonNode body = validated.await("connection.validated", 1).get(0).json();
        assertThat(body.get("id").asText()).isEqualTo(connection);
        assertThat(body.get("status").asText()).isEqualTo("INCORRECT_PASSWORD");
        assertThat(fieldNames(body)).containsExactlyInAnyOrderElementsOf(fieldNames(created));
      } finally {
        server.clock().advance(Duration.ofDays(-8));
      }
    }
  }

  private static List<String> deliveredTypes(String endpointId) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select m.event_type from webhook_delivery d join webhook_message m on m.id = d.message_id "
                + "where d.endpoint_id = :endpoint")
        .bind("endpoint", UUID.fromString(endpointId)).mapTo(String.class).list());
  }

  private static List<String> fieldNames(JsonNode object) {
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

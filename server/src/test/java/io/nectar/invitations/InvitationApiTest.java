package io.nectar.invitations;

import static io.nectar.testing.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The invitation API over real HTTP, on every version prefix: create, list, read, revoke, statuses. */
class InvitationApiTest {
  static TestServer server;
  static Fixtures fixtures;
  static String key;
  static String companyId;
  static String siteId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    key = server.tenant("Invite Org", Environment.SANDBOX).key();
    companyId = fixtures.company(key, "Invited Inc");
    siteId = fixtures.site(key, companyId, "Plant");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Response create(String prefix, String body) {
    return server.postJson(prefix + "/invitation/company/" + companyId, key, body);
  }

  @Test
  void anInvitationIsCreatedListedReadAndRevokedUnderEveryVersion() {
    for (String prefix : Fixtures.PREFIXES) {
      Response created = create(prefix, """
          {"allowedEmails": ["Ops@Example.com", "ops@example.COM", "b@example.org"], "expiresInSeconds": 3600,
           "maxUses": 2, "sendEmail": false,
           "prefill": {"url": "https://nectarclimate.com", "initialSites": ["%s"], "utilityTypes": ["gas", "WATER"],
                       "country": "us", "connectionOwnerEmail": "Owner@Example.com",
                       "dataCollectionStartDate": "%s"}}""".formatted(siteId, Fixtures.monthsAgo(3)));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      JsonNode json = created.json();
      String token = json.path("token").asText();
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      assertThat(json.path("invitationUrl").asText()).isEqualTo(server.server().config().publicUrl() + "/p/i/" + token);
      assertThat(json.path("invitationType").asText()).isEqualTo("CREATE_CONNECTION");
      assertThat(json.path("status").asText()).isEqualTo("ACTIVE");
      assertThat(json.path("companyId").asText()).isEqualTo(companyId);
      assertThat(json.path("connectionId").isNull()).isTrue();
      assertThat(texts(json.path("allowedEmails"))).containsExactly("ops@example.com", "b@example.org");
      Instant createdAt = Instant.parse(json.path("createdAt").asText());
      assertThat(Duration.between(createdAt, Instant.parse(json.path("expiresAt").asText())))
          .isEqualTo(Duration.ofHours(1));
      assertThat(json.path("maxUses").asInt()).isEqualTo(2);
      assertThat(json.path("useCount").asInt()).isZero();
      assertThat(json.path("prefill").path("url").asText()).isEqualTo("https://nectarclimate.com");
      assertThat(texts(json.at("/prefill/initialSites"))).containsExactly(siteId);
      assertThat(texts(json.at("/prefill/utilityTypes"))).containsExactly("GAS", "WATER");
      assertThat(json.at("/prefill/country").asText()).isEqualTo("US");
      assertThat(json.at("/prefill/connectionOwnerEmail").asText()).isEqualTo("owner@example.com");
      assertThat(json.path("createdConnections")).isEmpty();
      assertThat(json.path("emailDelivery")).isEmpty();
      String id = json.path("id").asText();

      Response read = server.get(prefix + "/invitation/" + id, key);
      assertThat(read.status()).as(read.toString()).isEqualTo(200);
      JsonNode detail = read.json();
      assertThat(detail.path("token").isNull()).as("the token is shown once").isTrue();
      assertThat(detail.path("invitationUrl").isNull()).isTrue();
      assertThat(detail.path("prefill")).isEqualTo(json.path("prefill"));
      assertThat(detail.path("events")).hasSize(1);
      assertThat(detail.at("/events/0/eventType").asText()).isEqualTo("CREATED");
      assertThat(detail.at("/events/0/metadata").isObject()).isTrue();
      assertThat(read.body()).doesNotContain(token);

      Response list = server.get(prefix + "/invitation/company/" + companyId, key);
      assertThat(list.status()).as(list.toString()).isEqualTo(200);
      assertThat(list.json().at("/invitations/0/id").asText()).as("newest first").isEqualTo(id);
      assertThat(list.json().at("/invitations/0/token").isNull()).isTrue();
      assertThat(list.json().path("totalInvitations").asInt()).isEqualTo(list.json().path("invitations").size());
      assertThat(list.json().path("perPage").asInt()).isEqualTo(100);

      Response revoked = server.postJson(prefix + "/invitation/" + id + "/revoke", key, "{}");
      assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
      assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");
      Response again = server.send("POST", prefix + "/invitation/" + id + "/revoke", key, null, null, java.util.Map.of());
      assertThat(again.status()).as("revoking twice is fine").isEqualTo(200);
      assertThat(again.json().path("status").asText()).isEqualTo("REVOKED");
      assertThat(eventTypes(again.json())).containsExactly("CREATED", "REVOKED");
    }
  }

  @Test
  void aReconnectInvitationNamesItsConnectionAndTakesNoPrefill() {
    String connectionId = fixtures.sandboxConnection(key, companyId, List.of(siteId), 1, "");
    for (String prefix : Fixtures.PREFIXES) {
      Response created = server.postJson(prefix + "/invitation/connection/" + connectionId, key,
          "{\"maxUses\": 1, \"prefill\": {}}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      assertThat(created.json().path("invitationType").asText()).isEqualTo("EDIT_CONNECTION");
      assertThat(created.json().path("connectionId").asText()).isEqualTo(connectionId);
      assertThat(created.json().path("companyId").asText()).isEqualTo(companyId);
      assertThat(created.json().path("prefill").isObject()).isTrue();
      assertThat(created.json().path("prefill")).isEmpty();
      assertThat(created.json().path("expiresAt").isNull()).isTrue();

      Response withPrefill = server.postJson(prefix + "/invitation/connection/" + connectionId, key,
          "{\"prefill\": {\"country\": \"US\"}}");
      assertRejected(withPrefill, 400, "prefill");
      assertThat(withPrefill.json().at("/errors/prefill/0").asText()).contains("EDIT_CONNECTION");
    }
  }

  @Test
  void theListIsNewestFirstAndPagesByAHundred() {
    String company = fixtures.company(key, "Many Invitations");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      Response r = server.postJson("/v2.2/invitation/company/" + company, key, "{}");
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      ids.add(r.json().path("id").asText());
    }
    JsonNode first = server.get("/v2.2/invitation/company/" + company, key).json();
    JsonNode second = server.get("/v2.2/invitation/company/" + company + "?page=2", key).json();
    JsonNode past = server.get("/v2.2/invitation/company/" + company + "?page=9", key).json();
    assertThat(first.path("totalInvitations").asInt()).isEqualTo(101);
    assertThat(first.path("totalPages").asInt()).isEqualTo(2);
    assertThat(first.path("hasNext").asBoolean()).isTrue();
    assertThat(past).as("a page past the end is the last page").isEqualTo(second);
    List<String> listed = new ArrayList<>(texts(first.path("invitations"), "id"));
    listed.addAll(texts(second.path("invitations"), "id"));
    List<String> newestFirst = new ArrayList<>(ids);
    java.util.Collections.reverse(newestFirst);
    assertThat(listed).isEqualTo(newestFirst);
    assertRejected(server.get("/v2.2/invitation/company/" + company + "?page=0", key), 400, "page");
    assertRejected(server.get("/v2.2/invitation/company/" + company + "?page=x", key), 400, "page");
  }

  @Test
  void anInvitationExpiresWithTheClockAndRevokedBeatsExpired() {
    Response created = create("/v2.2", "{\"expiresInSeconds\": 60}");
    String id = created.json().path("id").asText();
    assertThat(status(id)).isEqualTo("ACTIVE");
    server.clock().advance(Duration.ofSeconds(61));
    assertThat(status(id)).isEqualTo("EXPIRED");
    assertThat(server.server().invitations().findByToken(created.json().path("token").asText()).orElseThrow()
        .status()).isEqualTo(InvitationStatus.EXPIRED);
    server.postJson("/v2.2/invitation/" + id + "/revoke", key, "{}");
    assertThat(status(id)).isEqualTo("REVOKED");
  }

  @Test
  void statusesFollowTheirPrecedence() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Instant past = now.minusSeconds(1);
    assertThat(InvitationStatus.of(null, null, 5, null, now)).isEqualTo(InvitationStatus.ACTIVE);
    assertThat(InvitationStatus.of(null, null, 0, past, now)).isEqualTo(InvitationStatus.EXPIRED);
    assertThat(InvitationStatus.of(null, null, 0, now, now)).as("expiresAt itself is expired")
        .isEqualTo(InvitationStatus.EXPIRED);
    assertThat(InvitationStatus.of(null, 2, 2, past, now)).isEqualTo(InvitationStatus.FULFILLED);
    assertThat(InvitationStatus.of(past, 2, 2, past, now)).isEqualTo(InvitationStatus.REVOKED);
    assertThat(InvitationStatus.of(null, 2, 1, null, now)).isEqualTo(InvitationStatus.ACTIVE);
  }

  @Test
  void sendEmailWithoutAnSmtpServerSaysSoForEachAddressAndInTheEventLog() {
    Response created = create("/v2.2", "{\"allowedEmails\": [\"a@example.com\", \"b@example.com\"], \"sendEmail\": true}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode deliveries = created.json().path("emailDelivery");
    assertThat(texts(deliveries, "email")).containsExactly("a@example.com", "b@example.com");
    assertThat(texts(deliveries, "status")).containsOnly("NOT_CONFIGURED");
    assertThat(deliveries.get(0).path("detail").asText()).contains("NECTAR_SMTP_URL");
    JsonNode detail = server.get("/v2.2/invitation/" + created.json().path("id").asText(), key).json();
    assertThat(eventTypes(detail)).containsExactly("CREATED", "EMAIL_FAILED", "EMAIL_FAILED");
    assertThat(detail.at("/events/1/email").asText()).isEqualTo("a@example.com");
    assertThat(detail.at("/events/1/metadata/status").asText()).isEqualTo("NOT_CONFIGURED");
  }

  static String status(String id) {
    return server.get("/v2.2/invitation/" + id, key).json().path("status").asText();
  }

  static List<String> eventTypes(JsonNode invitation) {
    return texts(invitation.path("events"), "eventType");
  }

  static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.path(field).asText()));
    return values;
  }
}

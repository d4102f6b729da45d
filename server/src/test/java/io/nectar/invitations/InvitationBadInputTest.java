package io.nectar.invitations;

import static io.nectar.testing.Fixtures.assertForbidden;
import static io.nectar.testing.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenancy and bad input on every invitation and magic-link route: another organization's or
 * environment's objects are 403 whatever the body, unknown ones 404, and every malformed body a 400
 * naming its field.
 */
class InvitationBadInputTest {
  static TestServer server;
  static Fixtures fixtures;
  static TestServer.Tenant owner;
  static TestServer.Tenant otherOrganization;
  static TestServer.Tenant production;
  static String companyId;
  static String siteId;
  static String connectionId;
  static String invitationId;
  static String foreignSiteId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    owner = server.tenant("Owner Org", Environment.SANDBOX);
    otherOrganization = server.tenant("Intruder Org", Environment.SANDBOX);
    production = server.tenant("Owner Org", Environment.PRODUCTION);
    companyId = fixtures.company(owner.key(), "Owned");
    siteId = fixtures.site(owner.key(), companyId, "Owned site");
    connectionId = fixtures.sandboxConnection(owner.key(), companyId, List.of(siteId), 1, "");
    Response invitation = server.postJson("/v2.2/invitation/company/" + companyId, owner.key(), "{}");
    invitationId = invitation.json().path("id").asText();
    String otherCompany = fixtures.company(otherOrganization.key(), "Theirs");
    foreignSiteId = fixtures.site(otherOrganization.key(), otherCompany, "Their site");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  record Route(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}");
    }
  }

  static List<Route> routes(String company, String connection, String invitation) {
    String invalid = "{\"maxUses\": \"many\", \"bogus\": 1}";
    return List.of(
        new Route("POST", "/invitation/company/" + company, invalid),
        new Route("GET", "/invitation/company/" + company, null),
        new Route("POST", "/invitation/connection/" + connection, invalid),
        new Route("GET", "/invitation/" + invitation, null),
        new Route("POST", "/invitation/" + invitation + "/revoke", "{\"bogus\": 1}"),
        new Route("GET", "/connection/company/" + company + "/link", null),
        new Route("POST", "/connection/company/" + company + "/link", "{\"sites\": 5}"),
        new Route("POST", "/company/" + company + "/connection/link", "{\"sites\": 5}"),
        new Route("GET", "/connection/" + connection, null),
        new Route("POST", "/connection/" + connection, "{\"bogus\": 1}"));
  }

  static Stream<Arguments> intrusions() {
    List<Arguments> all = new ArrayList<>();
    for (String who : List.of("another organization", "the other environment")) {
      for (String prefix : Fixtures.PREFIXES) {
        for (Route route : routes(companyId, connectionId, invitationId)) {
          all.add(Arguments.of(who, prefix, route));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: {1} {2} is 403")
  @MethodSource("intrusions")
  void anotherTenantIsForbiddenOnEveryRouteWhateverTheBody(String who, String prefix, Route route) {
    String key = who.startsWith("another") ? otherOrganization.key() : production.key();
    Response response = server.send(route.method(), prefix + route.path(), key,
        route.body() == null ? null : TestServer.JSON, route.body(), Map.of());
    assertForbidden(response);
    assertThat(response.body()).doesNotContain("Owned");
  }

  @Test
  void theIntrusionsChangedNothing() {
    Response invitation = server.get("/v2.2/invitation/" + invitationId, owner.key());
    assertThat(invitation.json().path("status").asText()).isEqualTo("ACTIVE");
    assertThat(server.get("/v2.2/invitation/company/" + companyId, owner.key()).json().path("totalInvitations")
        .asInt()).isEqualTo(1);
  }

  @Test
  void unknownAndMalformedIdsAre404OnEveryRoute() {
    String unknown = UUID.randomUUID().toString();
    for (String id : List.of(unknown, "not-a-uuid", "1")) {
      for (Route route : routes(id, id, id)) {
        Response response = server.send(route.method(), "/v2.2" + route.path(), owner.key(),
            route.body() == null ? null : TestServer.JSON, route.body(), Map.of());
        assertThat(response.status()).as(route + " " + response).isEqualTo(404);
        assertThat(response.detail()).endsWith("not found.");
      }
    }
  }

  static Stream<Arguments> badCreateBodies() {
    String hundredAndOne = IntStream.range(0, 101).mapToObj(i -> "\"u" + i + "@example.com\"")
        .collect(Collectors.joining(",", "[", "]"));
    return Stream.of(
        Arguments.of("{\"allowedEmails\": \"a@example.com,b@example.com\"}", "allowedEmails"),
        Arguments.of("{\"allowedEmails\": [\"not-an-address\"]}", "allowedEmails"),
        Arguments.of("{\"allowedEmails\": [5]}", "allowedEmails"),
        Arguments.of("{\"allowedEmails\": [\"a@example.com\\u0000\"]}", "allowedEmails"),
        Arguments.of("{\"allowedEmails\": [\"<script>@example.com\"]}", "allowedEmails"),
        Arguments.of("{\"allowedEmails\": null}", "allowedEmails"),
        Arguments.of("{\"allowedEmails\": " + hundredAndOne + "}", "allowedEmails"),
        Arguments.of("{\"expiresInSeconds\": 59}", "expiresInSeconds"),
        Arguments.of("{\"expiresInSeconds\": 31536001}", "expiresInSeconds"),
        Arguments.of("{\"expiresInSeconds\": 3600.5}", "expiresInSeconds"),
        Arguments.of("{\"expiresInSeconds\": \"soon\"}", "expiresInSeconds"),
        Arguments.of("{\"expiresInSeconds\": true}", "expiresInSeconds"),
        Arguments.of("{\"expiresInSeconds\": 1e999999999}", "expiresInSeconds"),
        Arguments.of("{\"maxUses\": 0}", "maxUses"),
        Arguments.of("{\"maxUses\": -1}", "maxUses"),
        Arguments.of("{\"maxUses\": 2147483648}", "maxUses"),
        Arguments.of("{\"maxUses\": [1]}", "maxUses"),
        Arguments.of("{\"sendEmail\": \"yes\"}", "sendEmail"),
        Arguments.of("{\"sendEmail\": true}", "allowedEmails"),
        Arguments.of("{\"sendEmail\": true, \"allowedEmails\": []}", "allowedEmails"),
        Arguments.of("{\"prefill\": \"https://nectarclimate.com\"}", "prefill"),
        Arguments.of("{\"prefill\": [1]}", "prefill"),
        Arguments.of("{\"prefill\": {\"bogus\": 1}}", "prefill.bogus"),
        Arguments.of("{\"prefill\": {\"url\": \"not a url\"}}", "prefill.url"),
        Arguments.of("{\"prefill\": {\"url\": 5}}", "prefill.url"),
        Arguments.of("{\"prefill\": {\"url\": \"https://a.example.com\", \"datasourceId\": \"https://b.example.com\"}}",
            "prefill.datasourceId"),
        Arguments.of("{\"prefill\": {\"initialSites\": [\"not-a-uuid\"]}}", "prefill.initialSites"),
        Arguments.of("{\"prefill\": {\"initialSites\": \"" + UUID.randomUUID() + "\"}}", "prefill.initialSites"),
        Arguments.of("{\"prefill\": {\"initialSites\": [\"" + UUID.randomUUID() + "\"]}}", "prefill.initialSites"),
        Arguments.of("{\"prefill\": {\"utilityTypes\": [\"STEAM\"]}}", "prefill.utilityTypes"),
        Arguments.of("{\"prefill\": {\"utilityTypes\": \"GAS\"}}", "prefill.utilityTypes"),
        Arguments.of("{\"prefill\": {\"country\": \"USA\"}}", "prefill.country"),
        Arguments.of("{\"prefill\": {\"country\": \"1\\n\"}}", "prefill.country"),
        Arguments.of("{\"prefill\": {\"connectionOwnerEmail\": \"nobody\"}}", "prefill.connectionOwnerEmail"),
        Arguments.of("{\"prefill\": {\"dataCollectionStartDate\": \"2024-02-30\"}}", "prefill.dataCollectionStartDate"),
        Arguments.of("{\"prefill\": {\"dataCollectionStartDate\": \"1999-12-31\"}}", "prefill.dataCollectionStartDate"),
        Arguments.of("{\"prefill\": {\"dataCollectionStartDate\": \"2999-01-01\"}}", "prefill.dataCollectionStartDate"),
        Arguments.of("{\"token\": \"mine\"}", "token"),
        Arguments.of("{\"invitationType\": \"EDIT_CONNECTION\"}", "invitationType"));
  }

  @ParameterizedTest(name = "{0} is refused on {1}")
  @MethodSource("badCreateBodies")
  void aBadCreateBodyIsA400NamingItsFieldAndCreatesNothing(String body, String field) {
    long before = fixtures.count("select count(*) from invitation");
    Response response = server.postJson("/v2.2/invitation/company/" + companyId, owner.key(), body);
    assertRejected(response, 400, field);
    assertThat(fixtures.count("select count(*) from invitation")).isEqualTo(before);
  }

  @Test
  void aSiteOfAnotherCompanyCannotBePrefilled() {
    Response response = server.postJson("/v2.2/invitation/company/" + companyId, owner.key(),
        "{\"prefill\": {\"initialSites\": [\"" + foreignSiteId + "\"]}}");
    assertRejected(response, 400, "prefill.initialSites");
    assertThat(response.body()).doesNotContain("Their site");
  }

  @Test
  void bodiesThatAreNotJsonObjectsAre400Or415() {
    String path = "/v2.2/invitation/company/" + companyId;
    assertRejected(server.postJson(path, owner.key(), ""), 400, null);
    assertRejected(server.postJson(path, owner.key(), "[]"), 400, null);
    assertRejected(server.postJson(path, owner.key(), "{\"maxUses\": 1"), 400, null);
    Response text = server.send("POST", path, owner.key(), "text/plain", "maxUses=1", Map.of());
    assertRejected(text, 415, null);
  }

  @Test
  void aReconnectInvitationRefusesABadBodyToo() {
    String path = "/v2.2/invitation/connection/" + connectionId;
    assertRejected(server.postJson(path, owner.key(), "{\"prefill\": {\"country\": \"US\"}}"), 400, "prefill");
    assertRejected(server.postJson(path, owner.key(), "{\"maxUses\": 0}"), 400, "maxUses");
    assertRejected(server.postJson(path, owner.key(), "{\"bogus\": true}"), 400, "bogus");
  }

  @Test
  void theMagicLinkBodiesAreCheckedLikeAPrefill() {
    for (String path : List.of("/v2.2/connection/company/" + companyId + "/link",
        "/v2.2/company/" + companyId + "/connection/link")) {
      assertRejected(server.postJson(path, owner.key(), "{\"sites\": [\"" + foreignSiteId + "\"]}"), 400, "sites");
      assertRejected(server.postJson(path, owner.key(), "{\"sites\": [\"nope\"]}"), 400, "sites");
      assertRejected(server.postJson(path, owner.key(), "{\"url\": \"javascript:alert(1)\"}"), 400, "url");
      assertRejected(server.postJson(path, owner.key(), "{\"dataCollectionStartDate\": \"1999-12-31\"}"), 400,
          "dataCollectionStartDate");
      assertRejected(server.postJson(path, owner.key(), "{\"initialSites\": []}"), 400, "initialSites");
    }
    assertRejected(server.postJson("/v2.2/connection/" + connectionId, owner.key(), "{\"bogus\": 1}"), 400, "bogus");
  }
}

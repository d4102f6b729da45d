package io.nectar.connections;

import static io.nectar.testing.Fixtures.PASSWORD;
import static io.nectar.testing.Fixtures.assertForbidden;
import static io.nectar.testing.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to {@code POST /connection/company/{id}} (CONTRACT §3): a 400 whose {@code errors}
 * name the field, and no connection created; malformed ids 404; and another tenant gets 403 on
 * the connection routes and on every route added with them (accounts, meters, intervals, sandbox
 * bills), whatever it sends.
 */
class ConnectionBadInputTest {
  static TestServer server;
  static Fixtures fixtures;
  static TestServer.Tenant owner;
  static TestServer.Tenant otherOrganization;
  static TestServer.Tenant productionOfSameOrganization;

  /** Never gets a connection: every bad create is checked against it. */
  static String targetCompany;
  static String targetSite;

  /** Holds one collected connection, the object of the tenancy checks. */
  static String victimCompany;
  static String victimSite;
  static String victimConnection;
  static String victimAccount;
  static String victimMeter;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    owner = server.tenant("Owner Org", Environment.SANDBOX);
    otherOrganization = server.tenant("Intruder Org", Environment.SANDBOX);
    productionOfSameOrganization = server.tenant("Owner Org", Environment.PRODUCTION);

    targetCompany = fixtures.company(owner.key(), "Target");
    targetSite = fixtures.site(owner.key(), targetCompany, "Target site");

    victimCompany = fixtures.company(owner.key(), "Victim");
    victimSite = fixtures.site(owner.key(), victimCompany, "Victim site");
    victimConnection = fixtures.sandboxConnection(owner.key(), victimCompany, List.of(victimSite), 1,
        ", \"workflowOwnerEmail\": \"victim@example.com\"");
    JsonNode account = fixtures.collectedDetails(owner.key(), victimConnection).get("accounts").get(0);
    victimAccount = account.get("id").asText();
    victimMeter = account.get("meters").get(0).asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ObjectNode validBody() {
    ObjectNode body = Json.object();
    body.put("url", Fixtures.SANDBOX_URL);
    body.put("username", Fixtures.USERNAME);
    body.put("password", PASSWORD);
    body.putArray("sites").add(targetSite);
    body.put("country", "US");
    return body;
  }

  private static long connections(String companyId) {
    return fixtures.count("connection", "company_id", companyId);
  }

  /** A bad body: what it does to the valid one, and the field the 400 must name. */
  record BadBody(String label, String field, String json) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static BadBody without(String field) {
    ObjectNode body = validBody();
    body.remove(field);
    return new BadBody("missing " + field, field, body.toString());
  }

  /** The valid body with {@code field} set to the JSON {@code value}. */
  private static BadBody with(String field, String value, String namedField) {
    ObjectNode body = validBody();
    try {
      body.set(field, Json.MAPPER.readTree(value));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(value, e);
    }
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return new BadBody(field + " = " + shown, namedField, body.toString());
  }

  private static BadBody with(String field, String value) {
    return with(field, value, field);
  }

  private static String quoted(String text) {
    return Json.MAPPER.valueToTree(text).toString();
  }

  static Stream<BadBody> badBodies() {
    List<BadBody> cases = new ArrayList<>();
    for (String field : List.of("url", "username", "password", "sites", "country")) {
      cases.add(without(field));
      cases.add(with(field, "null"));
    }
    // wrong types
    cases.add(with("url", "5"));
    cases.add(with("url", "[\"https://nectarclimate.com\"]"));
    cases.add(with("username", "true"));
    cases.add(with("username", "{}"));
    cases.add(with("password", "123"));
    cases.add(with("password", "[\"nectar-sandbox-password\"]"));
    cases.add(with("sites", quoted(UUID.randomUUID().toString())));
    cases.add(with("sites", "[1]"));
    cases.add(with("sites", "{}"));
    cases.add(with("country", "1"));
    cases.add(with("country", "[\"US\"]"));
    cases.add(with("datasourceTypes", "\"ELECTRICITY\""));
    cases.add(with("datasourceTypes", "[1]"));
    cases.add(with("dataCollectionStartDate", "20240101"));
    cases.add(with("dataCollectionStartDate", "\"2024-02-30\""));
    cases.add(with("dataCollectionStartDate", "\"01/02/2024\""));
    cases.add(with("multiplyByOccupancy", "\"yes\""));
    cases.add(with("multiplyByOccupancy", "null"));
    cases.add(with("workflowOwnerEmail", "5"));
    cases.add(with("externalId", "5"));
    cases.add(with("externalId", "[]"));
    // unknown fields
    cases.add(with("foo", "1"));
    cases.add(with("status", "\"CONNECTED\""));
    cases.add(with("id", quoted(UUID.randomUUID().toString())));
    cases.add(with("accounts", "[]"));
    cases.add(with("company", "{}"));
    // invalid urls
    for (String url : List.of("not a url", "ftp://nectarclimate.com", "https://", "nectarclimate", "   ",
        "javascript:alert(1)", "https://nectar climate.com",
        // "://" after the host makes a relative reference with no scheme: once a 500
        "nectarclimate.com/?next=https://x", "a./https://nectarclimate.com")) {
      cases.add(with("url", quoted(url)));
    }
    // invalid countries
    for (String country : List.of("USA", "1", "", "U$", "U1")) {
      cases.add(with("country", quoted(country)));
    }
    // unknown datasource types, under each name the body may use
    cases.add(with("datasourceTypes", "[\"STEAM\"]"));
    cases.add(with("datasourceTypes", "[\"ELECTRICITY\", \"NOPE\"]"));
    cases.add(with("utilityTypes", "[\"SEWER\"]"));
    cases.add(with("initialDatasourceTypes", "[\"HOT_WATER\"]"));
    // malformed or foreign sites
    for (String site : List.of("not-a-uuid", "12345", "", "0e984725-c51c-4bf4-9960-e1c80e27aba",
        "0e984725c51c4bf49960e1c80e27aba0", UUID.randomUUID().toString())) {
      cases.add(with("sites", "[" + quoted(site) + "]"));
    }
    cases.add(with("sites", "[]"));
    cases.add(with("sites", "[" + quoted(UUID.randomUUID().toString()) + ", " + quoted("x") + "]"));
    // invalid owner e-mails
    for (String email : List.of("not-an-email", "a@b", "a b@example.com", "@example.com", "")) {
      cases.add(with("workflowOwnerEmail", quoted(email)));
      cases.add(with("connectionOwnerEmail", quoted(email)));
    }
    // oversized strings and lists
    cases.add(with("url", quoted("https://nectarclimate.com/" + "a".repeat(500))));
    cases.add(with("username", quoted("u".repeat(256))));
    cases.add(with("password", quoted("p".repeat(501))));
    cases.add(with("password", quoted("   ")));
    cases.add(with("externalId", quoted("e".repeat(256))));
    cases.add(with("workflowOwnerEmail", quoted("a".repeat(250) + "@example.com")));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(quoted(UUID.randomUUID().toString()));
    }
    cases.add(with("sites", "[" + String.join(", ", many) + "]"));
    cases.add(with("sites", "[" + quoted(targetSite + "0") + "]"));
    cases.add(with("datasourceTypes", "[" + "\"ELECTRICITY\", ".repeat(11) + "\"GAS\"]"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void aBadCreateBodyIsA400NamingTheFieldAndCreatesNothing(BadBody bad) {
    for (String path : List.of("/v2.2/connection/company/" + targetCompany, "/v2/company/" + targetCompany
        + "/connection")) {
      Response response = server.postJson(path, owner.key(), bad.json());

      assertRejected(response, 400, bad.field());
      assertThat(response.body()).doesNotContain(PASSWORD);
    }
    assertThat(connections(targetCompany)).isZero();
  }

  @Test
  void anEmptyObjectNamesEveryRequiredField() {
    Response response = server.postJson("/v2.2/connection/company/" + targetCompany, owner.key(), "{}");

    assertRejected(response, 400, "url");
    JsonNode errors = response.json().get("errors");
    for (String field : List.of("url", "username", "password", "sites", "country")) {
      assertThat(errors.has(field)).as(field).isTrue();
      assertThat(errors.get(field).get(0).asText()).isEqualTo("This field is required.");
    }
    assertThat(connections(targetCompany)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"text\"", "42", "null", "not json", "{\"url\": "})
  void aBodyThatIsNotAJsonObjectIsA400(String body) {
    assertRejected(server.postJson("/v2.2/connection/company/" + targetCompany, owner.key(), body), 400, null);
    assertThat(connections(targetCompany)).isZero();
  }

  @Test
  void theValidBodyItselfIsAccepted() {
    String company = fixtures.company(owner.key(), "Control");
    String site = fixtures.site(owner.key(), company, "Control site");
    ObjectNode body = validBody();
    body.putArray("sites").add(site);
    body.put("dataCollectionStartDate", Fixtures.monthsAgo(1).toString());
    body.put("workflowOwnerEmail", "owner@example.com");
    body.putArray("datasourceTypes").add("WATER");

    Response response = server.postJson("/v2.2/connection/company/" + company, owner.key(), body.toString());

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(connections(company)).isEqualTo(1);
  }

  // ---------------------------------------------------------------- company ids

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "1", "0e984725-c51c-4bf4-9960-e1c80e27aba"})
  void aMalformedCompanyIdIsA404WhateverTheBody(String id) {
    long before = fixtures.count("select count(*) from connection");
    for (String body : List.of(validBody().toString(), "{}", "{\"bogus\": 1}")) {
      for (String path : List.of("/v2.2/connection/company/" + id, "/v2.2/company/" + id + "/connection")) {
        Response response = server.postJson(path, owner.key(), body);
        assertRejected(response, 404, null);
        assertThat(response.detail()).isEqualTo("Company not found.");
      }
    }
    assertThat(fixtures.count("select count(*) from connection")).isEqualTo(before);
  }

  @Test
  void anUnknownCompanyIsA404() {
    String unknown = UUID.randomUUID().toString();

    assertRejected(server.postJson("/v2.2/connection/company/" + unknown, owner.key(), validBody().toString()), 404,
        null);
    assertRejected(server.get("/v2.2/connection/company/" + unknown, owner.key()), 404, null);
  }

  @Test
  void aMalformedOrUnknownConnectionIdIsA404() {
    for (String id : List.of("not-a-uuid", "1", UUID.randomUUID().toString())) {
      Response response = server.get("/v2.2/connection/" + id + "/details", owner.key());
      assertRejected(response, 404, null);
      assertThat(response.detail()).isEqualTo("Connection not found.");
    }
  }

  // ---------------------------------------------------------------- tenancy

  static Stream<Arguments> intruders() {
    return Stream.of(Arguments.of("another organization"), Arguments.of("a PRODUCTION key of the same organization"));
  }

  private static TestServer.Tenant intruder(String which) {
    return which.startsWith("another") ? otherOrganization : productionOfSameOrganization;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("intruders")
  void anotherTenantCannotCreateAConnectionInTheCompanyWhateverItSends(String which) {
    ObjectNode valid = validBody();
    valid.putArray("sites").add(victimSite);
    long before = connections(victimCompany);

    for (String body : List.of(valid.toString(), "{}", "{\"bogus\": 1}", "{\"url\": 5, \"sites\": \"x\"}")) {
      for (String prefix : Fixtures.PREFIXES) {
        for (String path : List.of("/connection/company/" + victimCompany, "/company/" + victimCompany
            + "/connection")) {
          Response response = server.postJson(prefix + path, intruder(which).key(), body);
          assertForbidden(response);
          assertThat(response.body()).doesNotContain("Victim");
        }
      }
    }
    assertThat(connections(victimCompany)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("intruders")
  void anotherTenantCannotReadAConnectionsDetails(String which) {
    for (String prefix : Fixtures.PREFIXES) {
      Response response = server.get(prefix + "/connection/" + victimConnection + "/details", intruder(which).key());

      assertForbidden(response);
      assertThat(response.body()).doesNotContain("victim@example.com", Fixtures.USERNAME, "Victim", victimSite);
    }
  }

  record Route(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path.replace(victimCompany, "{company}").replace(victimConnection, "{connection}")
          .replace(victimAccount, "{account}").replace(victimMeter, "{meter}").replace(victimSite, "{site}");
    }
  }

  private static List<Route> newRoutes() {
    String tracked = "{\"isTracked\": false}";
    String bulk = "{\"accounts\": [\"" + victimAccount + "\"], \"isTracked\": false}";
    return List.of(
        new Route("GET", "/connection/company/" + victimCompany, null),
        new Route("GET", "/company/" + victimCompany + "/connection", null),
        new Route("GET", "/connection/company/" + victimCompany + "?status=CONNECTED&limit=5", null),
        new Route("POST", "/connection/company/" + victimCompany, validBody().toString()),
        new Route("POST", "/company/" + victimCompany + "/connection", validBody().toString()),
        new Route("GET", "/connection/" + victimConnection + "/details", null),
        new Route("PATCH", "/account/" + victimAccount, tracked),
        new Route("PATCH", "/account/company/" + victimCompany, bulk),
        new Route("PATCH", "/company/" + victimCompany + "/account", bulk),
        new Route("GET", "/meter/" + victimMeter, null),
        new Route("GET", "/meter/company/" + victimCompany, null),
        new Route("GET", "/company/" + victimCompany + "/meter", null),
        new Route("GET", "/meter/site/" + victimSite, null),
        new Route("GET", "/meter/connection/" + victimConnection, null),
        new Route("GET", "/interval/connection/" + victimConnection, null),
        new Route("GET", "/interval/connection/" + victimConnection + "?datasourceType=ELECTRICITY", null),
        new Route("POST", "/sandbox/connection/" + victimConnection + "/bill", null));
  }

  static Stream<Arguments> intrusions() {
    List<Arguments> arguments = new ArrayList<>();
    for (Arguments who : intruders().toList()) {
      for (String prefix : Fixtures.PREFIXES) {
        for (Route route : newRoutes()) {
          arguments.add(Arguments.of(who.get()[0], prefix, route));
        }
      }
    }
    return arguments.stream();
  }

  /** What the owner has, to compare before and after an intrusion. */
  private static String ownersState() {
    return server.get("/v2.2/connection/" + victimConnection + "/details", owner.key()).body()
        + fixtures.count("connection", "company_id", victimCompany)
        + "/" + fixtures.count("document", "connection_id", victimConnection)
        + "/" + server.get("/v2.2/meter/" + victimMeter, owner.key()).body();
  }

  @ParameterizedTest(name = "{0}: {1} {2} is 403")
  @MethodSource("intrusions")
  void anotherTenantIsForbiddenOnEveryConnectionAccountMeterIntervalAndBillRoute(String which, String prefix,
      Route route) {
    String before = ownersState();

    Response response = server.send(route.method(), prefix + route.path(), intruder(which).key(),
        route.body() == null ? null : TestServer.JSON, route.body(), Map.of());

    assertForbidden(response);
    assertThat(response.body()).doesNotContain("Victim", "victim@example.com", victimSite);
    assertThat(ownersState()).isEqualTo(before);
  }

  @Test
  void theOwnerStillReachesEveryRoute() {
    for (Route route : newRoutes()) {
      if (route.method().equals("POST") && !route.path().startsWith("/sandbox")) {
        continue; // creating is covered above; every other route must answer the owner
      }
      Response response = server.send(route.method(), "/v2.2" + route.path(), owner.key(),
          route.body() == null ? null : TestServer.JSON, route.body(), Map.of());
      assertThat(response.status()).as(route + " " + response).isBetween(200, 201);
    }
  }
}

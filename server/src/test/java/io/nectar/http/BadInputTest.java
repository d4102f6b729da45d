package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Multipart;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.nio.charset.StandardCharsets;
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
 * Bad input on every write endpoint and every id route (CONTRACT §3): always a 4xx with a JSON
 * {@code detail} (and {@code errors} naming the field when a field is at fault), never a 500, and
 * never anything written.
 */
class BadInputTest {
  private static final List<String> PREFIXES = List.of("/v2", "/v2.1", "/v2.2");
  private static final int SMALL_LIMIT = 2048;

  static TestServer server;
  static String key;
  static String companyId;
  static String siteId;

  /** A server that accepts bodies of at most {@link #SMALL_LIMIT} bytes. */
  static TestServer small;
  static String smallKey;
  static String smallCompanyId;
  static String smallSiteId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    key = server.tenant("Bad Input Org", Environment.SANDBOX).key();
    companyId = createCompany(server, key, "{\"name\": \"Target\", \"externalId\": \"t-1\", \"users\": [\"a@example.com\"]}");
    siteId = createSite(server, key, companyId);

    small = TestServer.start(Map.of("NECTAR_MAX_BODY_BYTES", Integer.toString(SMALL_LIMIT)));
    smallKey = small.tenant("Small Body Org", Environment.SANDBOX).key();
    smallCompanyId = createCompany(small, smallKey, "{\"name\": \"Small target\"}");
    smallSiteId = createSite(small, smallKey, smallCompanyId);
  }

  @AfterAll
  static void stop() {
    small.close();
    server.close();
  }

  private static String createCompany(TestServer on, String apiKey, String json) {
    Response response = on.postJson("/v2.2/company", apiKey, json);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private static String createSite(TestServer on, String apiKey, String company) {
    Response response = on.postJson("/v2.2/site/company/" + company, apiKey,
        "{\"name\": \"Target site\", \"path\": [\"US\"], \"occupancyPercent\": \"40\"}");
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  /** Everything the tenant can see: its companies with their embedded sites. */
  private static JsonNode state(TestServer on, String apiKey) {
    Response list = on.get("/v2.2/company", apiKey);
    assertThat(list.status()).isEqualTo(200);
    return list.json();
  }

  /** A 4xx with a JSON detail; with {@code field}, a validation error naming it. */
  private static void assertRejected(Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
    JsonNode json = response.json();
    assertThat(json.isObject()).as(response.toString()).isTrue();
    assertThat(json.path("detail").isTextual()).as(response.toString()).isTrue();
    assertThat(json.get("detail").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception", "at io.", "at org.", "<html");
    if (field != null) {
      JsonNode errors = json.path("errors");
      assertThat(errors.isObject()).as(response.toString()).isTrue();
      assertThat(errors.has(field)).as("errors names %s in %s", field, response).isTrue();
      assertThat(errors.get(field).isArray()).isTrue();
      assertThat(errors.get(field)).isNotEmpty();
      errors.get(field).forEach(message -> {
        assertThat(message.isTextual()).isTrue();
        assertThat(message.asText()).isNotBlank();
      });
    }
  }

  // ---------------------------------------------------------------- the write endpoints

  enum Kind { COMPANY, SITE }

  /** A write endpoint; {@code creating} endpoints require a name. */
  record Endpoint(String label, String method, String template, Kind kind, boolean creating) {
    String path(String company, String site) {
      return template.replace("{companyId}", company).replace("{siteId}", site);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  static final Endpoint POST_COMPANY = new Endpoint("POST /company", "POST", "/company", Kind.COMPANY, true);
  static final Endpoint PATCH_COMPANY =
      new Endpoint("PATCH /company/{id}", "PATCH", "/company/{companyId}", Kind.COMPANY, false);
  static final Endpoint POST_SITE =
      new Endpoint("POST /site/company/{id}", "POST", "/site/company/{companyId}", Kind.SITE, true);
  static final Endpoint POST_SITE_ALIAS =
      new Endpoint("POST /company/{id}/site", "POST", "/company/{companyId}/site", Kind.SITE, true);
  static final Endpoint PATCH_SITE = new Endpoint("PATCH /site/{id}", "PATCH", "/site/{siteId}", Kind.SITE, false);
  static final List<Endpoint> WRITE_ENDPOINTS =
      List.of(POST_COMPANY, PATCH_COMPANY, POST_SITE, POST_SITE_ALIAS, PATCH_SITE);

  /** A bad JSON body and the field its error must name (null: a body-level error). */
  record Case(String description, String json, String field) {
    @Override
    public String toString() {
      return description;
    }
  }

  private static final String NAME_201 = "n".repeat(201);
  private static final String NAME_256 = "s".repeat(256);

  private static List<Case> companyCases(boolean creating) {
    List<Case> cases = new ArrayList<>();
    if (creating) {
      cases.add(new Case("missing name", "{}", "name"));
      cases.add(new Case("missing name with other fields", "{\"externalId\": \"x\", \"isDemandEnabled\": true}", "name"));
    }
    cases.addAll(List.of(
        new Case("unknown field", "{\"name\": \"Ok\", \"colour\": \"blue\"}", "colour"),
        new Case("read-only field id", "{\"name\": \"Ok\", \"id\": \"" + UUID.randomUUID() + "\"}", "id"),
        new Case("read-only field sites", "{\"name\": \"Ok\", \"sites\": []}", "sites"),
        new Case("field name in the wrong case", "{\"name\": \"Ok\", \"ExternalId\": \"x\"}", "ExternalId"),
        new Case("number for name", "{\"name\": 42}", "name"),
        new Case("boolean for name", "{\"name\": true}", "name"),
        new Case("object for name", "{\"name\": {\"first\": \"A\"}}", "name"),
        new Case("list for name", "{\"name\": [\"A\"]}", "name"),
        new Case("null name", "{\"name\": null}", "name"),
        new Case("empty name", "{\"name\": \"\"}", "name"),
        new Case("blank name", "{\"name\": \"   \\t \"}", "name"),
        new Case("201-character name", "{\"name\": \"" + NAME_201 + "\"}", "name"),
        new Case("NUL in name", "{\"name\": \"Ac\\u0000me\"}", "name"),
        new Case("NUL in externalId", "{\"name\": \"Ok\", \"externalId\": \"x\\u0000\"}", "externalId"),
        new Case("number for externalId", "{\"name\": \"Ok\", \"externalId\": 17}", "externalId"),
        new Case("256-character externalId", "{\"name\": \"Ok\", \"externalId\": \"" + NAME_256 + "\"}", "externalId"),
        new Case("string for boolean", "{\"name\": \"Ok\", \"isDemandEnabled\": \"true\"}", "isDemandEnabled"),
        new Case("number for boolean", "{\"name\": \"Ok\", \"isLowAccuracyModeEnabled\": 1}", "isLowAccuracyModeEnabled"),
        new Case("null for boolean", "{\"name\": \"Ok\", \"isImpliedMeteringEnabled\": null}", "isImpliedMeteringEnabled"),
        new Case("list for boolean", "{\"name\": \"Ok\", \"isBasicIdentifierMappingEnabled\": [true]}",
            "isBasicIdentifierMappingEnabled"),
        new Case("object for users", "{\"name\": \"Ok\", \"users\": {\"email\": \"a@example.com\"}}", "users"),
        new Case("string for users", "{\"name\": \"Ok\", \"users\": \"a@example.com\"}", "users"),
        new Case("null users", "{\"name\": \"Ok\", \"users\": null}", "users"),
        new Case("numbers in users", "{\"name\": \"Ok\", \"users\": [1, 2]}", "users"),
        new Case("objects in users", "{\"name\": \"Ok\", \"users\": [{\"email\": \"a@example.com\"}]}", "users"),
        new Case("null in users", "{\"name\": \"Ok\", \"users\": [\"a@example.com\", null]}", "users"),
        new Case("invalid e-mail", "{\"name\": \"Ok\", \"users\": [\"not-an-email\"]}", "users"),
        new Case("e-mail without domain dot", "{\"name\": \"Ok\", \"users\": [\"a@localhost\"]}", "users"),
        new Case("e-mail without local part", "{\"name\": \"Ok\", \"users\": [\"@example.com\"]}", "users"),
        new Case("e-mail with a space", "{\"name\": \"Ok\", \"users\": [\"a b@example.com\"]}", "users"),
        new Case("e-mail with two at signs", "{\"name\": \"Ok\", \"users\": [\"a@b@example.com\"]}", "users"),
        new Case("one bad e-mail among good ones",
            "{\"name\": \"Ok\", \"users\": [\"a@example.com\", \"b@\", \"c@example.com\"]}", "users"),
        new Case("empty e-mail", "{\"name\": \"Ok\", \"users\": [\"\"]}", "users"),
        new Case("NUL in e-mail", "{\"name\": \"Ok\", \"users\": [\"a\\u0000@example.com\"]}", "users"),
        new Case("impossible date", "{\"name\": \"Ok\", \"dataCollectionStartDate\": \"2023-02-30\"}",
            "dataCollectionStartDate"),
        new Case("month 13", "{\"name\": \"Ok\", \"dataCollectionStartDate\": \"2023-13-01\"}",
            "dataCollectionStartDate"),
        new Case("US-style date", "{\"name\": \"Ok\", \"dataCollectionStartDate\": \"01/02/2023\"}",
            "dataCollectionStartDate"),
        new Case("date without dashes", "{\"name\": \"Ok\", \"dataCollectionStartDate\": \"20230101\"}",
            "dataCollectionStartDate"),
        new Case("date with a time", "{\"name\": \"Ok\", \"dataCollectionStartDate\": \"2023-01-01T00:00:00Z\"}",
            "dataCollectionStartDate"),
        new Case("word for date", "{\"name\": \"Ok\", \"dataCollectionStartDate\": \"yesterday\"}",
            "dataCollectionStartDate"),
        new Case("empty date", "{\"name\": \"Ok\", \"dataCollectionStartDate\": \"\"}", "dataCollectionStartDate"),
        new Case("number for date", "{\"name\": \"Ok\", \"dataCollectionStartDate\": 20230101}",
            "dataCollectionStartDate"),
        new Case("null date", "{\"name\": \"Ok\", \"dataCollectionStartDate\": null}", "dataCollectionStartDate"),
        new Case("three decimal places", "{\"name\": \"Ok\", \"impliedMeteringFraction\": \"0.125\"}",
            "impliedMeteringFraction"),
        new Case("three decimal places as a number", "{\"name\": \"Ok\", \"impliedMeteringFraction\": 0.125}",
            "impliedMeteringFraction"),
        new Case("two whole digits", "{\"name\": \"Ok\", \"impliedMeteringFraction\": \"10\"}",
            "impliedMeteringFraction"),
        new Case("negative fraction", "{\"name\": \"Ok\", \"impliedMeteringFraction\": \"-0.5\"}",
            "impliedMeteringFraction"),
        new Case("non-numeric fraction", "{\"name\": \"Ok\", \"impliedMeteringFraction\": \"half\"}",
            "impliedMeteringFraction"),
        new Case("empty fraction", "{\"name\": \"Ok\", \"impliedMeteringFraction\": \"\"}", "impliedMeteringFraction"),
        new Case("exponent in a fraction string", "{\"name\": \"Ok\", \"impliedMeteringFraction\": \"5e-1\"}",
            "impliedMeteringFraction"),
        new Case("NaN fraction", "{\"name\": \"Ok\", \"impliedMeteringFraction\": \"NaN\"}", "impliedMeteringFraction"),
        new Case("boolean for fraction", "{\"name\": \"Ok\", \"impliedMeteringFraction\": true}",
            "impliedMeteringFraction"),
        new Case("null fraction", "{\"name\": \"Ok\", \"impliedMeteringFraction\": null}", "impliedMeteringFraction"),
        new Case("101 users", "{\"name\": \"Ok\", \"users\": [" + emails(101) + "]}", "users")));
    return cases;
  }

  private static String emails(int count) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < count; i++) {
      list.append(i == 0 ? "" : ", ").append("\"user").append(i).append("@example.com\"");
    }
    return list.toString();
  }

  private static String pathOf(int items, String item) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < items; i++) {
      list.append(i == 0 ? "" : ", ").append('"').append(item).append('"');
    }
    return "[" + list + "]";
  }

  private static List<Case> siteCases(boolean creating) {
    List<Case> cases = new ArrayList<>();
    if (creating) {
      cases.add(new Case("missing name", "{}", "name"));
      cases.add(new Case("missing name with other fields", "{\"address\": \"1 Main St\"}", "name"));
    }
    cases.addAll(List.of(
        new Case("unknown field", "{\"name\": \"Ok\", \"floorArea\": 1200}", "floorArea"),
        new Case("read-only field dataCollectionStopDate",
            "{\"name\": \"Ok\", \"dataCollectionStopDate\": \"2024-01-01\"}", "dataCollectionStopDate"),
        new Case("number for name", "{\"name\": 7}", "name"),
        new Case("null name", "{\"name\": null}", "name"),
        new Case("empty name", "{\"name\": \"\"}", "name"),
        new Case("blank name", "{\"name\": \"  \"}", "name"),
        new Case("256-character name", "{\"name\": \"" + NAME_256 + "\"}", "name"),
        new Case("NUL in name", "{\"name\": \"H\\u0000Q\"}", "name"),
        new Case("256-character address", "{\"name\": \"Ok\", \"address\": \"" + NAME_256 + "\"}", "address"),
        new Case("NUL in address", "{\"name\": \"Ok\", \"address\": \"1 Main\\u0000 St\"}", "address"),
        new Case("number for address", "{\"name\": \"Ok\", \"address\": 12}", "address"),
        new Case("256-character externalId", "{\"name\": \"Ok\", \"externalId\": \"" + NAME_256 + "\"}", "externalId"),
        new Case("NUL in externalId", "{\"name\": \"Ok\", \"externalId\": \"\\u0000\"}", "externalId"),
        new Case("object for path", "{\"name\": \"Ok\", \"path\": {\"country\": \"US\"}}", "path"),
        new Case("string for path", "{\"name\": \"Ok\", \"path\": \"US\"}", "path"),
        new Case("null path", "{\"name\": \"Ok\", \"path\": null}", "path"),
        new Case("numbers in path", "{\"name\": \"Ok\", \"path\": [1, 2]}", "path"),
        new Case("nested list in path", "{\"name\": \"Ok\", \"path\": [[\"US\"]]}", "path"),
        new Case("null in path", "{\"name\": \"Ok\", \"path\": [\"US\", null]}", "path"),
        new Case("path of 11 items", "{\"name\": \"Ok\", \"path\": " + pathOf(11, "X") + "}", "path"),
        new Case("path item of 101 characters", "{\"name\": \"Ok\", \"path\": " + pathOf(1, "p".repeat(101)) + "}",
            "path"),
        new Case("empty path item", "{\"name\": \"Ok\", \"path\": [\"US\", \"\"]}", "path"),
        new Case("NUL in a path item", "{\"name\": \"Ok\", \"path\": [\"U\\u0000S\"]}", "path"),
        new Case("occupancy over 100", "{\"name\": \"Ok\", \"occupancyPercent\": \"100.5\"}", "occupancyPercent"),
        new Case("occupancy over 100 as a number", "{\"name\": \"Ok\", \"occupancyPercent\": 100.5}",
            "occupancyPercent"),
        new Case("negative occupancy", "{\"name\": \"Ok\", \"occupancyPercent\": \"-1\"}", "occupancyPercent"),
        new Case("negative occupancy as a number", "{\"name\": \"Ok\", \"occupancyPercent\": -1}", "occupancyPercent"),
        new Case("occupancy of 1000", "{\"name\": \"Ok\", \"occupancyPercent\": \"1000\"}", "occupancyPercent"),
        new Case("five decimal places", "{\"name\": \"Ok\", \"occupancyPercent\": \"12.34567\"}", "occupancyPercent"),
        new Case("non-numeric occupancy", "{\"name\": \"Ok\", \"occupancyPercent\": \"full\"}", "occupancyPercent"),
        new Case("occupancy with a percent sign", "{\"name\": \"Ok\", \"occupancyPercent\": \"50%\"}",
            "occupancyPercent"),
        new Case("occupancy with a comma", "{\"name\": \"Ok\", \"occupancyPercent\": \"50,5\"}", "occupancyPercent"),
        new Case("boolean for occupancy", "{\"name\": \"Ok\", \"occupancyPercent\": false}", "occupancyPercent"),
        new Case("list for occupancy", "{\"name\": \"Ok\", \"occupancyPercent\": [\"50\"]}", "occupancyPercent")));
    return cases;
  }

  static Stream<Arguments> fieldCases() {
    List<Arguments> arguments = new ArrayList<>();
    int i = 0;
    for (Endpoint endpoint : WRITE_ENDPOINTS) {
      List<Case> cases = endpoint.kind() == Kind.COMPANY ? companyCases(endpoint.creating()) : siteCases(endpoint.creating());
      for (Case c : cases) {
        arguments.add(Arguments.of(PREFIXES.get(i++ % PREFIXES.size()), endpoint, c));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("fieldCases")
  void anInvalidFieldIsA400NamingTheFieldAndWritesNothing(String prefix, Endpoint endpoint, Case c) {
    JsonNode before = state(server, key);

    Response response = server.send(endpoint.method(), prefix + endpoint.path(companyId, siteId), key,
        TestServer.JSON, c.json(), Map.of());

    assertRejected(response, 400, c.field());
    assertThat(state(server, key)).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("writeEndpoints")
  void everyProblemOfARequestIsReportedAtOnce(Endpoint endpoint) {
    JsonNode before = state(server, key);
    String json = endpoint.kind() == Kind.COMPANY
        ? "{\"name\": \"\", \"isDemandEnabled\": \"yes\", \"impliedMeteringFraction\": \"abc\", \"bogus\": 1}"
        : "{\"name\": \"\", \"occupancyPercent\": \"101\", \"path\": \"US\", \"bogus\": 1}";

    Response response = server.send(endpoint.method(), "/v2.2" + endpoint.path(companyId, siteId), key,
        TestServer.JSON, json, Map.of());

    assertRejected(response, 400, "name");
    List<String> fields = new ArrayList<>();
    response.json().get("errors").fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrderElementsOf(endpoint.kind() == Kind.COMPANY
        ? List.of("name", "isDemandEnabled", "impliedMeteringFraction", "bogus")
        : List.of("name", "occupancyPercent", "path", "bogus"));
    assertThat(state(server, key)).isEqualTo(before);
  }

  static Stream<Endpoint> writeEndpoints() {
    return WRITE_ENDPOINTS.stream();
  }

  // ---------------------------------------------------------------- bodies that are not a JSON object

  record RawBody(String description, String contentType, byte[] bytes, int status) {
    static RawBody json(String description, String text) {
      return new RawBody(description, TestServer.JSON, text.getBytes(StandardCharsets.UTF_8), 400);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  private static List<RawBody> rawBodies() {
    StringBuilder nested = new StringBuilder("{\"name\": ");
    nested.append("[".repeat(5000)).append("]".repeat(5000)).append('}');
    byte[] invalidUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', ' ', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
    return List.of(
        RawBody.json("malformed JSON (unterminated object)", "{\"name\": \"Broken\""),
        RawBody.json("malformed JSON (unquoted keys)", "{name: Broken}"),
        RawBody.json("malformed JSON (trailing comma)", "{\"name\": \"Broken\",}"),
        RawBody.json("malformed JSON (single quotes)", "{'name': 'Broken'}"),
        RawBody.json("malformed JSON (comment)", "{\"name\": \"Broken\" /* hi */}"),
        RawBody.json("JSON followed by garbage", "{\"name\": \"Broken\"} trailing"),
        RawBody.json("two JSON objects", "{\"name\": \"One\"}{\"name\": \"Two\"}"),
        RawBody.json("duplicate keys", "{\"name\": \"One\", \"name\": \"Two\"}"),
        RawBody.json("JSON array", "[{\"name\": \"In an array\"}]"),
        RawBody.json("empty JSON array", "[]"),
        RawBody.json("JSON string", "\"name\""),
        RawBody.json("JSON number", "42"),
        RawBody.json("JSON true", "true"),
        RawBody.json("JSON null", "null"),
        RawBody.json("empty body", ""),
        RawBody.json("whitespace body", "  \n\t "),
        RawBody.json("form-encoded body sent as JSON", "name=Sneaky"),
        RawBody.json("deeply nested JSON", nested.toString()),
        RawBody.json("a number of 2000 digits", "{\"name\": \"Ok\", \"impliedMeteringFraction\": 1" + "0".repeat(2000)
            + ", \"occupancyPercent\": 1" + "0".repeat(2000) + "}"),
        new RawBody("invalid UTF-8 in JSON", TestServer.JSON, invalidUtf8, 400),
        new RawBody("text/plain", "text/plain", "{\"name\": \"Typed\"}".getBytes(StandardCharsets.UTF_8), 415),
        new RawBody("application/xml", "application/xml",
            "<company><name>Typed</name></company>".getBytes(StandardCharsets.UTF_8), 415),
        new RawBody("JSON under application/xml", "application/xml",
            "{\"name\": \"Typed\"}".getBytes(StandardCharsets.UTF_8), 415),
        new RawBody("text/csv", "text/csv", "name\nTyped\n".getBytes(StandardCharsets.UTF_8), 415),
        new RawBody("a body without Content-Type", null, "{\"name\": \"Untyped\"}".getBytes(StandardCharsets.UTF_8),
            415));
  }

  static Stream<Arguments> rawBodyCases() {
    List<Arguments> arguments = new ArrayList<>();
    int i = 0;
    for (Endpoint endpoint : WRITE_ENDPOINTS) {
      for (RawBody body : rawBodies()) {
        arguments.add(Arguments.of(PREFIXES.get(i++ % PREFIXES.size()), endpoint, body));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("rawBodyCases")
  void aBodyThatIsNotAJsonObjectOrHasAnUnsupportedTypeIsRejectedAndWritesNothing(String prefix, Endpoint endpoint,
      RawBody body) {
    JsonNode before = state(server, key);

    Response response = server.sendBytes(endpoint.method(), prefix + endpoint.path(companyId, siteId), key,
        body.contentType(), body.bytes(), Map.of());

    assertRejected(response, body.status(), null);
    assertThat(state(server, key)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- form and multipart bodies

  record FormCase(String description, String contentType, byte[] bytes, String field) {
    static FormCase form(String description, String body, String field) {
      return new FormCase(description, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
          field);
    }

    static FormCase multipart(String description, Multipart body, String field) {
      return new FormCase(description, body.contentType(), body.bytes(), field);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  private static List<FormCase> formCases(Endpoint endpoint) {
    List<FormCase> cases = new ArrayList<>();
    if (endpoint.creating()) {
      cases.add(FormCase.form("form without name", "externalId=x", "name"));
      cases.add(FormCase.multipart("multipart without name", new Multipart().field("externalId", "x"), "name"));
    }
    cases.add(FormCase.form("form with a blank name", "name=+++", "name"));
    cases.add(FormCase.form("form with the name twice", "name=One&name=Two", "name"));
    cases.add(FormCase.form("form with NUL in the name", "name=A%00B", "name"));
    cases.add(FormCase.form("form with an unknown field", "name=Ok&colour=blue", "colour"));
    cases.add(FormCase.multipart("multipart with NUL in the name", new Multipart().field("name", "A\u0000B"), "name"));
    cases.add(FormCase.multipart("multipart with an unknown field",
        new Multipart().field("name", "Ok").field("colour", "blue"), "colour"));
    if (endpoint.kind() == Kind.COMPANY) {
      cases.add(FormCase.form("form with a 201-character name", "name=" + NAME_201, "name"));
      cases.add(FormCase.form("form with a word for a boolean", "name=Ok&isDemandEnabled=maybe", "isDemandEnabled"));
      cases.add(FormCase.form("form with a bad date", "name=Ok&dataCollectionStartDate=2023-02-30",
          "dataCollectionStartDate"));
      cases.add(FormCase.form("form with a bad decimal", "name=Ok&impliedMeteringFraction=0.333",
          "impliedMeteringFraction"));
      cases.add(FormCase.form("form with a bad e-mail", "name=Ok&users=nobody", "users"));
      cases.add(FormCase.multipart("multipart with a bad e-mail",
          new Multipart().field("name", "Ok").field("users", "a@example.com").field("users", "nobody"), "users"));
    } else {
      cases.add(FormCase.form("form with a 256-character name", "name=" + NAME_256, "name"));
      cases.add(FormCase.form("form with occupancy over 100", "name=Ok&occupancyPercent=100.5", "occupancyPercent"));
      cases.add(FormCase.form("form with negative occupancy", "name=Ok&occupancyPercent=-1", "occupancyPercent"));
      cases.add(FormCase.form("form with non-numeric occupancy", "name=Ok&occupancyPercent=lots", "occupancyPercent"));
      cases.add(FormCase.form("form with a path of 11 items", "name=Ok" + "&path=X".repeat(11), "path"));
      cases.add(FormCase.form("form with a path item of 101 characters", "name=Ok&path=" + "p".repeat(101), "path"));
      cases.add(FormCase.multipart("multipart with occupancy over 100",
          new Multipart().field("name", "Ok").field("occupancyPercent", "100.5"), "occupancyPercent"));
      Multipart eleven = new Multipart().field("name", "Ok");
      for (int i = 0; i < 11; i++) {
        eleven.field("path", "X" + i);
      }
      cases.add(FormCase.multipart("multipart with a path of 11 items", eleven, "path"));
    }
    cases.add(FormCase.form("form with a malformed percent escape", "name=%zz", null));
    cases.add(FormCase.form("form with a truncated percent escape", "name=Ok%2", null));
    cases.add(new FormCase("multipart without a boundary", "multipart/form-data",
        new Multipart().field("name", "Ok").bytes(), null));
    cases.add(new FormCase("multipart with a different boundary", "multipart/form-data; boundary=not-the-one",
        new Multipart().field("name", "Ok").bytes(), null));
    cases.add(new FormCase("multipart that is not multipart", "multipart/form-data; boundary=xyz",
        "{\"name\": \"Ok\"}".getBytes(StandardCharsets.UTF_8), null));
    byte[] whole = new Multipart().field("name", "Ok").bytes();
    cases.add(new FormCase("truncated multipart", new Multipart().contentType(),
        java.util.Arrays.copyOf(whole, whole.length - 20), null));
    return cases;
  }

  static Stream<Arguments> formBodyCases() {
    List<Arguments> arguments = new ArrayList<>();
    int i = 0;
    for (Endpoint endpoint : WRITE_ENDPOINTS) {
      for (FormCase c : formCases(endpoint)) {
        arguments.add(Arguments.of(PREFIXES.get(i++ % PREFIXES.size()), endpoint, c));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("formBodyCases")
  void aBadFormOrMultipartBodyIsA400AndWritesNothing(String prefix, Endpoint endpoint, FormCase c) {
    JsonNode before = state(server, key);

    Response response = server.sendBytes(endpoint.method(), prefix + endpoint.path(companyId, siteId), key,
        c.contentType(), c.bytes(), Map.of());

    assertRejected(response, 400, c.field());
    assertThat(state(server, key)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- numbers that are costly to handle

  static Stream<Arguments> hugeExponents() {
    return Stream.of(
        Arguments.of(POST_COMPANY, "{\"name\": \"Ok\", \"impliedMeteringFraction\": 1e999999999}",
            "impliedMeteringFraction"),
        Arguments.of(PATCH_COMPANY, "{\"impliedMeteringFraction\": 1E+999999999}", "impliedMeteringFraction"),
        Arguments.of(POST_SITE, "{\"name\": \"Ok\", \"occupancyPercent\": 1e999999999}", "occupancyPercent"),
        Arguments.of(PATCH_SITE, "{\"occupancyPercent\": 1e999999999}", "occupancyPercent"));
  }

  /**
   * A ten-character JSON number such as {@code 1e999999999} is a valid token; the server must refuse
   * it at once rather than expand it to a billion-digit integer (which ties up a worker thread).
   */
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("hugeExponents")
  void aDecimalWithAHugeExponentIsA400(Endpoint endpoint, String json, String field) {
    JsonNode before = state(server, key);

    Response response = server.send(endpoint.method(), "/v2.2" + endpoint.path(companyId, siteId), key,
        TestServer.JSON, json, Map.of());

    assertRejected(response, 400, field);
    assertThat(state(server, key)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e-999999999", "0.5e-400", "1e400"})
  void aDecimalWithAnExtremeExponentThatIsCheapToCheckIsA400(String number) {
    JsonNode before = state(server, key);

    Response response = server.postJson("/v2.2/company", key,
        "{\"name\": \"Ok\", \"impliedMeteringFraction\": " + number + "}");

    assertRejected(response, 400, "impliedMeteringFraction");
    assertThat(state(server, key)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- malformed ids

  /** An id route; the id placeholder is {@code {id}}. */
  record IdRoute(String label, String method, String template, boolean siteId, String body) {
    String path(String id) {
      return template.replace("{id}", id);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static final List<IdRoute> ID_ROUTES = List.of(
      new IdRoute("GET /company/{id}", "GET", "/company/{id}", false, null),
      new IdRoute("PATCH /company/{id}", "PATCH", "/company/{id}", false, "{\"name\": \"Changed\"}"),
      new IdRoute("DELETE /company/{id}", "DELETE", "/company/{id}", false, null),
      new IdRoute("POST /site/company/{id}", "POST", "/site/company/{id}", false, "{\"name\": \"Planted\"}"),
      new IdRoute("POST /company/{id}/site", "POST", "/company/{id}/site", false, "{\"name\": \"Planted\"}"),
      new IdRoute("GET /site/{id}", "GET", "/site/{id}", true, null),
      new IdRoute("PATCH /site/{id}", "PATCH", "/site/{id}", true, "{\"name\": \"Changed\"}"),
      new IdRoute("DELETE /site/{id}", "DELETE", "/site/{id}", true, null));

  private static final List<String> MALFORMED_IDS = List.of(
      "not-a-uuid",
      "12345",
      "null",
      "undefined",
      "0",
      "00000000-0000-0000-0000-00000000000",
      "00000000-0000-0000-0000-0000000000000",
      "0000000g-0000-0000-0000-000000000000",
      "00000000000000000000000000000000",
      "%7B00000000-0000-0000-0000-000000000000%7D",
      "%20",
      "1-2-3-4-5",
      "-1-2-3-4",
      "00000000_0000_0000_0000_000000000000",
      "x".repeat(5000));

  static Stream<Arguments> malformedIds() {
    List<Arguments> arguments = new ArrayList<>();
    int i = 0;
    for (IdRoute route : ID_ROUTES) {
      for (String id : MALFORMED_IDS) {
        arguments.add(Arguments.of(PREFIXES.get(i++ % PREFIXES.size()), route, id));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1} with id \"{2}\"")
  @MethodSource("malformedIds")
  void aMalformedIdIsA404WithJsonDetail(String prefix, IdRoute route, String id) {
    JsonNode before = state(server, key);

    Response response = server.send(route.method(), prefix + route.path(id), key,
        route.body() == null ? null : TestServer.JSON, route.body(), Map.of());

    assertRejected(response, 404, null);
    assertThat(state(server, key)).isEqualTo(before);
  }

  /**
   * Java's {@code UUID.fromString} accepts non-canonical spellings (a sign, dashes in other places)
   * and maps them onto real ids; such a string is malformed and must not reach the object.
   */
  static Stream<Arguments> nonCanonicalSpellings() {
    List<Arguments> arguments = new ArrayList<>();
    for (IdRoute route : ID_ROUTES) {
      for (String spelling : List.of("plus sign", "moved dash", "no dashes", "braces", "urn prefix")) {
        arguments.add(Arguments.of(route, spelling));
      }
    }
    return arguments.stream();
  }

  /** {@code id} spelled another way that a lenient parser reads as the same UUID. */
  private static String respell(String id, String spelling) {
    assertThat(id).startsWith("0");
    return switch (spelling) {
      // "0192…" → "+192…": Long.parseLong reads the same number.
      case "plus sign" -> "+" + id.substring(1);
      // "0192abcd-ef01-…" → "192abcd-0ef01-…": the same segments with the leading zero moved.
      case "moved dash" -> id.substring(1, 8) + "-0" + id.substring(9);
      case "no dashes" -> id.replace("-", "");
      case "braces" -> "%7B" + id + "%7D";
      case "urn prefix" -> "urn:uuid:" + id;
      default -> throw new IllegalArgumentException(spelling);
    };
  }

  @ParameterizedTest(name = "{0} with the id spelled with a {1}")
  @MethodSource("nonCanonicalSpellings")
  void aNonCanonicalSpellingOfAnExistingIdIsA404AndReachesNothing(IdRoute route, String spelling) {
    String victimCompany = createCompany(server, key, "{\"name\": \"Victim\"}");
    String victimSite = createSite(server, key, victimCompany);
    String id = respell(route.siteId() ? victimSite : victimCompany, spelling);
    JsonNode before = state(server, key);

    Response response = server.send(route.method(), "/v2.2" + route.path(id), key,
        route.body() == null ? null : TestServer.JSON, route.body(), Map.of());

    try {
      assertRejected(response, 404, null);
      assertThat(response.detail()).isEqualTo(route.siteId() ? "Site not found." : "Company not found.");
      assertThat(state(server, key)).isEqualTo(before);
    } finally {
      server.delete("/v2.2/company/" + victimCompany, key);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2.2/company/00000000-0000-0000-0000-000000000000%00", "/v2.2/site/%00",
      "/v2.2/company/%00/site"})
  void anIdWithAnEncodedNulIsRejectedWithAJsonErrorAndARequestId(String path) {
    JsonNode before = state(server, key);

    Response response = server.send(path.endsWith("/site") ? "POST" : "GET", path, key, TestServer.JSON,
        "{\"name\": \"Planted\"}", Map.of());

    assertThat(response.status()).as(response.toString()).isIn(400, 404);
    assertRejected(response, response.status(), null);
    assertThat(response.header("X-Request-Id")).isNotBlank();
    assertThat(state(server, key)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- unknown routes, wrong methods

  @ParameterizedTest
  @ValueSource(strings = {"/v2.2/companies", "/v2.2/nothing", "/v3/company", "/company", "/v2.2/site",
      "/v2.2/company/00000000-0000-0000-0000-000000000000/nothing", "/v2.2/", "/v2.2//company",
      "/v2.2/company/a/b/c/d", "/wp-login.php", "/"})
  void anUnknownRouteIsA404WithJsonDetail(String path) {
    for (String apiKey : new String[] {key, null}) {
      Response response = server.get(path, apiKey);

      assertRejected(response, 404, null);
    }
  }

  @Test
  void anUnknownRouteIsA404ForWritesTooAndWritesNothing() {
    JsonNode before = state(server, key);

    Response response = server.postJson("/v2.2/companies", key, "{\"name\": \"Misrouted\"}");

    assertRejected(response, 404, null);
    assertThat(state(server, key)).isEqualTo(before);
  }

  static Stream<Arguments> wrongMethods() {
    return Stream.of(
        Arguments.of("PUT", "/company"),
        Arguments.of("DELETE", "/company"),
        Arguments.of("PATCH", "/company"),
        Arguments.of("PUT", "/company/{companyId}"),
        Arguments.of("POST", "/company/{companyId}"),
        Arguments.of("GET", "/site/company/{companyId}"),
        Arguments.of("PUT", "/site/company/{companyId}"),
        Arguments.of("GET", "/company/{companyId}/site"),
        Arguments.of("PUT", "/site/{siteId}"),
        Arguments.of("POST", "/site/{siteId}"),
        Arguments.of("POST", "/ping"),
        Arguments.of("POST", "/healthz"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("wrongMethods")
  void aWrongMethodIsA405WithJsonDetailAndWritesNothing(String method, String template) {
    JsonNode before = state(server, key);
    String path = template.equals("/healthz") ? template
        : "/v2.2" + template.replace("{companyId}", companyId).replace("{siteId}", siteId);

    Response response = server.send(method, path, key, TestServer.JSON, "{\"name\": \"Wrong method\"}", Map.of());

    assertRejected(response, 405, null);
    assertThat(state(server, key)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- bodies over the limit

  /** A valid JSON body, padded with insignificant whitespace to {@code size} bytes. */
  private static byte[] paddedJson(String json, int size) {
    String padded = json.substring(0, json.length() - 1) + " ".repeat(size - json.length()) + "}";
    byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
    assertThat(bytes).hasSize(size);
    return bytes;
  }

  private static String json(Endpoint endpoint) {
    return endpoint.kind() == Kind.COMPANY ? "{\"name\": \"Big\"}" : "{\"name\": \"Big site\"}";
  }

  @ParameterizedTest
  @MethodSource("writeEndpoints")
  void aBodyJustUnderTheLimitIsAccepted(Endpoint endpoint) {
    Response response = small.sendBytes(endpoint.method(), "/v2.2" + endpoint.path(smallCompanyId, smallSiteId),
        smallKey, TestServer.JSON, paddedJson(json(endpoint), SMALL_LIMIT), Map.of());

    assertThat(response.status()).as(response.toString()).isIn(200, 201);
  }

  @ParameterizedTest
  @MethodSource("writeEndpoints")
  void aJsonBodyOverTheLimitWithContentLengthIsA413WithDetail(Endpoint endpoint) {
    JsonNode before = state(small, smallKey);

    Response response = small.sendBytes(endpoint.method(), "/v2.2" + endpoint.path(smallCompanyId, smallSiteId),
        smallKey, TestServer.JSON, paddedJson(json(endpoint), 4 * SMALL_LIMIT), Map.of());

    assertRejected(response, 413, null);
    assertThat(response.detail()).contains(Integer.toString(SMALL_LIMIT));
    assertThat(state(small, smallKey)).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("writeEndpoints")
  void aChunkedJsonBodyOverTheLimitIsA413WithDetail(Endpoint endpoint) {
    JsonNode before = state(small, smallKey);

    Response response = small.sendChunked(endpoint.method(), "/v2.2" + endpoint.path(smallCompanyId, smallSiteId),
        smallKey, TestServer.JSON, paddedJson(json(endpoint), SMALL_LIMIT + 1));

    assertRejected(response, 413, null);
    assertThat(state(small, smallKey)).isEqualTo(before);
  }

  static Stream<Arguments> oversizedForms() {
    List<Arguments> arguments = new ArrayList<>();
    for (Endpoint endpoint : WRITE_ENDPOINTS) {
      String longValue = "a".repeat(4 * SMALL_LIMIT);
      arguments.add(Arguments.of(endpoint, "form-urlencoded", "application/x-www-form-urlencoded",
          ("name=Big&externalId=" + longValue).getBytes(StandardCharsets.UTF_8)));
      Multipart multipart = new Multipart().field("name", "Big").field("externalId", longValue);
      arguments.add(Arguments.of(endpoint, "multipart", multipart.contentType(), multipart.bytes()));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("oversizedForms")
  void aFormBodyOverTheLimitWithContentLengthIsA413WithDetail(Endpoint endpoint, String encoding, String contentType,
      byte[] body) {
    JsonNode before = state(small, smallKey);

    Response response = small.sendBytes(endpoint.method(), "/v2.2" + endpoint.path(smallCompanyId, smallSiteId),
        smallKey, contentType, body, Map.of());

    assertRejected(response, 413, null);
    assertThat(state(small, smallKey)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("oversizedForms")
  void aChunkedFormBodyOverTheLimitIsA413WithDetail(Endpoint endpoint, String encoding, String contentType,
      byte[] body) {
    JsonNode before = state(small, smallKey);

    Response response = small.sendChunked(endpoint.method(), "/v2.2" + endpoint.path(smallCompanyId, smallSiteId),
        smallKey, contentType, body);

    assertRejected(response, 413, null);
    assertThat(state(small, smallKey)).isEqualTo(before);
  }

  @Test
  void anOversizedBodyIsRefusedEvenWithoutAKey() {
    Response response = small.sendBytes("POST", "/v2.2/company", null, TestServer.JSON,
        paddedJson("{\"name\": \"Anonymous\"}", 4 * SMALL_LIMIT), Map.of());

    assertThat(response.status()).as(response.toString()).isIn(401, 413);
    assertRejected(response, response.status(), null);
  }

  // ---------------------------------------------------------------- odd but well-formed text

  @Test
  void anUnpairedSurrogateInAStringIsRejectedOrKeptExactly() {
    JsonNode before = state(server, key);

    Response response = server.postJson("/v2.2/company", key, "{\"name\": \"Lone \\ud800 surrogate\"}");

    if (response.status() == 201) {
      List<Integer> sent = "Lone \ud800 surrogate".codePoints().boxed().toList();
      String id = response.json().get("id").asText();
      try {
        assertThat(response.json().get("name").asText().codePoints().boxed().toList()).isEqualTo(sent);
        assertThat(server.get("/v2.2/company/" + id, key).json().get("name").asText().codePoints().boxed().toList())
            .as("the name as stored, in code points").isEqualTo(sent);
      } finally {
        server.delete("/v2.2/company/" + id, key);
      }
    } else {
      assertRejected(response, 400, "name");
      assertThat(state(server, key)).isEqualTo(before);
    }
  }
}

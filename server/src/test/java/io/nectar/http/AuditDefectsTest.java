package io.nectar.http;

import static io.nectar.testing.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Multipart;
import io.nectar.testing.RawHttp;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP defects the first outside audit found (issue 10), each reproduced as the audit sent it,
 * over real HTTP; by raw socket where {@code java.net.http} will not send the request as written.
 */
class AuditDefectsTest {
  private static final String BOUNDARY = "audit-boundary-4f1c";
  private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  static TestServer server;
  static Fixtures fixtures;
  static String key;
  static String companyId;
  static String siteId;
  static String connectionId;
  static String accountId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    key = server.tenant("Audit Org", Environment.SANDBOX).key();
    companyId = fixtures.company(key, "Audited");
    siteId = fixtures.site(key, companyId, "Audited site");
    connectionId = fixtures.sandboxConnection(key, companyId, List.of(siteId), 1, "");
    accountId = fixtures.collectedDetails(key, connectionId).get("accounts").get(0).get("id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String path(String template) {
    return template.replace("{company}", companyId).replace("{site}", siteId).replace("{connection}", connectionId);
  }

  private static RawHttp.Reply rawGet(RawHttp raw, String target) {
    return raw.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + key + "\r\n", null);
  }

  private static void assertJsonError(RawHttp.Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/json");
    assertThat(reply.header("X-Request-Id")).as(reply.toString()).isNotBlank();
    JsonNode body = json(reply);
    assertThat(body.path("detail").isTextual()).as(reply.toString()).isTrue();
    assertThat(body.get("detail").asText()).isNotBlank();
  }

  private static JsonNode json(RawHttp.Reply reply) {
    try {
      return Json.MAPPER.readTree(reply.body().isEmpty() ? "null" : reply.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + reply, e);
    }
  }

  // ------------------------------------------------- 1. a NUL byte in a query parameter

  static Stream<Arguments> queriesWithANul() {
    return Stream.of(
        Arguments.of("/v2.2/usage/company/{company}", "identifier=a%00b", "identifier"),
        Arguments.of("/v2.2/document/company/{company}", "identifier=a%00b", "identifier"),
        Arguments.of("/v2.2/interval/connection/{connection}", "identifier=a%00b", "identifier"),
        Arguments.of("/v2.2/connection/company/{company}", "connectionOwnerEmail=a%00b%40example.com",
            "connectionOwnerEmail"),
        Arguments.of("/v2/usage/site/{site}", "identifier=%00", "identifier"),
        Arguments.of("/v2.1/document/company/{company}", "isDeleted=false&identifier=0137%00", "identifier"),
        Arguments.of("/v2.2/meter/company/{company}", "page=1%00", "page"),
        // A parameter no route reads, and one whose name carries the NUL: refused all the same.
        Arguments.of("/v2.2/company", "unread=%00", "unread"),
        Arguments.of("/v2.2/usage/company/{company}", "ident%00ifier=x", "ident\u0000ifier"));
  }

  @ParameterizedTest(name = "{0}?{1}")
  @MethodSource("queriesWithANul")
  void aNulInAnyQueryParameterIsA400NamingIt(String template, String query, String parameter) {
    Response response = server.get(path(template) + "?" + query, key);

    assertRejected(response, 400, parameter);
  }

  @Test
  void anEncodedLoneSurrogateInAQueryParameterIsA400() {
    // %ED%A0%80 is U+D800 written as if it were a character: not UTF-8, and not text a field accepts.
    Response response = server.get(path("/v2.2/document/company/{company}") + "?identifier=a%ED%A0%80", key);

    assertRejected(response, 400, "identifier");
  }

  // ------------------------------------------------- 8. malformed percent-encoding

  @ParameterizedTest
  @ValueSource(strings = {"startDate=%ZZ", "startDate=%2", "startDate=2024-01-0%", "endDate=%G0",
      "identifier=%FF", "datasourceType=GAS&startDate=%zz"})
  void aMalformedPercentEncodingInTheQueryIsA400NamingTheParameter(String query) {
    String parameter = query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('='));
    try (RawHttp raw = new RawHttp(server.server().port())) {
      RawHttp.Reply reply = rawGet(raw, path("/v2.2/usage/company/{company}") + "?" + query);

      assertJsonError(reply, 400);
      assertThat(json(reply).path("errors").has(parameter)).as(reply.toString()).isTrue();
    }
  }

  @Test
  void aMalformedPercentEncodingInAParameterNameIsA400() {
    try (RawHttp raw = new RawHttp(server.server().port())) {
      assertJsonError(rawGet(raw, path("/v2.2/document/company/{company}") + "?%ZZ=1"), 400);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"name=%ZZ", "name=Renamed&externalId=%G1", "name=Renamed&externalId=%E9t%E9"})
  void aMalformedPercentEncodingInAFormBodyIsA400AndChangesNothing(String form) {
    String before = server.get("/v2.2/company/" + companyId, key).body();
    String field = form.substring(form.lastIndexOf('&') + 1, form.lastIndexOf('='));

    Response response = server.send("PATCH", "/v2.2/company/" + companyId, key, "application/x-www-form-urlencoded",
        form, Map.of());

    assertRejected(response, 400, field);
    assertThat(message(response, field)).contains("percent-encoding");
    assertThat(server.get("/v2.2/company/" + companyId, key).body()).isEqualTo(before);
  }

  /** The first message {@code errors} gives for {@code field}. */
  private static String message(Response response, String field) {
    return response.json().path("errors").path(field).path(0).asText();
  }

  // ------------------------------------------------- 3. a file where a field is expected

  /** A multipart body whose {@code fileField} is sent as a file (with a filename), the others as text. */
  private static byte[] multipartWithFile(String fileField, String fileContent, String... textFields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < textFields.length; i += 2) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + textFields[i] + "\"\r\n\r\n"
          + textFields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField
        + "\"; filename=\"x\"\r\nContent-Type: application/octet-stream\r\n\r\n" + fileContent + "\r\n--" + BOUNDARY
        + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void aFileForWebhookEventTypesIsA400AndKeepsTheSubscription() {
    Response created = server.postJson("/v2.2/webhook/endpoint", key,
        "{\"url\": \"https://example.com/hooks/audit\", \"eventTypes\": [\"document.created.v2\"]}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String endpoint = "/v2.2/webhook/endpoint/" + created.json().get("id").asText();

    Response response = server.sendBytes("PATCH", endpoint, key, MULTIPART,
        multipartWithFile("eventTypes", "connection.created.v2"), Map.of());

    assertRejected(response, 400, "eventTypes");
    assertThat(message(response, "eventTypes")).contains("file");
    assertThat(server.get(endpoint, key).json().get("eventTypes").toString()).isEqualTo("[\"document.created.v2\"]");
  }

  @Test
  void aFileForACompanyFieldIsA400AndChangesNothing() {
    String before = server.get("/v2.2/company/" + companyId, key).body();

    Response response = server.sendBytes("PATCH", "/v2.2/company/" + companyId, key, MULTIPART,
        multipartWithFile("externalId", "from-a-file", "name", "Renamed by a form"), Map.of());

    assertRejected(response, 400, "externalId");
    assertThat(message(response, "externalId")).contains("file");
    assertThat(server.get("/v2.2/company/" + companyId, key).body()).isEqualTo(before);
  }

  @Test
  void aFileWithAnEmptyFilenameIsStillAFile() {
    byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"name\"; filename=\"\"\r\n\r\n"
        + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);

    Response response = server.sendBytes("POST", "/v2.2/company", key, MULTIPART, body, Map.of());

    assertRejected(response, 400, "name");
    assertThat(message(response, "name")).contains("file");
  }

  // ------------------------------------------------- 4. multipart part count and keep-alive

  @Test
  void aMultipartBodyOfMoreThanAThousandPartsIsReadLikeTheSameFieldsUrlEncoded() {
    String form = "accounts=" + accountId + ("&accounts=" + accountId).repeat(999) + "&isTracked=true";
    Response urlEncoded = server.send("PATCH", "/v2.2/account/company/" + companyId, key,
        "application/x-www-form-urlencoded", form, Map.of());
    assertThat(urlEncoded.status()).as(urlEncoded.toString()).isEqualTo(200);

    Multipart multipart = new Multipart();
    for (int i = 0; i < 1000; i++) {
      multipart.field("accounts", accountId); // the schema allows 1,000 ids; repeats name the same account
    }
    multipart.field("isTracked", "true"); // 1,001 parts
    Response response = server.sendBytes("PATCH", "/v2.2/account/company/" + companyId, key, multipart.contentType(),
        multipart.bytes(), Map.of());

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(Fixtures.ids(response.json())).containsExactly(accountId);
    assertThat(response.json().get(0).get("id")).isEqualTo(urlEncoded.json().get(0).get("id"));
  }

  @Test
  void manySmallPartsStillMeetTheBodyLimit() {
    Multipart form = new Multipart();
    for (int i = 0; i < 12_000; i++) { // about 1.1 MB: over the default limit of 1 MiB
      form.field("accounts", accountId);
    }
    byte[] body = form.field("isTracked", "true").bytes();
    assertThat(body.length).isGreaterThan(1024 * 1024);

    // The declared size alone must be refused: send the head, then read the answer before any body byte.
    try (RawHttp connection = new RawHttp(server.server().port())) {
      RawHttp.Reply declared = connection.send("PATCH /v2.2/account/company/" + companyId + " HTTP/1.1\r\n"
          + "Host: localhost\r\nX-API-Key: " + key + "\r\nContent-Type: " + form.contentType() + "\r\n"
          + "Content-Length: " + body.length + "\r\n", null);
      assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
      assertThat(declared.body()).contains("\"detail\"");
    }

    // Chunked, the server learns the size only by reading: it refuses once past the limit, and the
    // client sees that 413 or, when the close overtakes it mid-upload, the connection end; never a success.
    try {
      Response chunked = server.sendChunked("PATCH", "/v2.2/account/company/" + companyId, key, form.contentType(),
          body);
      assertRejected(chunked, 413, null);
    } catch (java.io.UncheckedIOException closedMidUpload) {
      assertThat(server.get("/v2.2/ping", key).status()).isEqualTo(200);
    }
  }

  static Stream<Arguments> badMultipartBodies() {
    String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n";
    return Stream.of(
        Arguments.of("no closing boundary", (part + "--other").getBytes(StandardCharsets.UTF_8)),
        Arguments.of("no boundary at all", "name=x".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("a part without headers", ("--" + BOUNDARY + "\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n")
            .getBytes(StandardCharsets.UTF_8)),
        Arguments.of("a file part", multipartWithFile("name", "x")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMultipartBodies")
  void afterABadMultipartBodyTheSameConnectionServesTheNextRequest(String description, byte[] body) {
    try (RawHttp raw = new RawHttp(server.server().port())) {
      RawHttp.Reply refused = raw.send("PATCH /v2.2/company/" + companyId + " HTTP/1.1\r\nHost: localhost\r\n"
          + "X-API-Key: " + key + "\r\nContent-Type: " + MULTIPART + "\r\n", body);
      assertJsonError(refused, 400);
      assertThat(refused.header("Connection")).as(refused.toString()).isNull();

      RawHttp.Reply next = rawGet(raw, "/v2.2/company/" + companyId);

      assertThat(next.status()).as(next.toString()).isEqualTo(200);
      assertThat(json(next).get("id").asText()).isEqualTo(companyId);
    }
  }

  // ------------------------------------------------- 5. Allow on every 405

  static Stream<Arguments> wrongMethods() {
    return Stream.of(
        Arguments.of("PUT", "/v2.2/company", "GET, POST"),
        Arguments.of("DELETE", "/v2/company", "GET, POST"),
        Arguments.of("POST", "/v2.2/company/{company}", "GET, PATCH, DELETE"),
        Arguments.of("PUT", "/v2.1/site/{site}", "GET, PATCH, DELETE"),
        Arguments.of("DELETE", "/v2.2/usage/company/{company}", "GET"),
        Arguments.of("OPTIONS", "/v2.2/webhook/endpoint", "GET, POST"),
        Arguments.of("GET", "/v2.2/site/company/{company}", "POST"),
        // HEAD is refused on the API (it would skip authentication) and is not offered there.
        Arguments.of("HEAD", "/v2.2/company", "GET, POST"),
        Arguments.of("POST", "/healthz", "GET, HEAD"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("wrongMethods")
  void a405NamesTheMethodsThePathAnswersAndEachOfThemIsAnswered(String method, String template, String allow) {
    String target = path(template);
    try (RawHttp raw = new RawHttp(server.server().port())) {
      RawHttp.Reply refused = raw.send(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n", null);

      assertThat(refused.status()).as(refused.toString()).isEqualTo(405);
      assertThat(methods(refused.header("Allow"))).as(refused.toString()).isEqualTo(methods(allow));
    }
    for (String allowed : methods(allow)) {
      // Without a key an API route answers 401 after matching the method: nothing runs, nothing changes.
      try (RawHttp raw = new RawHttp(server.server().port())) {
        RawHttp.Reply answered = raw.send(allowed + " " + target + " HTTP/1.1\r\nHost: localhost\r\n", null);
        assertThat(answered.status()).as(allowed + " " + target + ": " + answered).isIn(200, 401);
      }
    }
  }

  private static Set<String> methods(String allow) {
    assertThat(allow).isNotNull();
    return Arrays.stream(allow.split(",")).map(String::trim).collect(Collectors.toSet());
  }

  // ------------------------------------------------- 6. errors of the HTTP layer itself

  static Stream<Arguments> refusedBeforeRouting() {
    List<Arguments> arguments = new ArrayList<>();
    for (String method : List.of("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS")) {
      String company = method + " /v2.2/company HTTP/1.1\r\n";
      arguments.add(Arguments.of(method, "a control character in a header", 400,
          company + "Host: localhost\r\nX-Note: a\u0001b\r\n"));
      arguments.add(Arguments.of(method, "a malformed path", 400,
          method + " /v2.2/company/%ZZ HTTP/1.1\r\nHost: localhost\r\n"));
      arguments.add(Arguments.of(method, "a NUL in the path", 400,
          method + " /v2.2/company/%00 HTTP/1.1\r\nHost: localhost\r\n"));
      arguments.add(Arguments.of(method, "a path that is not UTF-8", 400,
          method + " /v2.2/comp%C3any HTTP/1.1\r\nHost: localhost\r\n"));
      arguments.add(Arguments.of(method, "no Host", 400, company));
      arguments.add(Arguments.of(method, "a Content-Length that is no number", 400,
          company + "Host: localhost\r\nContent-Length: abc\r\n"));
      arguments.add(Arguments.of(method, "an oversized header", 431,
          company + "Host: localhost\r\nX-Note: " + "n".repeat(9000) + "\r\n"));
      arguments.add(Arguments.of(method, "an overlong URI", 414,
          method + " /v2.2/company?q=" + "q".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\n"));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("refusedBeforeRouting")
  void aRequestRefusedBeforeRoutingGetsJsonWithDetailWhateverTheMethod(String method, String what, int status,
      String head) {
    try (RawHttp raw = new RawHttp(server.server().port())) {
      assertJsonError(raw.send(head, null), status);
    }
  }

  // ------------------------------------------------- 7. method overrides are ignored

  @ParameterizedTest
  @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override", "x-http-method-override"})
  void aMethodOverrideHeaderIsIgnored(String header) {
    String victim = fixtures.company(key, "Not to be deleted");

    Response get = server.send("GET", "/v2.2/company/" + victim, key, null, null, Map.of(header, "DELETE"));
    Response post = server.send("POST", "/v2.2/company/" + victim, key, TestServer.JSON, "{\"name\": \"Overridden\"}",
        Map.of(header, "PATCH"));

    assertThat(get.status()).as(get.toString()).isEqualTo(200);
    assertThat(get.json().get("id").asText()).isEqualTo(victim);
    assertThat(post.status()).as(post.toString()).isEqualTo(405);
    Response after = server.get("/v2.2/company/" + victim, key);
    assertThat(after.status()).as("the company is still there").isEqualTo(200);
    assertThat(after.json().get("name").asText()).isEqualTo("Not to be deleted");
  }

  @Test
  void aMethodParameterInTheQueryOrTheFormIsIgnored() {
    String victim = fixtures.company(key, "Kept");

    Response query = server.send("POST", "/v2.2/company/" + victim + "?_method=DELETE", key, null, null, Map.of());
    Response form = server.send("POST", "/v2.2/company/" + victim, key, "application/x-www-form-urlencoded",
        "_method=DELETE", Map.of());
    Response get = server.get("/v2.2/company/" + victim + "?_method=DELETE", key);

    assertThat(query.status()).as(query.toString()).isEqualTo(405);
    assertThat(form.status()).as(form.toString()).isEqualTo(405);
    assertThat(get.status()).as(get.toString()).isEqualTo(200);
    assertThat(server.get("/v2.2/company/" + victim, key).status()).isEqualTo(200);
  }

  // ------------------------------------------------- 12. every offset RFC 3339 allows

  /** {@code instant} written with the offset {@code ±hh:mm}, '+' percent-encoded for the query. */
  private static String at(Instant instant, String offset) {
    int sign = offset.startsWith("-") ? -1 : 1;
    long seconds = sign * (Long.parseLong(offset.substring(1, 3)) * 3600 + Long.parseLong(offset.substring(4, 6)) * 60);
    // The wall-clock time at that offset is ahead of UTC by the offset.
    LocalDateTime local = LocalDateTime.ofInstant(instant.plusSeconds(seconds), ZoneOffset.UTC);
    return LOCAL_TIME.format(local) + offset.replace("+", "%2B");
  }

  private static long intervals(String query) {
    Response response = server.get("/v2.2/interval/connection/" + connectionId + "?" + query, key);
    assertThat(response.status()).as(query + " " + response).isEqualTo(200);
    return response.json().get("totalIntervals").asLong();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+19:12", "-23:59", "+23:59", "-18:01", "+05:30"})
  void anIntervalRangeWithAnyRfc3339OffsetSelectsTheSameInstantsAsInUtc(String offset) {
    Instant from = YearMonth.now(ZoneOffset.UTC).minusMonths(1).atDay(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
    Instant to = from.plus(Duration.ofHours(5)).plusSeconds(30 * 60);

    long utc = intervals("startDate=" + from + "&endDate=" + to);
    long withOffset = intervals("startDate=" + at(from, offset) + "&endDate=" + at(to, offset));

    assertThat(utc).as("readings in the window").isPositive();
    assertThat(withOffset).isEqualTo(utc);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-01T00:00:00%2B24:00", "2026-01-01T00:00:00-00:60", "2026-01-01T00:00:00%2B1912",
      "2026-01-01T00:00:00%2B05:30:15", "2026-01-01T00:00:00"})
  void anOffsetRfc3339DoesNotAllowIsA400(String date) {
    assertRejected(server.get("/v2.2/interval/connection/" + connectionId + "?startDate=" + date, key), 400,
        "startDate");
  }
}

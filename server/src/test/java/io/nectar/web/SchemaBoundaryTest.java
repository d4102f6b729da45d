package io.nectar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import io.nectar.keys.Environment;
import io.nectar.testing.RawHttp;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import io.nectar.web.BoundaryValues.Candidate;
import io.nectar.web.BoundaryValues.Placement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.LoggerFactory;

/**
 * The server accepts exactly what {@code /openapi.json} admits, as an independent fuzzer or a
 * generated client would find it. For every operation the test walks the document, builds values
 * at and just past every limit a parameter or body field states ({@link BoundaryValues}: lengths,
 * patterns, enums, numeric bounds, item counts, required fields, JSON types, date formats), asks
 * the schema validator whether the document admits each, sends it on an otherwise good request,
 * and checks that the server agrees: a value the document admits is not refused with 400, a value
 * it refuses gets 400 with a {@code detail} (404 for a malformed id in the path, as documented),
 * and nothing gets a 5xx or a status the operation does not document. A new field or parameter in
 * the document is covered without a change here.
 *
 * <p>Where the server is wrong and the document right, the case is listed in
 * {@link KnownServerGaps#LIST} until the server is fixed; a gap that no longer reproduces fails the
 * test, so that the list cannot go stale.
 */
class SchemaBoundaryTest {
  private static final String SPEC_ID = "https://nectar.invalid/openapi.json";
  private static final String V = "/v2.2";
  private static final String JSON = TestServer.JSON;
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
  /** A well-formed id that names no object. */
  private static final String NOBODY = "0190f3a2-0000-7000-8000-000000000000";
  /** An address no delivery can reach: on a default server the attempt is refused as private. */
  private static final String UNREACHABLE = "http://127.0.0.1:1/hooks/nectar";

  static TestServer server;
  static TestServer.Tenant tenant;
  static JsonNode spec;
  static SchemaRegistry schemas;
  static BoundaryValues values;
  /** The fixture's object of each kind, by the path parameter that names it. */
  static final Map<String, String> ids = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.networknt.schema.keyword.UnknownKeywordFactory"))
        .setLevel(Level.ERROR);
    server = TestServer.start();
    Response document = server.get("/openapi.json", null);
    assertThat(document.status()).isEqualTo(200);
    spec = document.json();
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    schemas = SchemaRegistry.withDialect(Dialect.builder(Dialects.getOpenApi31()).format(new Rfc3339DateTime()).build(),
        builder -> builder.schemas(Map.of(SPEC_ID, document.body())).schemaRegistryConfig(config));
    values = new BoundaryValues(spec, LocalDate.now(server.clock()));
    // A production key may connect to any utility URL (a sandbox key only to the sandbox), so that
    // every URL the document admits can be tried.
    tenant = server.tenant("Boundary Org", Environment.PRODUCTION);
    createFixture();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** One company with a site and a collected sandbox connection, and a webhook endpoint with a message. */
  private static void createFixture() {
    String companyId = created(server.postJson(V + "/company", tenant.key(), "{\"name\": \"Boundary Co\"}"));
    String siteId = created(server.postJson(V + "/site/company/" + companyId, tenant.key(), "{\"name\": \"Plant\"}"));
    String start = LocalDate.now(server.clock()).withDayOfMonth(1).minusMonths(1).toString();
    String connectionId = created(server.postJson(V + "/connection/company/" + companyId, tenant.key(), """
        {"url": "https://nectarclimate.com", "username": "nectar-sandbox-username",
         "password": "nectar-sandbox-password", "sites": ["%s"], "country": "US",
         "datasourceTypes": ["ELECTRICITY"], "dataCollectionStartDate": "%s"}""".formatted(siteId, start)));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
        server.get(V + "/interval/connection/" + connectionId, tenant.key()).json().path("totalIntervals").asInt() > 0
            && server.get(V + "/document/connection/" + connectionId, tenant.key()).json().path("totalDocuments")
            .asInt() > 0);
    JsonNode account = server.get(V + "/connection/" + connectionId + "/details", tenant.key()).json().at("/accounts/0");
    JsonNode document = server.get(V + "/document/connection/" + connectionId, tenant.key()).json().at("/documents/0");
    String endpointId = created(server.postJson(V + "/webhook/endpoint", tenant.key(),
        "{\"url\": \"" + UNREACHABLE + "\", \"eventTypes\": [\"connection.validated.v2\"]}"));
    Response test = server.send("POST", V + "/webhook/endpoint/" + endpointId + "/test", tenant.key(), null, null,
        Map.of());
    assertThat(test.status()).as(test.toString()).isEqualTo(202);
    ids.put("companyId", companyId);
    ids.put("siteId", siteId);
    ids.put("connectionId", connectionId);
    ids.put("accountId", account.get("id").asText());
    ids.put("meterId", account.at("/meters/0").asText());
    ids.put("documentId", document.get("id").asText());
    ids.put("usageId", document.at("/usageData/0/id").asText());
    ids.put("endpointId", endpointId);
    ids.put("messageId", test.json().get("messageId").asText());
    ids.put("jobId", created(server.postJson(V + "/job/company/" + companyId + "/bulk", tenant.key(),
        "{\"documents\": [\"https://files.example.com/bill.pdf\"]}")));
    ids.put("invitationId", created(server.postJson(V + "/invitation/company/" + companyId, tenant.key(), "{}")));
  }

  private static String created(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  /**
   * Fields whose good value depends on the fixture rather than on the document: the ids of its
   * objects, and a password that keeps the connections created here from collecting anything.
   */
  private static JsonNode fixtureValue(String field) {
    return switch (field) {
      case "sites", "initialSites" -> JsonNodeFactory.instance.arrayNode().add(ids.get("siteId"));
      case "accounts" -> JsonNodeFactory.instance.arrayNode().add(ids.get("accountId"));
      case "password" -> TextNode.valueOf("not-the-sandbox-password");
      default -> null;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The tests

  @TestFactory
  Stream<DynamicTest> theServerAcceptsExactlyWhatTheDocumentAdmits() {
    List<DynamicTest> tests = new ArrayList<>();
    List<Operation> operations = operations();
    assertThat(operations).hasSizeGreaterThan(40);
    for (Operation op : operations) {
      tests.add(dynamicTest(op.name() + ": values at and past every limit", () -> agrees(op, boundaryProbes(op))));
    }
    for (Operation op : operations) {
      if (op.parameters().stream().anyMatch(p -> p.in().equals("query"))) {
        tests.add(dynamicTest(op.name() + ": NUL and malformed percent-encoding in the query",
            () -> agrees(op, queryEncodingProbes(op))));
      }
      if (hasMultipartFields(op)) {
        tests.add(dynamicTest(op.name() + ": a file where a field is expected", () -> agrees(op, fileFieldProbes(op))));
      }
    }
    spec.path("paths").fieldNames().forEachRemaining(template -> {
      if (!spec.path("paths").path(template).has("servers")) {
        tests.add(dynamicTest(template + ": other methods get 405 with Allow", () -> methodsAgree(template)));
      }
    });
    tests.add(dynamicTest("every known server gap still reproduces", () ->
        assertThat(KnownServerGaps.notReproduced())
            .as("these gaps no longer reproduce: remove them from KnownServerGaps.LIST").isEmpty()));
    return tests.stream();
  }

  // ---------------------------------------------------------------------------------------------
  // The document's operations

  /** A documented operation under the version prefix, with its parameters (path level and its own). */
  record Operation(String method, String template, JsonNode node, List<Parameter> parameters, String bodyPointer) {
    String name() {
      return method.toUpperCase(Locale.ROOT) + " " + template;
    }
  }

  /** A parameter and the pointer of its schema in the document. */
  record Parameter(String name, String in, String schemaPointer) {}

  private static List<Operation> operations() {
    List<Operation> result = new ArrayList<>();
    spec.path("paths").fields().forEachRemaining(path -> {
      if (path.getValue().has("servers")) {
        return; // the operational routes at the server root, reached by signed links or without a key
      }
      String itemPointer = "/paths/" + escape(path.getKey());
      for (String method : METHODS) {
        if (!path.getValue().has(method)) {
          continue;
        }
        String opPointer = itemPointer + "/" + method;
        List<Parameter> parameters = new ArrayList<>();
        for (String level : List.of(itemPointer, opPointer)) {
          JsonNode list = spec.at(level + "/parameters");
          for (int i = 0; i < list.size(); i++) {
            String pointer = resolvePointer(level + "/parameters/" + i);
            JsonNode p = spec.at(pointer);
            parameters.add(new Parameter(p.get("name").asText(), p.get("in").asText(), pointer + "/schema"));
          }
        }
        String body = null;
        // x-body-probes names the test that probes this body instead (a file upload, URLs fetched later).
        if (spec.at(opPointer).has("requestBody") && !spec.at(opPointer).has("x-body-probes")) {
          body = resolvePointer(opPointer + "/requestBody") + "/content/application~1json/schema";
          assertThat(spec.at(body).isMissingNode()).as("%s has a JSON body", opPointer).isFalse();
        }
        result.add(new Operation(method, path.getKey(), spec.at(opPointer), parameters, body));
      }
    });
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Probes: one request each, with what the document says of it

  /**
   * One request: the operation's good request with one thing changed. {@code where} names what
   * changed ({@code body.name}, {@code query.page}, ...), {@code field} the field or parameter a
   * refusal must name in {@code errors} (null when the refusal has no field).
   */
  record Probe(String where, String value, String why, boolean admitted, String field, String path, String query,
      Map<String, String> headers, String contentType, byte[] body) {
    String caseName(Operation op) {
      return op.name() + " " + where + "=" + value;
    }
  }

  private static List<Probe> boundaryProbes(Operation op) {
    List<Probe> probes = new ArrayList<>();
    ObjectNode good = op.bodyPointer() == null ? null : goodBody(op);
    // A delete is sent only to ids that name nothing: the fixture must outlive every probe.
    Target target = op.method().equals("delete") ? Target.NOTHING : Target.FIXTURE;
    String path = V + fill(op.template(), Map.of(), target);
    if (target == Target.FIXTURE && !op.node().has("x-body-probes")) {
      // The good request itself: the probes below mean something only if it is accepted.
      probes.add(bodyProbe(op, path, "baseline", good, "the good request", null));
    }
    for (Parameter p : op.parameters()) {
      if (op.node().has("x-body-probes") && !p.in().equals("path")) {
        continue; // without its body the request is refused whatever a header or the query holds
      }
      JsonNode schema = spec.at(p.schemaPointer());
      switch (p.in()) {
        case "path" -> {
          for (Candidate c : values.of(schema, null, Placement.QUERY)) {
            // Printable text only: a control character or a slash would make another URL, not another id.
            String text = c.value().asText("");
            if (c.value().isTextual() && text.matches("[\\x21-\\x7e&&[^/]]+")) {
              probes.add(new Probe("path." + p.name(), quote(text), c.why(), admits(p.schemaPointer(), c.value()),
                  null, V + fill(op.template(), Map.of(p.name(), text), target), "", Map.of(),
                  good == null ? null : JSON, good == null ? null : bytes(good)));
            }
          }
        }
        case "query" -> {
          for (Candidate c : values.of(schema, null, Placement.QUERY)) {
            List<String> texts = queryTexts(c.value());
            if (texts != null) {
              String query = texts.stream().map(t -> encode(p.name()) + "=" + encode(t))
                  .reduce((a, b) -> a + "&" + b).orElse("");
              probes.add(new Probe("query." + p.name(), c.value().toString(), c.why(),
                  admits(p.schemaPointer(), coerce(texts, schema)), p.name(), path, query, Map.of(), null, null));
            }
          }
        }
        case "header" -> {
          if (p.name().equals("Idempotency-Key") && !op.method().equals("post")) {
            continue;
          }
          for (Candidate c : values.of(schema, null, Placement.HEADER)) {
            if (c.value().isTextual() && sendableHeader(c.value().asText())) {
              // Spaces and tabs around a header value are not part of it (RFC 9110, section 5.5).
              String value = c.value().asText().replaceAll("^[ \\t]+|[ \\t]+$", "");
              probes.add(new Probe("header." + p.name(), c.value().toString(), c.why(),
                  admits(p.schemaPointer(), TextNode.valueOf(value)), null, path, "",
                  Map.of(p.name(), c.value().asText()),
                  good == null ? null : JSON, good == null ? null : bytes(good)));
            }
          }
        }
        default -> throw new AssertionError("a parameter in " + p.in() + " at " + p.schemaPointer());
      }
    }
    if (good != null) {
      JsonNode schema = values.resolve(spec.at(op.bodyPointer()));
      schema.path("properties").fields().forEachRemaining(property -> {
        String name = property.getKey();
        for (Candidate c : values.of(property.getValue(), good.get(name), Placement.BODY)) {
          ObjectNode body = good.deepCopy();
          body.set(name, c.value());
          probes.add(bodyProbe(op, path, "body." + name, body, c.why(), name));
        }
        if (good.has(name)) {
          ObjectNode without = good.deepCopy();
          without.remove(name);
          probes.add(bodyProbe(op, path, "body." + name + "(left out)", without, "the field left out", name));
        }
      });
      ObjectNode unknown = good.deepCopy();
      unknown.put("unknownField", 1);
      probes.add(bodyProbe(op, path, "body.unknownField", unknown, "a field the document does not have",
          "unknownField"));
      probes.add(bodyProbe(op, path, "body(empty object)", JsonNodeFactory.instance.objectNode(), "no fields", null));
      probes.add(bodyProbe(op, path, "body(array)", JsonNodeFactory.instance.arrayNode(), "not an object", null));
    }
    return probes;
  }

  private static Probe bodyProbe(Operation op, String path, String where, JsonNode body, String why, String field) {
    boolean admitted = body == null || admits(op.bodyPointer(), body);
    return new Probe(where, body == null ? "" : abbreviate(body.toString()), why, admitted, field, path, "", Map.of(),
        body == null ? null : JSON, body == null ? null : bytes(body));
  }

  /** A NUL and a malformed percent-escape in each query parameter: the document refuses both. */
  private static List<Probe> queryEncodingProbes(Operation op) {
    List<Probe> probes = new ArrayList<>();
    String path = V + fill(op.template(), Map.of(), Target.FIXTURE);
    for (Parameter p : op.parameters()) {
      if (p.in().equals("query")) {
        probes.add(new Probe("query." + p.name(), "\"a%00b\"", "an encoded NUL", false, null, path,
            encode(p.name()) + "=a%00b", Map.of(), null, null));
        probes.add(new Probe("query." + p.name(), "\"%ZZ\"", "a malformed percent-escape", false, null, path,
            encode(p.name()) + "=%ZZ", Map.of(), null, null));
      }
    }
    return probes;
  }

  private static boolean hasMultipartFields(Operation op) {
    if (op.bodyPointer() == null) {
      return false;
    }
    String media = op.bodyPointer().replace("application~1json", "multipart~1form-data");
    return !spec.at(media).isMissingNode() && values.resolve(spec.at(media)).path("properties").size() > 0;
  }

  /** The good body as multipart, with one field sent as a file part: the document refuses it. */
  private static List<Probe> fileFieldProbes(Operation op) {
    List<Probe> probes = new ArrayList<>();
    ObjectNode good = goodBody(op);
    String path = V + fill(op.template(), Map.of(), Target.FIXTURE);
    good.fieldNames().forEachRemaining(name -> {
      String boundary = "boundary-test-" + name;
      StringBuilder body = new StringBuilder();
      good.fields().forEachRemaining(f -> {
        List<JsonNode> parts = new ArrayList<>();
        if (f.getValue().isArray()) {
          f.getValue().forEach(parts::add);
        } else {
          parts.add(f.getValue());
        }
        for (JsonNode part : parts) {
          body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f.getKey())
              .append('"').append(f.getKey().equals(name) ? "; filename=\"field.txt\"\r\nContent-Type: text/plain" : "")
              .append("\r\n\r\n").append(part.asText()).append("\r\n");
        }
      });
      body.append("--").append(boundary).append("--\r\n");
      probes.add(new Probe("multipart." + name, "(a file part)", "a file where a field is expected", false, null, path,
          "", Map.of(), "multipart/form-data; boundary=" + boundary, body.toString().getBytes(StandardCharsets.UTF_8)));
    });
    return probes;
  }

  // ---------------------------------------------------------------------------------------------
  // Sending and judging

  private static void agrees(Operation op, List<Probe> probes) {
    List<String> problems = new ArrayList<>();
    for (Probe probe : probes) {
      Response response = send(op, probe);
      List<String> found = judge(op, probe, response);
      log(probe.caseName(op) + " admitted=" + probe.admitted() + " -> " + response.status());
      for (String problem : found) {
        if (!KnownServerGaps.covers(probe.caseName(op), problem)) {
          problems.add(probe.caseName(op) + " (" + probe.why() + "): " + problem);
        }
      }
    }
    assertThat(problems).as("%s: where the server and the document disagree", op.name()).isEmpty();
  }

  /**
   * With {@code -Dboundary.log=FILE}, every probe and the status it got are appended to FILE, to
   * read what the test sent when a case needs looking into.
   */
  private static void log(String line) {
    String file = System.getProperty("boundary.log");
    if (file != null) {
      try {
        java.nio.file.Files.writeString(java.nio.file.Path.of(file), line + "\n", StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static Response send(Operation op, Probe probe) {
    String uri = probe.path() + (probe.query().isEmpty() ? "" : "?" + probe.query());
    if (probe.query().contains("%ZZ")) {
      try (RawHttp connection = new RawHttp(server.server().port())) {
        return connection.send(op.method().toUpperCase(Locale.ROOT) + " " + uri + " HTTP/1.1\r\nHost: localhost\r\n"
            + "X-API-Key: " + tenant.key() + "\r\n", new byte[0]).response();
      }
    }
    if (probe.body() == null) {
      return server.send(op.method().toUpperCase(Locale.ROOT), uri, tenant.key(), probe.contentType(), null,
          probe.headers());
    }
    return server.sendBytes(op.method().toUpperCase(Locale.ROOT), uri, tenant.key(), probe.contentType(), probe.body(),
        probe.headers());
  }

  private static List<String> judge(Operation op, Probe probe, Response response) {
    List<String> problems = new ArrayList<>();
    int status = response.status();
    if (status >= 500) {
      problems.add("answered " + response);
      return problems;
    }
    if (!op.node().path("responses").has(Integer.toString(status))) {
      problems.add("answered " + status + ", which the operation does not document: " + abbreviate(response.body()));
    }
    String contentType = String.valueOf(response.header("Content-Type"));
    if (status >= 400 && (!contentType.startsWith(JSON) || response.json().path("detail").asText("").isBlank())) {
      problems.add("an error without a JSON detail: " + response);
      return problems;
    }
    if (probe.admitted()) {
      if (status == 400 && !beyondTheSchema(op, response)) {
        problems.add("the document admits it, the server refused it: " + abbreviate(response.body()));
      }
    } else if (probe.where().startsWith("path.")) {
      if (status != 404) {
        problems.add("a malformed id must answer 404, not " + status);
      }
    } else if (status != 400) {
      problems.add("the document refuses it, the server answered " + status + ": " + abbreviate(response.body()));
    } else if (probe.field() != null && misnamed(probe, response.json().path("errors"))) {
      problems.add("a 400 whose errors do not name " + probe.field() + ": " + abbreviate(response.body()));
    }
    return problems;
  }

  /**
   * Whether a refusal fails to name the field at fault: a body field must be named in
   * {@code errors}; a query parameter too, unless the refusal has no {@code errors} at all (a
   * query string refused as a whole, as for U+0000 or a malformed escape).
   */
  private static boolean misnamed(Probe probe, JsonNode errors) {
    boolean wholeQuery = probe.where().startsWith("query.") && errors.isMissingNode();
    return !wholeQuery && !errors.has(probe.field());
  }

  /**
   * A 400 for a value the schema admits is right when every field it names is one the operation
   * lists in {@code x-rules-beyond-schema}: rules JSON Schema cannot state (another object's ids,
   * one date against another or against today).
   */
  private static boolean beyondTheSchema(Operation op, Response response) {
    JsonNode rules = op.node().path("x-rules-beyond-schema");
    JsonNode errors = response.json().path("errors");
    if (errors.isEmpty()) {
      return false;
    }
    List<String> fields = new ArrayList<>();
    errors.fieldNames().forEachRemaining(fields::add);
    return fields.stream().allMatch(rules::has);
  }

  /** Every method a path does not document gets 405, and {@code Allow} names the ones it does. */
  private static void methodsAgree(String template) {
    JsonNode item = spec.path("paths").path(template);
    List<String> documented = METHODS.stream().filter(item::has).map(m -> m.toUpperCase(Locale.ROOT)).toList();
    List<String> problems = new ArrayList<>();
    for (String method : METHODS) {
      String upper = method.toUpperCase(Locale.ROOT);
      if (item.has(method)) {
        continue;
      }
      boolean withBody = !method.equals("get") && !method.equals("delete");
      Response response = server.send(upper, V + fill(template, Map.of(), Target.FIXTURE), tenant.key(),
          withBody ? JSON : null, withBody ? "{}" : null, Map.of());
      List<String> found = new ArrayList<>();
      if (response.status() != 405) {
        found.add("answered " + response);
      } else {
        for (String m : documented) {
          if (!item.path(m.toLowerCase(Locale.ROOT)).path("responses").has("405")) {
            found.add(m + " " + template + " does not document 405");
          }
        }
        String allow = response.header("Allow");
        Set<String> allowed = new LinkedHashSet<>();
        if (allow != null) {
          for (String a : allow.split(",")) {
            allowed.add(a.trim().toUpperCase(Locale.ROOT));
          }
        }
        Set<String> expected = new LinkedHashSet<>(documented);
        boolean extra = allowed.stream().anyMatch(a -> METHODS.contains(a.toLowerCase(Locale.ROOT)) && !expected.contains(a));
        if (!allowed.containsAll(expected) || extra) {
          found.add("Allow is " + allow + ", the document says " + documented);
        }
      }
      String name = "405 " + upper + " " + template;
      for (String problem : found) {
        if (!KnownServerGaps.covers(name, problem)) {
          problems.add(name + ": " + problem);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Building requests

  /**
   * The operation's good body: its documented example, with the fixture's ids (and a password that
   * collects nothing) for the fields that need them, and each required field the example lacks.
   */
  private static ObjectNode goodBody(Operation op) {
    JsonNode media = spec.at(op.bodyPointer().substring(0, op.bodyPointer().length() - "/schema".length()));
    JsonNode example = media.has("example") ? media.get("example")
        : media.path("examples").isObject() && media.get("examples").size() > 0
            ? values.resolve(media.get("examples").elements().next()).get("value") : null;
    ObjectNode body = example != null && example.isObject() ? example.deepCopy() : JsonNodeFactory.instance.objectNode();
    JsonNode schema = values.resolve(spec.at(op.bodyPointer()));
    schema.path("properties").fieldNames().forEachRemaining(name -> {
      JsonNode fixture = fixtureValue(name);
      if (fixture != null && (body.has(name) || containsText(schema.path("required"), name))) {
        body.set(name, fixture);
      }
    });
    for (JsonNode required : schema.path("required")) {
      String name = required.asText();
      if (!body.has(name)) {
        String pointer = op.bodyPointer() + "/properties/" + escape(name);
        JsonNode property = schema.at("/properties/" + escape(name));
        JsonNode value = values.of(property, null, Placement.BODY).stream().map(Candidate::value)
            .filter(v -> admits(resolvePointer(op.bodyPointer()) + "/properties/" + escape(name), v))
            .findFirst().orElseThrow(() -> new AssertionError("no good value for " + pointer));
        body.set(name, value);
      }
    }
    assertThat(admits(op.bodyPointer(), body)).as("the good body of %s: %s", op.name(), body).isTrue();
    return body;
  }

  /** What the ids of a path name. */
  private enum Target {
    /** The fixture's objects. */
    FIXTURE,
    /** Nothing: well-formed ids of no object. */
    NOTHING
  }

  /** {@code template} with the given values for some parameters, and ids of {@code target} for the others. */
  private static String fill(String template, Map<String, String> given, Target target) {
    String path = template;
    for (var m : Pattern.compile("\\{([^}]+)}").matcher(template).results().toList()) {
      String name = m.group(1);
      String value = given.containsKey(name) ? given.get(name) : target == Target.NOTHING ? NOBODY : ids.get(name);
      assertThat(value).as("the fixture has an object for {%s} of %s: extend createFixture", name, template)
          .isNotNull();
      path = path.replace("{" + name + "}", encodePathSegment(value));
    }
    return path;
  }

  /** A candidate as query values (several for an exploded array), or null if it has no query form. */
  private static List<String> queryTexts(JsonNode value) {
    if (value.isArray()) {
      List<String> texts = new ArrayList<>();
      for (JsonNode item : value) {
        if (!item.isValueNode() || item.isNull()) {
          return null;
        }
        texts.add(item.isNumber() ? item.decimalValue().toString() : item.asText());
      }
      return texts.isEmpty() ? null : texts;
    }
    if (!value.isValueNode() || value.isNull()) {
      return null;
    }
    return List.of(value.isNumber() ? value.decimalValue().toString() : value.asText());
  }

  /**
   * Query values as the document's schema reads them: text, unless the schema wants a number or a
   * boolean and the text is one (as OpenAPI tools deserialize query parameters).
   */
  private static JsonNode coerce(List<String> texts, JsonNode schema) {
    JsonNode resolved = values.resolve(schema);
    if (BoundaryValues.types(resolved).contains("array")) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      texts.forEach(t -> array.add(coerce(t, values.resolve(resolved.path("items")))));
      return array;
    }
    return coerce(texts.get(texts.size() - 1), resolved);
  }

  private static JsonNode coerce(String text, JsonNode schema) {
    Set<String> types = BoundaryValues.types(schema);
    if (types.contains("integer") && text.matches("-?[0-9]+")) {
      return JsonNodeFactory.instance.numberNode(new BigInteger(text));
    }
    if (types.contains("number") && text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
      return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
    }
    if (types.contains("boolean") && (text.equals("true") || text.equals("false"))) {
      return BooleanNode.valueOf(text.equals("true"));
    }
    return TextNode.valueOf(text);
  }

  /** Whether the document admits {@code instance} at the schema at {@code pointer}. */
  private static boolean admits(String pointer, JsonNode instance) {
    assertThat(spec.at(pointer).isMissingNode()).as("schema at %s", pointer).isFalse();
    return !afterTheMaximumDate(spec.at(pointer), instance)
        && schemas.getSchema(SchemaLocation.of(SPEC_ID + "#" + pointer)).validate(instance).isEmpty();
  }

  /**
   * Whether {@code instance}, or a field of it, is a date after today where the schema says
   * {@code x-maximum-date: today}: a bound that moves with the calendar, which JSON Schema cannot
   * state.
   */
  private static boolean afterTheMaximumDate(JsonNode schemaNode, JsonNode instance) {
    JsonNode schema = values.resolve(schemaNode);
    if (schema.has("x-maximum-date") && instance.isTextual() && instance.asText().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      assertThat(schema.get("x-maximum-date").asText()).isEqualTo("today");
      try {
        return LocalDate.parse(instance.asText()).isAfter(LocalDate.now(server.clock()));
      } catch (java.time.format.DateTimeParseException e) {
        return false; // not a date at all: the schema's format refuses it
      }
    }
    if (instance.isObject()) {
      for (var field : (Iterable<Map.Entry<String, JsonNode>>) instance::fields) {
        JsonNode property = schema.path("properties").path(field.getKey());
        if (!property.isMissingNode() && afterTheMaximumDate(property, field.getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean sendableHeader(String value) {
    return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
  }

  private static String resolvePointer(String pointer) {
    String current = pointer;
    for (int hops = 0; hops < 10 && spec.at(current).has("$ref"); hops++) {
      current = spec.at(current).get("$ref").asText().substring(1);
    }
    return current;
  }

  private static boolean containsText(JsonNode array, String text) {
    for (JsonNode n : array) {
      if (n.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytes(JsonNode body) {
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String encodePathSegment(String text) {
    return encode(text).replace("+", "%20");
  }

  private static String quote(String text) {
    return TextNode.valueOf(text).toString();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " characters)";
  }
}

package io.nectar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.nectar.config.ServerSecret;
import io.nectar.keys.Environment;
import io.nectar.storage.SignedLinks;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The OpenAPI document served at {@code /openapi.json} against the running server: every route is
 * documented and every documented route exists, and real responses (successes and errors) match the
 * schemas, status codes, media types and headers the document declares for them.
 */
class OpenApiTest {
  /** The id the document is registered under in the validator; it is never fetched. */
  private static final String SPEC_ID = "https://nectar.invalid/openapi.json";
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final String V = "/v2.2";
  private static final String JSON = TestServer.JSON;

  static TestServer server;
  static Response specResponse;
  static JsonNode spec;
  static SchemaRegistry schemas;
  static TestServer.Tenant tenant;

  @BeforeAll
  static void start() {
    // The validator warns about every OpenAPI keyword at the document root (openapi, info, paths, …),
    // which are not JSON Schema keywords; they are irrelevant to validation.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.networknt.schema.keyword.UnknownKeywordFactory"))
        .setLevel(Level.ERROR);
    server = TestServer.start();
    tenant = server.tenant("OpenAPI Org", Environment.SANDBOX);
    specResponse = server.get("/openapi.json", null);
    assertThat(specResponse.status()).as("GET /openapi.json").isEqualTo(200);
    spec = specResponse.json();
    // The whole OpenAPI document is one schema resource, so a schema anywhere in it can be loaded by
    // JSON pointer and its "#/components/schemas/…" references resolve inside the document.
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
        builder -> builder.schemas(Map.of(SPEC_ID, specResponse.body())).schemaRegistryConfig(config));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The document itself

  @Test
  void theDocumentIsOpenApi31JsonWithTheVersionServersAndKeyAuthentication() {
    assertThat(specResponse.header("Content-Type")).startsWith("application/json");
    assertThat(spec.isObject()).isTrue();
    assertThat(spec.path("openapi").asText()).matches("3\\.1\\.\\d+");
    assertThat(spec.at("/info/title").asText()).isEqualTo("Nectar-compatible API");
    assertThat(spec.at("/info/description").asText()).contains("/v2.2", "/v2.1", "/v2", "X-API-Key", "curl ");
    assertThat(texts(spec.path("servers"), "url")).containsExactly("/v2.2", "/v2.1", "/v2");

    JsonNode scheme = spec.at("/components/securitySchemes/ExternalAuthentication");
    assertThat(scheme.path("type").asText()).isEqualTo("apiKey");
    assertThat(scheme.path("in").asText()).isEqualTo("header");
    assertThat(scheme.path("name").asText()).isEqualTo("X-API-Key");
    assertThat(spec.path("security").size()).isEqualTo(1);
    assertThat(spec.path("security").get(0).has("ExternalAuthentication")).isTrue();

    // What is served is the YAML in the sources, converted (compared as JSON text, so that number
    // node types of the YAML and JSON parsers do not matter).
    assertThat(spec.toString().equals(parse(DocsRoutes.loadSpec().toString()).toString()))
        .as("/openapi.json is openapi.yaml as JSON").isTrue();
  }

  @Test
  void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsRegistered() {
    Set<String> registered = server.server().apiRoutes().stream()
        .map(r -> r.method().toUpperCase(Locale.ROOT) + " " + normalise(r.path()))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented = new TreeSet<>();
    spec.path("paths").fields().forEachRemaining(path -> {
      if (!isOperational(path.getValue())) {
        operations(path.getValue()).forEach(method ->
            documented.add(method.toUpperCase(Locale.ROOT) + " " + normalise(path.getKey())));
      }
    });

    assertThat(registered).as("the server registers some routes").isNotEmpty();
    assertThat(documented).as("routes the server serves but the OpenAPI document does not describe")
        .containsAll(registered);
    assertThat(registered).as("routes the OpenAPI document describes but the server does not serve")
        .containsAll(documented);
  }

  @Test
  void operationalPathsAreAtTheRootWithoutAuthenticationAndAreServed() {
    Set<String> operational = new TreeSet<>();
    spec.path("paths").fields().forEachRemaining(path -> {
      if (isOperational(path.getValue())) {
        operational.add(path.getKey());
        for (String method : operations(path.getValue())) {
          JsonNode security = path.getValue().path(method).path("security");
          assertThat(security.isArray() && security.isEmpty())
              .as("%s %s declares security: []", method, path.getKey()).isTrue();
          assertThat(path.getValue().path(method).path("description").asText())
              .as("%s %s says it lives at the server root", method, path.getKey()).contains("root");
        }
        assertThat(texts(path.getValue().path("servers"), "url")).containsExactly("/");
        if (!path.getKey().contains("{")) { // a signed file link is checked in signedFileLinksMatchTheDocument
          assertThat(server.get(path.getKey(), null).status()).as("GET %s", path.getKey()).isEqualTo(200);
        }
      }
    });
    assertThat(operational)
        .containsExactlyInAnyOrder("/healthz", "/readyz", "/metrics", "/openapi.json", "/docs", "/files/{key}",
            "/audit/documents/{documentId}", "/webhooks/portal/{organizationId}/{environment}");
  }

  @Test
  void theDocumentIsConsistent() {
    // Every $ref points at something.
    walk(spec, "", (pointer, node) -> {
      if (node.isObject() && node.has("$ref")) {
        String ref = node.get("$ref").asText();
        assertThat(ref).as("$ref at %s is local", pointer).startsWith("#/");
        assertThat(spec.at(ref.substring(1)).isMissingNode()).as("%s at %s resolves", ref, pointer).isFalse();
      }
    });

    Set<String> operationIds = new HashSet<>();
    spec.path("paths").fields().forEachRemaining(entry -> {
      String path = entry.getKey();
      JsonNode item = entry.getValue();
      for (String method : operations(item)) {
        JsonNode op = item.get(method);
        String where = method.toUpperCase(Locale.ROOT) + " " + path;
        assertThat(operationIds.add(op.path("operationId").asText())).as("unique operationId of %s", where).isTrue();
        assertThat(op.path("summary").asText()).as("summary of %s", where).isNotBlank();
        assertThat(op.path("description").asText()).as("description of %s", where).isNotBlank();

        // Path parameters: exactly those of the template, declared at path or operation level.
        Set<String> declared = new TreeSet<>();
        List<JsonNode> parameters = new ArrayList<>();
        item.path("parameters").forEach(p -> parameters.add(resolve(p)));
        op.path("parameters").forEach(p -> parameters.add(resolve(p)));
        parameters.stream().filter(p -> p.path("in").asText().equals("path")).forEach(p -> {
          assertThat(p.path("required").asBoolean()).as("path parameter %s of %s is required", p.path("name"), where)
              .isTrue();
          declared.add(p.path("name").asText());
        });
        assertThat(declared).as("path parameters of %s", where).isEqualTo(templateParameters(path));

        Set<String> statuses = new TreeSet<>();
        op.path("responses").fieldNames().forEachRemaining(statuses::add);
        if (!isOperational(item)) {
          assertThat(statuses).as("responses of %s", where).contains("401", "405", "429", "500");
          assertThat(statuses.stream().anyMatch(s -> s.startsWith("2"))).as("a success response of %s", where).isTrue();
          if (method.equals("post") || method.equals("patch")) {
            assertThat(statuses).as("responses of %s", where).contains("400", "413", "415");
            JsonNode content = resolve(op.path("requestBody")).path("content");
            if (op.has("x-body-probes") && !content.has(JSON)) {
              // A file upload: only multipart can carry the file.
              assertThat(iterable(content.fieldNames())).as("request media types of %s", where)
                  .containsExactly("multipart/form-data");
            } else {
              assertThat(iterable(content.fieldNames())).as("request media types of %s", where)
                  .containsExactlyInAnyOrder(JSON, "application/x-www-form-urlencoded", "multipart/form-data");
            }
          }
          if (method.equals("post")) {
            assertThat(statuses).as("responses of %s", where).contains("409");
            assertThat(parameters.stream().anyMatch(p -> p.path("name").asText().equals("Idempotency-Key")
                && p.path("in").asText().equals("header"))).as("%s takes Idempotency-Key", where).isTrue();
          }
          if (path.contains("{")) {
            assertThat(statuses).as("responses of %s", where).contains("403", "404");
          }
        }
        for (String status : statuses) {
          JsonNode response = resolve(op.path("responses").path(status));
          assertThat(response.path("headers").has("X-Request-Id"))
              .as("%s %s documents X-Request-Id", where, status).isTrue();
          if (status.equals("429")) {
            assertThat(response.path("headers").has("Retry-After")).as("%s 429 documents Retry-After", where).isTrue();
          }
          if (status.startsWith("4") || (status.startsWith("5") && !path.equals("/readyz"))) {
            assertThat(resolve(response.at("/content/application~1json/schema")))
                .as("%s %s is an ErrorResponse", where, status)
                .isEqualTo(spec.at("/components/schemas/ErrorResponse"));
          }
        }
      }
    });

    JsonNode components = spec.path("components").path("schemas");
    assertThat(iterable(components.fieldNames())).contains("Company", "Site", "Ping", "ErrorResponse",
        "CompanyCreateRequest", "CompanyUpdateRequest", "SiteCreateRequest", "SiteUpdateRequest",
        "PaginationEnvelope", "DatasourceType", "ConnectionStatus", "UsageUnits");
    // Objects are closed, so an undocumented field in a response (or request) fails validation.
    for (String name : List.of("Company", "Site", "Ping", "ErrorResponse", "CompanyCreateRequest",
        "CompanyUpdateRequest", "SiteCreateRequest", "SiteUpdateRequest", "Connection", "ConnectionCreateRequest",
        "Account", "AccountUpdateRequest", "AccountBulkUpdateRequest", "Meter", "MeterIdentifier", "Interval",
        "ConnectionList", "MeterList", "IntervalList", "SandboxBillResponse", "EmptyRequest", "DocumentSummary",
        "DocumentV2", "DocumentV21", "DocumentV22", "LineItem", "DemandMeter", "TimeOfUsePart", "UsageDataV2",
        "UsageDataV21", "UsageDataV22", "DocumentListV2", "DocumentListV21", "DocumentListV22", "UsageDataListV2",
        "UsageDataListV21", "UsageDataListV22", "UsagePatchRequest", "NoInputRequest", "WebhookPortalLink",
        "WebhookEndpoint", "WebhookEndpointWithSecret", "WebhookEndpointCreateRequest", "WebhookEndpointUpdateRequest",
        "WebhookRecoverRequest", "WebhookTestSent", "WebhookQueuedResponse", "WebhookAttempt", "WebhookAttemptList",
        "WebhookTestEvent")) {
      assertThat(components.path(name).path("additionalProperties").isBoolean()
          && !components.path(name).path("additionalProperties").asBoolean())
          .as("%s has additionalProperties: false", name).isTrue();
    }

    // A schema that differs by version names one closed schema per version in x-versions, and is
    // exactly the choice among them (oneOf for an object, anyOf for a page, which may be empty).
    Set<String> versioned = new TreeSet<>();
    walk(spec, "", (pointer, node) -> {
      if (node.isObject() && node.has("x-versions")) {
        versioned.add(pointer);
        JsonNode versions = node.get("x-versions");
        assertThat(iterable(versions.fieldNames())).as("versions of %s", pointer)
            .containsExactlyInAnyOrder("v2", "v2.1", "v2.2");
        Set<String> named = new TreeSet<>();
        versions.fields().forEachRemaining(v -> {
          String target = v.getValue().asText();
          assertThat(target).as("%s of %s", v.getKey(), pointer).startsWith("#/components/schemas/");
          JsonNode schema = spec.at(target.substring(1));
          assertThat(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean())
              .as("%s (%s of %s) is closed", target, v.getKey(), pointer).isTrue();
          named.add(target);
        });
        assertThat(named).as("one schema per version in %s", pointer).hasSize(3);
        JsonNode choice = node.has("oneOf") ? node.get("oneOf") : node.path("anyOf");
        assertThat(new TreeSet<>(texts(choice, "$ref"))).as("the choice of %s", pointer).isEqualTo(named);
      }
    });
    assertThat(versioned).containsExactlyInAnyOrder("/components/schemas/Document", "/components/schemas/DocumentList",
        "/components/schemas/UsageData", "/components/schemas/UsageDataList");
  }

  @Test
  void theDocumentedEnumsAreTheCodesEnums() {
    assertThat(texts(spec.at("/components/schemas/DatasourceType/enum")))
        .containsExactlyElementsOf(names(io.nectar.meters.DatasourceType.values()));
    assertThat(texts(spec.at("/components/schemas/ConnectionStatus/enum")))
        .containsExactlyElementsOf(names(io.nectar.providers.ConnectionStatus.values()));
    List<String> filter = new ArrayList<>(names(io.nectar.providers.ConnectionStatus.values()));
    filter.add("PASSWORD_INCORRECT");
    assertThat(texts(resolve(spec.at("/components/parameters/ConnectionStatusFilter")).at("/schema/enum")))
        .containsExactlyInAnyOrderElementsOf(filter);
    assertThat(texts(spec.at("/components/schemas/Account/properties/trackingStatus/enum")))
        .containsExactlyElementsOf(names(io.nectar.accounts.Account.TrackingStatus.values()));
    // Every sub-type field of the Meter object is documented (and the closed schema allows no others).
    for (String field : io.nectar.meters.Meter.SUBTYPE_FIELDS) {
      assertThat(spec.at("/components/schemas/Meter/properties/" + field).isObject()).as("Meter.%s", field).isTrue();
      // Usage rows carry the meter's sub-types too; v2.2 replaces timeOfUse by timeOfUseBreakdown.
      for (String usage : List.of("UsageDataV2", "UsageDataV21", "UsageDataV22")) {
        boolean expected = !(usage.equals("UsageDataV22") && field.equals("timeOfUse"));
        assertThat(texts(spec.at("/components/schemas/" + usage + "/required")).contains(field))
            .as("%s.%s", usage, field).isEqualTo(expected);
      }
    }
    assertThat(texts(resolve(spec.at("/components/parameters/DateType")).at("/schema/enum")))
        .containsExactlyElementsOf(names(io.nectar.lists.ListFilter.DateType.values()));
    assertThat(texts(spec.at("/components/schemas/UsageUnits/enum")))
        .containsExactlyInAnyOrderElementsOf(io.nectar.usage.UsageUnits.ALL);
    // Webhook event types: those an endpoint subscribes to, those an attempt names, and one entry
    // of the document's webhooks section per type.
    List<String> wireNames = java.util.Arrays.stream(io.nectar.webhooks.WebhookEventType.values())
        .map(io.nectar.webhooks.WebhookEventType::wireName).toList();
    assertThat(texts(spec.at("/components/schemas/WebhookEventType/enum")))
        .containsExactlyElementsOf(io.nectar.webhooks.WebhookEventType.subscribable());
    assertThat(texts(spec.at("/components/schemas/WebhookAttempt/properties/eventType/enum")))
        .containsExactlyElementsOf(wireNames);
    assertThat(iterable(spec.path("webhooks").fieldNames())).containsExactlyElementsOf(wireNames);
  }

  @Test
  void everyExampleInTheDocumentMatchesItsSchema() {
    List<String> problems = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    BiConsumer<String, List<Error>> record = (where, errors) -> {
      checked.add(where);
      problems.addAll(describe(where, errors));
    };
    walk(spec, "", (pointer, node) -> {
      if (!node.isObject()) {
        return;
      }
      if (node.has("schema") && node.has("example")) {
        record.accept(pointer + "/example", errors(pointer + "/schema", node.get("example")));
      }
      if (node.has("schema") && node.path("examples").isObject()) {
        node.get("examples").fields().forEachRemaining(e -> record.accept(pointer + "/examples/" + e.getKey(),
            errors(pointer + "/schema", resolve(e.getValue()).path("value"))));
      }
      if (isSchemaPointer(pointer) && node.path("examples").isArray()) {
        for (int i = 0; i < node.get("examples").size(); i++) {
          record.accept(pointer + "/examples/" + i, errors(pointer, node.get("examples").get(i)));
        }
      }
    });
    assertThat(checked).as("examples checked").hasSizeGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Real responses against the document

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void pingMatchesTheDocument(String prefix) {
    Response response = server.get(prefix + "/ping", tenant.key());

    assertThat(response.status()).isEqualTo(200);
    assertConforms(response, "GET", "/ping");
  }

  @Test
  void companyLifecycleMatchesTheDocument() {
    Response created = sendJson("POST", "/company", "/company", """
        {"name": "Lifecycle Co", "externalId": "crm-1", "dataCollectionStartDate": "2023-04-01",
         "isImpliedMeteringEnabled": true, "impliedMeteringFraction": "0.5", "users": ["a@example.com"]}""");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();

    Response minimal = sendJson("POST", "/company", "/company", "{\"name\": \"Minimal Co\"}");
    assertThat(minimal.status()).isEqualTo(201);
    assertThat(minimal.json().get("externalId").isNull()).isTrue();

    Response form = server.send("POST", V + "/company", tenant.key(), "application/x-www-form-urlencoded",
        form("name", "Form Co", "isDemandEnabled", "on", "impliedMeteringFraction", "2.25",
            "users", "x@example.com", "users", "y@example.com"), Map.of());
    assertThat(form.status()).as(form.toString()).isEqualTo(201);
    assertConforms(form, "POST", "/company");

    Response site = server.postJson(V + "/site/company/" + id, tenant.key(), "{\"name\": \"Embedded\"}");
    assertThat(site.status()).isEqualTo(201);

    Response list = server.get(V + "/company", tenant.key());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().size()).isGreaterThanOrEqualTo(3);
    assertConforms(list, "GET", "/company");

    Response fetched = server.get(V + "/company/" + id, tenant.key());
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json().get("sites").size()).isEqualTo(1);
    assertConforms(fetched, "GET", "/company/{companyId}");

    Response patched = sendJson("PATCH", "/company/" + id, "/company/{companyId}",
        "{\"isDemandEnabled\": true, \"externalId\": null, \"impliedMeteringFraction\": 1.25, \"users\": []}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().get("impliedMeteringFraction").asText()).isEqualTo("1.25");

    Response multipart = sendMultipart("PATCH", V + "/company/" + id, "name", "Renamed Co", "externalId", "");
    assertThat(multipart.status()).as(multipart.toString()).isEqualTo(200);
    assertConforms(multipart, "PATCH", "/company/{companyId}");

    Response deleted = server.delete(V + "/company/" + id, tenant.key());
    assertThat(deleted.status()).isEqualTo(204);
    assertConforms(deleted, "DELETE", "/company/{companyId}");

    Response gone = server.get(V + "/company/" + id, tenant.key());
    assertThat(gone.status()).isEqualTo(404);
    assertConforms(gone, "GET", "/company/{companyId}");
  }

  @Test
  void siteLifecycleMatchesTheDocument() {
    String companyId = newCompany("Site Co");

    Response json = sendJson("POST", "/site/company/" + companyId, "/site/company/{companyId}", """
        {"name": "Head office", "externalId": "ESPM-1", "address": "1 Main St", "path": ["US", "CA"],
         "occupancyPercent": "87.5"}""");
    assertThat(json.status()).as(json.toString()).isEqualTo(201);
    assertThat(json.json().get("occupancyPercent").asText()).isEqualTo("87.5000");

    Response form = server.send("POST", V + "/company/" + companyId + "/site", tenant.key(),
        "application/x-www-form-urlencoded",
        form("name", "Warehouse", "path", "US", "path", "TX", "occupancyPercent", "100", "address", ""), Map.of());
    assertThat(form.status()).as(form.toString()).isEqualTo(201);
    assertThat(form.json().get("address").isNull()).isTrue();
    assertConforms(form, "POST", "/company/{companyId}/site");

    Response multipart = sendMultipart("POST", V + "/site/company/" + companyId,
        "name", "Plant", "path", "DE", "occupancyPercent", "0.0001", "externalId", "plant-7");
    assertThat(multipart.status()).as(multipart.toString()).isEqualTo(201);
    assertConforms(multipart, "POST", "/site/company/{companyId}");
    String siteId = multipart.json().get("id").asText();

    Response fetched = server.get(V + "/site/" + siteId, tenant.key());
    assertThat(fetched.status()).isEqualTo(200);
    assertConforms(fetched, "GET", "/site/{siteId}");

    Response patched = sendJson("PATCH", "/site/" + siteId, "/site/{siteId}",
        "{\"occupancyPercent\": null, \"path\": [], \"address\": \"2 Side St\"}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().get("occupancyPercent").isNull()).isTrue();

    Response archived = server.delete(V + "/site/" + siteId, tenant.key());
    assertThat(archived.status()).isEqualTo(204);
    assertConforms(archived, "DELETE", "/site/{siteId}");

    Response afterArchive = server.get(V + "/site/" + siteId, tenant.key());
    assertThat(afterArchive.json().get("dataCollectionStopDate").asText())
        .isEqualTo(LocalDate.now(server.clock()).toString());
    assertConforms(afterArchive, "GET", "/site/{siteId}");

    Response company = server.get(V + "/company/" + companyId, tenant.key());
    assertThat(company.json().get("sites").size()).isEqualTo(3);
    assertConforms(company, "GET", "/company/{companyId}");
  }

  @Test
  void validationErrorsMatchTheDocument() {
    String companyId = newCompany("Validation Co");

    Response longName = sendJson("POST", "/company", "/company", "{\"name\": \"" + "n".repeat(201) + "\"}");
    assertThat(longName.status()).isEqualTo(400);
    Response longestName = sendJson("POST", "/company", "/company", "{\"name\": \"" + "n".repeat(200) + "\"}");
    assertThat(longestName.status()).isEqualTo(201);

    Response missing = sendJson("POST", "/company", "/company", "{\"colour\": \"red\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("errors").has("name")).isTrue();
    assertThat(missing.json().path("errors").has("colour")).isTrue();

    Response wrongTypes = sendJson("PATCH", "/company/" + companyId, "/company/{companyId}",
        "{\"isDemandEnabled\": \"maybe\", \"impliedMeteringFraction\": \"12.345\", \"dataCollectionStartDate\": \"2024-02-30\"}");
    assertThat(wrongTypes.status()).isEqualTo(400);
    assertThat(wrongTypes.json().path("errors").size()).isEqualTo(3);
    for (String body : List.of("{\"isDemandEnabled\": \"maybe\"}", "{\"impliedMeteringFraction\": \"12.345\"}",
        "{\"dataCollectionStartDate\": \"2024-02-30\"}", "{\"users\": [\"not an address\"]}",
        "{\"name\": \"" + "n".repeat(201) + "\"}", "{\"externalId\": \"" + "e".repeat(256) + "\"}",
        "{\"impliedMeteringFraction\": 10}", "{\"dataCollectionStartDate\": null}")) {
      assertThat(sendJson("PATCH", "/company/" + companyId, "/company/{companyId}", body).status())
          .as(body).isEqualTo(400);
    }

    Response site = sendJson("POST", "/site/company/" + companyId, "/site/company/{companyId}",
        "{\"name\": \" \", \"occupancyPercent\": \"100.5\", \"path\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}");
    assertThat(site.status()).isEqualTo(400);
    assertThat(iterable(site.json().path("errors").fieldNames()))
        .containsExactlyInAnyOrder("name", "occupancyPercent", "path");
    for (String body : List.of("{\"name\": \"s\", \"occupancyPercent\": 100.5}",
        "{\"name\": \"s\", \"occupancyPercent\": \"1.23456\"}", "{\"name\": \"s\", \"path\": [\"\"]}",
        "{\"name\": \"s\", \"path\": \"US\"}", "{\"name\": \"" + "n".repeat(256) + "\"}",
        "{\"name\": \"s\", \"address\": 12}")) {
      assertThat(sendJson("POST", "/site/company/" + companyId, "/site/company/{companyId}", body).status())
          .as(body).isEqualTo(400);
    }

    Response malformedJson = server.postJson(V + "/company/" + companyId + "/site", tenant.key(), "{\"name\": ");
    assertThat(malformedJson.status()).isEqualTo(400);
    assertThat(malformedJson.json().has("errors")).isFalse();
    assertConforms(malformedJson, "POST", "/company/{companyId}/site");

    Response badKey = server.send("POST", V + "/company", tenant.key(), JSON, "{\"name\": \"X\"}",
        Map.of("Idempotency-Key", "x".repeat(256)));
    assertThat(badKey.status()).isEqualTo(400);
    assertConforms(badKey, "POST", "/company");

    Response sitePatch = sendJson("PATCH", "/site/" + newSite(companyId), "/site/{siteId}", "{\"name\": null}");
    assertThat(sitePatch.status()).isEqualTo(400);
  }

  @Test
  void authenticationAndTenancyErrorsMatchTheDocument() {
    String companyId = newCompany("Tenancy Co");
    String siteId = newSite(companyId);

    Response noKey = server.get(V + "/company", null);
    assertThat(noKey.status()).isEqualTo(401);
    assertConforms(noKey, "GET", "/company");

    Response unknownKey = server.get(V + "/ping", "nk_test_unknown");
    assertThat(unknownKey.status()).isEqualTo(401);
    assertConforms(unknownKey, "GET", "/ping");

    Response noKeyPost = server.postJson(V + "/site/company/" + companyId, null, "{\"name\": \"x\"}");
    assertThat(noKeyPost.status()).isEqualTo(401);
    assertConforms(noKeyPost, "POST", "/site/company/{companyId}");

    var stranger = server.tenant("Another Org", Environment.SANDBOX);
    var production = server.tenant("OpenAPI Org", Environment.PRODUCTION);
    for (String key : List.of(stranger.key(), production.key())) {
      Response company = server.get(V + "/company/" + companyId, key);
      assertThat(company.status()).isEqualTo(403);
      assertConforms(company, "GET", "/company/{companyId}");

      Response site = server.patchJson(V + "/site/" + siteId, key, "{\"name\": \"stolen\"}");
      assertThat(site.status()).isEqualTo(403);
      assertConforms(site, "PATCH", "/site/{siteId}");

      Response create = server.postJson(V + "/company/" + companyId + "/site", key, "{\"name\": \"x\"}");
      assertThat(create.status()).isEqualTo(403);
      assertConforms(create, "POST", "/company/{companyId}/site");

      Response delete = server.delete(V + "/site/" + siteId, key);
      assertThat(delete.status()).isEqualTo(403);
      assertConforms(delete, "DELETE", "/site/{siteId}");
    }
  }

  @Test
  void notFoundMethodAndMediaTypeErrorsMatchTheDocument() {
    String companyId = newCompany("Errors Co");

    Response noSuchCompany = server.get(V + "/company/0190f3a2-0000-7000-8000-000000000000", tenant.key());
    assertThat(noSuchCompany.status()).isEqualTo(404);
    assertThat(noSuchCompany.detail()).isEqualTo("Company not found.");
    assertConforms(noSuchCompany, "GET", "/company/{companyId}");

    Response malformedId = server.delete(V + "/site/not-a-uuid", tenant.key());
    assertThat(malformedId.status()).isEqualTo(404);
    assertConforms(malformedId, "DELETE", "/site/{siteId}");

    Response siteOfNoCompany = server.postJson(V + "/site/company/0190f3a2-0000-7000-8000-000000000000",
        tenant.key(), "{\"name\": \"x\"}");
    assertThat(siteOfNoCompany.status()).isEqualTo(404);
    assertConforms(siteOfNoCompany, "POST", "/site/company/{companyId}");

    Response put = server.send("PUT", V + "/company/" + companyId, tenant.key(), JSON, "{}", Map.of());
    assertThat(put.status()).isEqualTo(405);
    assertConformsForEveryOperation(put, "/company/{companyId}");

    Response postPing = server.send("POST", V + "/ping", tenant.key(), JSON, "{}", Map.of());
    assertThat(postPing.status()).isEqualTo(405);
    assertConformsForEveryOperation(postPing, "/ping");

    Response deleteHealth = server.delete("/healthz", null);
    assertThat(deleteHealth.status()).isEqualTo(405);
    assertConformsForEveryOperation(deleteHealth, "/healthz");

    Response text = server.send("POST", V + "/company", tenant.key(), "text/plain", "name=x", Map.of());
    assertThat(text.status()).isEqualTo(415);
    assertConforms(text, "POST", "/company");

    Response noType = server.send("PATCH", V + "/company/" + companyId, tenant.key(), null, "{}", Map.of());
    assertThat(noType.status()).isEqualTo(415);
    assertConforms(noType, "PATCH", "/company/{companyId}");
  }

  @Test
  void idempotentReplaysAndConflictsMatchTheDocument() {
    String key = "openapi-test-" + System.nanoTime();
    Response first = server.send("POST", V + "/company", tenant.key(), JSON, "{\"name\": \"Once Co\"}",
        Map.of("Idempotency-Key", key));
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertConforms(first, "POST", "/company");

    Response replay = server.send("POST", V + "/company", tenant.key(), "application/x-www-form-urlencoded",
        "name=Once+Co", Map.of("Idempotency-Key", key));
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.json()).isEqualTo(first.json());
    assertConforms(replay, "POST", "/company");

    Response conflict = server.send("POST", V + "/company", tenant.key(), JSON, "{\"name\": \"Twice Co\"}",
        Map.of("Idempotency-Key", key));
    assertThat(conflict.status()).isEqualTo(409);
    assertConforms(conflict, "POST", "/company");
  }

  @Test
  void requestIdsAreEchoedAsDocumented() {
    Response response = server.send("GET", V + "/ping", tenant.key(), null, null, Map.of("X-Request-Id", "trace:42_a.b-c"));

    assertThat(response.header("X-Request-Id")).isEqualTo("trace:42_a.b-c");
    assertConforms(response, "GET", "/ping");
  }

  @Test
  void limitResponsesMatchTheDocument() {
    // Small limits, so that a body over the limit is small enough to be sent whole before the server
    // answers (a 1 MiB body can meet a closed connection half-way).
    try (TestServer limited = TestServer.start(Map.of("NECTAR_MAX_BODY_BYTES", "1024",
        "NECTAR_MAX_REQUESTS_PER_SECOND_PER_KEY", "1"))) {
      var key = limited.tenant("Limited Org", Environment.SANDBOX).key();
      String big = "{\"name\": \"" + "x".repeat(2000) + "\"}";

      Response tooLarge = limited.postJson(V + "/company", key, big);
      assertThat(tooLarge.status()).isEqualTo(413);
      assertConforms(tooLarge, "POST", "/company");

      Response tooLargePatch = limited.patchJson(V + "/site/0190f3a2-0000-7000-8000-000000000000", key, big);
      assertThat(tooLargePatch.status()).isEqualTo(413);
      assertConforms(tooLargePatch, "PATCH", "/site/{siteId}");

      Response response = null;
      for (int i = 0; i < 20 && (response == null || response.status() != 429); i++) {
        response = limited.get(V + "/company", key);
      }
      assertThat(response.status()).isEqualTo(429);
      assertThat(response.header("Retry-After")).isEqualTo("1");
      assertConforms(response, "GET", "/company");
    }
  }

  @Test
  void operationalResponsesMatchTheDocument() {
    assertConforms(server.get("/healthz", null), "GET", "/healthz");
    assertConforms(server.get("/readyz", null), "GET", "/readyz");
    Response metrics = server.get("/metrics", null);
    assertThat(metrics.body()).contains("http_server_requests");
    assertConforms(metrics, "GET", "/metrics");
    assertConforms(specResponse, "GET", "/openapi.json");
    assertConforms(server.get("/docs", null), "GET", "/docs");
  }

  @Test
  void theDocsPageRendersThisDocumentWithAssetsServedLocally() {
    Response page = server.get("/docs", null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<html").contains("/openapi.json");
    Matcher assets = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
    List<String> found = new ArrayList<>();
    while (assets.find()) {
      found.add(assets.group(1));
    }
    assertThat(found).anyMatch(a -> a.matches("/webjars/swagger-ui/[^/]+/swagger-ui-bundle\\.js"));
    for (String asset : found) {
      Response response = server.get(asset, null);
      assertThat(response.status()).as("GET %s", asset).isEqualTo(200);
      assertThat(response.body()).as("GET %s", asset).isNotBlank();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Connections, accounts, meters, intervals, sandbox bills and signed file links

  /** A company with two sites and a sandbox connection whose accounts, meters and data have arrived. */
  private record Sandbox(String companyId, List<String> siteIds, String connectionId, Response created) {}

  private static Sandbox sandbox;

  /** The shared sandbox connection, created by the first test that needs it. */
  private static synchronized Sandbox sandbox() {
    if (sandbox == null) {
      String companyId = newCompany("Sandbox Co");
      List<String> siteIds = List.of(newSite(companyId), newSite(companyId));
      // Two months of history keep the collection small and quick.
      String start = LocalDate.now(server.clock()).withDayOfMonth(1).minusMonths(2).toString();
      Response created = sendJson("POST", "/connection/company/" + companyId, "/connection/company/{companyId}", """
          {"url": "https://nectarclimate.com", "username": "nectar-sandbox-username",
           "password": "nectar-sandbox-password", "sites": ["%s", "%s"], "country": "US",
           "dataCollectionStartDate": "%s"}""".formatted(siteIds.get(0), siteIds.get(1), start));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String connectionId = created.json().get("id").asText();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
          server.get(V + "/connection/" + connectionId + "/details", tenant.key()).json().path("accounts").size() > 0);
      // Intervals are written last: once there are some, every kind of object exists.
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
          server.get(V + "/interval/connection/" + connectionId, tenant.key()).json().path("totalIntervals").asInt() > 0);
      sandbox = new Sandbox(companyId, siteIds, connectionId, created);
    }
    return sandbox;
  }

  @Test
  void invitationsAndMagicLinksMatchTheDocument() {
    Sandbox s = sandbox();
    String siteId = s.siteIds().get(0);
    Response created = sendJson("POST", "/invitation/company/" + s.companyId(), "/invitation/company/{companyId}", """
        {"allowedEmails": ["Ops@Example.com"], "expiresInSeconds": 3600, "maxUses": 2, "sendEmail": true,
         "prefill": {"url": "https://nectarclimate.com", "initialSites": ["%s"], "utilityTypes": ["GAS"],
                     "country": "us", "connectionOwnerEmail": "owner@example.com", "dataCollectionStartDate": null}}"""
        .formatted(siteId));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().at("/emailDelivery/0/status").asText()).isEqualTo("NOT_CONFIGURED");
    String id = created.json().get("id").asText();
    Response bare = sendJson("POST", "/invitation/company/" + s.companyId(), "/invitation/company/{companyId}", "{}");
    assertThat(bare.status()).isEqualTo(201);
    Response form = server.send("POST", V + "/invitation/company/" + s.companyId(), tenant.key(),
        "application/x-www-form-urlencoded", form("allowedEmails", "a@example.com", "allowedEmails", "b@example.com",
            "maxUses", "3", "sendEmail", "false"), Map.of());
    assertThat(form.status()).as(form.toString()).isEqualTo(201);
    assertConforms(form, "POST", "/invitation/company/{companyId}");
    for (String bad : List.of("{\"maxUses\": 0}", "{\"expiresInSeconds\": 59.5}", "{\"prefill\": {\"country\": \"USA\"}}",
        "{\"allowedEmails\": [\"nobody\"]}", "{\"prefill\": {\"bogus\": 1}}", "{\"sendEmail\": true}")) {
      Response refused = sendJson("POST", "/invitation/company/" + s.companyId(), "/invitation/company/{companyId}", bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
    }
    Response reconnect = sendJson("POST", "/invitation/connection/" + s.connectionId(),
        "/invitation/connection/{connectionId}", "{\"maxUses\": 1, \"prefill\": {}}");
    assertThat(reconnect.status()).as(reconnect.toString()).isEqualTo(201);
    Response withPrefill = sendJson("POST", "/invitation/connection/" + s.connectionId(),
        "/invitation/connection/{connectionId}", "{\"prefill\": {\"country\": \"US\"}}");
    assertThat(withPrefill.status()).isEqualTo(400);

    Response list = server.get(V + "/invitation/company/" + s.companyId(), tenant.key());
    assertThat(list.status()).isEqualTo(200);
    assertConforms(list, "GET", "/invitation/company/{companyId}");
    Response detail = server.get(V + "/invitation/" + id, tenant.key());
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.json().get("events").size()).isEqualTo(2);
    assertConforms(detail, "GET", "/invitation/{invitationId}");
    Response revoked = server.send("POST", V + "/invitation/" + id + "/revoke", tenant.key(), null, null, Map.of());
    assertThat(revoked.status()).isEqualTo(200);
    assertConforms(revoked, "POST", "/invitation/{invitationId}/revoke");

    for (String[] path : new String[][] {{"/connection/company/" + s.companyId() + "/link",
        "/connection/company/{companyId}/link"}, {"/company/" + s.companyId() + "/connection/link",
        "/company/{companyId}/connection/link"}}) {
      Response get = server.get(V + path[0], tenant.key());
      assertThat(get.status()).isEqualTo(200);
      assertConforms(get, "GET", path[1]);
      Response post = sendJson("POST", path[0], path[1], "{\"sites\": [\"" + siteId + "\"], "
          + "\"url\": \"https://nectarclimate.com\", \"dataCollectionStartDate\": null}");
      assertThat(post.status()).as(post.toString()).isEqualTo(200);
      assertThat(sendJson("POST", path[0], path[1], "{\"sites\": [\"nope\"]}").status()).isEqualTo(400);
    }
    Response edit = server.get(V + "/connection/" + s.connectionId(), tenant.key());
    assertThat(edit.status()).isEqualTo(200);
    assertThat(edit.json().get("connectionMagicLinkSecret").isTextual()).isTrue();
    assertConforms(edit, "GET", "/connection/{connectionId}");
    Response editPost = server.send("POST", V + "/connection/" + s.connectionId(), tenant.key(), null, null, Map.of());
    assertThat(editPost.status()).isEqualTo(200);
    assertConforms(editPost, "POST", "/connection/{connectionId}");
  }

  private static String connectionBody(String username, String password, String siteId) {
    return """
        {"url": "https://nectarclimate.com", "username": "%s", "password": "%s", "sites": ["%s"], "country": "US"}"""
        .formatted(username, password, siteId);
  }

  @Test
  void connectionCreateAndDetailsMatchTheDocument() {
    Sandbox s = sandbox();
    JsonNode created = s.created().json();
    assertThat(created.get("status").asText()).isEqualTo("CONNECTED");
    assertThat(created.get("accounts").size()).isZero();
    assertThat(created.toString()).doesNotContain("nectar-sandbox-password");

    Response details = server.get(V + "/connection/" + s.connectionId() + "/details", tenant.key());
    assertThat(details.status()).isEqualTo(200);
    assertThat(details.json().get("accounts").size()).isGreaterThanOrEqualTo(2);
    assertConforms(details, "GET", "/connection/{connectionId}/details");

    // Every optional field, through the guide-style path.
    String siteId = s.siteIds().get(0);
    Response everything = sendJson("POST", "/company/" + s.companyId() + "/connection", "/company/{companyId}/connection",
        """
        {"url": "https://nectarclimate.com", "username": "nectar-sandbox-username",
         "password": "nectar-sandbox-password", "sites": ["%s"], "country": "gb",
         "datasourceTypes": ["ELECTRICITY"], "initialDatasourceTypes": ["GAS"], "utilityTypes": ["GAS", "WATER"],
         "dataCollectionStartDate": null, "connectionOwnerEmail": "owner@example.com",
         "multiplyByOccupancy": true, "externalId": "crm-conn-1"}""".formatted(siteId));
    assertThat(everything.status()).as(everything.toString()).isEqualTo(201);
    assertThat(everything.json().get("country").asText()).isEqualTo("GB");
    assertThat(texts(everything.json().get("initialDatasourceTypes"))).containsExactly("ELECTRICITY", "GAS", "WATER");
    assertThat(everything.json().get("workflowOwnerEmail").asText()).isEqualTo("owner@example.com");

    // A form body, and the sandbox failure scenarios: created, with an error status and its detail.
    Response form = server.send("POST", V + "/connection/company/" + s.companyId(), tenant.key(),
        "application/x-www-form-urlencoded", form("url", "https://nectarclimate.com", "username",
            "nectar-sandbox-website-down", "password", "nectar-sandbox-password", "sites", siteId, "sites",
            s.siteIds().get(1), "country", "US", "datasourceTypes", "SOLAR", "multiplyByOccupancy", "yes"), Map.of());
    assertThat(form.status()).as(form.toString()).isEqualTo(201);
    assertThat(form.json().get("status").asText()).isEqualTo("WEBSITE_DOWN");
    assertConforms(form, "POST", "/connection/company/{companyId}");
    for (String[] scenario : new String[][] {{"nectar-sandbox-mfa", "MFA_TOKEN_EXPIRED"},
        {"nectar-sandbox-no-accounts", "NO_ACCOUNTS_FOUND"}, {"someone-else", "INCORRECT_PASSWORD"}}) {
      Response failed = sendJson("POST", "/connection/company/" + s.companyId(), "/connection/company/{companyId}",
          connectionBody(scenario[0], "nectar-sandbox-password", siteId));
      assertThat(failed.status()).isEqualTo(201);
      assertThat(failed.json().get("status").asText()).isEqualTo(scenario[1]);
      assertThat(failed.json().get("statusErrorDetail").asText()).isNotBlank();
    }

    Response multipart = sendMultipart("POST", V + "/company/" + s.companyId() + "/connection",
        "url", "https://nectarclimate.com", "username", "nectar-sandbox-username", "password", "wrong",
        "sites", siteId, "country", "US", "externalId", "");
    assertThat(multipart.status()).as(multipart.toString()).isEqualTo(201);
    assertThat(multipart.json().get("status").asText()).isEqualTo("INCORRECT_PASSWORD");
    assertConforms(multipart, "POST", "/company/{companyId}/connection");
  }

  @Test
  void aConnectionToAnUtilityWithoutCollectorMatchesTheDocument() {
    var production = server.tenant("OpenAPI Org", Environment.PRODUCTION);
    String companyId = server.postJson(V + "/company", production.key(), "{\"name\": \"Live Co\"}").json()
        .get("id").asText();
    String siteId = server.postJson(V + "/site/company/" + companyId, production.key(), "{\"name\": \"S\"}").json()
        .get("id").asText();

    Response created = server.postJson(V + "/connection/company/" + companyId, production.key(), """
        {"url": "https://www.example-utility.com/login", "username": "someone", "password": " p a s s ",
         "sites": ["%s"], "country": "DE"}""".formatted(siteId));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("status").asText()).isEqualTo("PENDING");
    assertThat(created.json().at("/datasource/name").isNull()).isTrue();
    assertConforms(created, "POST", "/connection/company/{companyId}");

    // Only a sandbox connection gets bills on demand.
    String connectionId = created.json().get("id").asText();
    Response bill = server.send("POST", V + "/sandbox/connection/" + connectionId + "/bill", production.key(), null,
        null, Map.of());
    assertThat(bill.status()).as(bill.toString()).isEqualTo(400);
    assertConforms(bill, "POST", "/sandbox/connection/{connectionId}/bill");

    // A sandbox key asking for a production connection.
    Response stranger = server.get(V + "/connection/" + connectionId + "/details", tenant.key());
    assertThat(stranger.status()).isEqualTo(403);
    assertConforms(stranger, "GET", "/connection/{connectionId}/details");
  }

  @Test
  void connectionCreateErrorsMatchTheDocument() {
    Sandbox s = sandbox();
    String path = "/connection/company/" + s.companyId();
    String template = "/connection/company/{companyId}";

    Response missing = sendJson("POST", path, template, "{\"url\": \"https://nectarclimate.com\", \"colour\": \"red\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(iterable(missing.json().path("errors").fieldNames()))
        .contains("username", "password", "sites", "country", "colour");
    for (String body : List.of(
        connectionBody("u", "p", "not-a-uuid"),
        "{\"url\": \"https://nectarclimate.com\", \"username\": \"u\", \"password\": \"p\", \"sites\": [], \"country\": \"US\"}",
        "{\"url\": \"https://nectarclimate.com\", \"username\": \"u\", \"password\": \"p\", \"sites\": \"" + s.siteIds().get(0)
            + "\", \"country\": \"US\"}",
        connectionBody("u", "p", s.siteIds().get(0)).replace("\"US\"", "\"USA\""),
        connectionBody("u", "p", s.siteIds().get(0)).replace("\"US\"", "\"US\", \"datasourceTypes\": [\"STEAM\"]"),
        connectionBody("u", "p", s.siteIds().get(0)).replace("\"US\"", "\"US\", \"multiplyByOccupancy\": \"yes\""),
        connectionBody("u", "p", s.siteIds().get(0)).replace("\"US\"", "\"US\", \"workflowOwnerEmail\": \"nobody\""),
        connectionBody("u", "p", s.siteIds().get(0)).replace("\"US\"", "\"US\", \"dataCollectionStartDate\": \"2024-02-30\""),
        connectionBody(" ", "p", s.siteIds().get(0)),
        connectionBody("u", "p", s.siteIds().get(0)).replace("\"US\"", "\"US\", \"externalId\": \"" + "e".repeat(256) + "\""))) {
      Response response = sendJson("POST", path, template, body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.json().has("errors")).as(body).isTrue();
    }

    // Rules beyond the body's shape: the document accepts these bodies, the server refuses them.
    String foreignSite = newSite(newCompany("Foreign Sites Co"));
    Response foreign = server.postJson(V + path, tenant.key(), connectionBody("u", "p", foreignSite));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.json().path("errors").has("sites")).isTrue();
    assertConforms(foreign, "POST", template);

    Response realUtility = server.postJson(V + path, tenant.key(), connectionBody("u", "p", s.siteIds().get(0))
        .replace("https://nectarclimate.com", "https://www.example-utility.com"));
    assertThat(realUtility.status()).isEqualTo(400);
    assertThat(realUtility.json().path("errors").has("url")).isTrue();
    assertConforms(realUtility, "POST", template);

    List<String> four = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      four.add("\"" + newSite(s.companyId()) + "\"");
    }
    Response tooManySites = server.postJson(V + path, tenant.key(), connectionBody("u", "p", "x")
        .replace("[\"x\"]", "[" + String.join(",", four) + "]"));
    assertThat(tooManySites.status()).isEqualTo(400);
    assertConforms(tooManySites, "POST", template);

    Response malformedJson = server.postJson(V + path, tenant.key(), "{\"url\": ");
    assertThat(malformedJson.status()).isEqualTo(400);
    assertConforms(malformedJson, "POST", template);
  }

  @Test
  void connectionListsMatchTheDocument() {
    Sandbox s = sandbox();
    String companyId = s.companyId();
    // A second connection, with an owner, for one site only; and a failed one.
    Response owned = server.postJson(V + "/connection/company/" + companyId, tenant.key(),
        connectionBody("nectar-sandbox-username", "nectar-sandbox-password", s.siteIds().get(1))
            .replace("\"US\"", "\"US\", \"workflowOwnerEmail\": \"Lists.Owner@Example.com\""));
    assertThat(owned.status()).isEqualTo(201);
    Response failed = server.postJson(V + "/connection/company/" + companyId, tenant.key(),
        connectionBody("nobody", "wrong", s.siteIds().get(1)));
    assertThat(failed.status()).isEqualTo(201);

    Response all = list("/connection/company/{companyId}", "/connection/company/" + companyId);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().get("totalConnections").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(all.json().get("perPage").asInt()).isEqualTo(100);

    Response alias = list("/company/{companyId}/connection", "/company/" + companyId + "/connection");
    // The same connections (their accounts may still be arriving in the background).
    assertThat(texts(alias.json().get("connections"), "id")).isEqualTo(texts(all.json().get("connections"), "id"));

    Response second = list("/connection/company/{companyId}", "/connection/company/" + companyId, "limit", "1",
        "page", "2");
    assertThat(second.json().get("perPage").asInt()).isEqualTo(1);
    assertThat(second.json().get("currentPage").asInt()).isEqualTo(2);
    assertThat(second.json().get("hasPrevious").asBoolean()).isTrue();
    assertThat(second.json().get("connections").size()).isEqualTo(1);

    Response pastTheEnd = list("/connection/company/{companyId}", "/connection/company/" + companyId, "limit", "500",
        "page", "99999999999");
    assertThat(pastTheEnd.json().get("currentPage").asInt()).isEqualTo(1);

    Response byStatus = list("/connection/company/{companyId}", "/connection/company/" + companyId,
        "status", "PASSWORD_INCORRECT");
    assertThat(texts(byStatus.json().get("connections"), "status")).isNotEmpty().containsOnly("INCORRECT_PASSWORD");

    Response bySites = list("/connection/company/{companyId}", "/connection/company/" + companyId,
        "sites", s.siteIds().get(0), "sites", "0190f3a2-0000-7000-8000-000000000000", "status", "CONNECTED");
    assertThat(texts(bySites.json().get("connections"), "id")).contains(s.connectionId())
        .doesNotContain(owned.json().get("id").asText());

    Response byOwner = list("/connection/company/{companyId}", "/connection/company/" + companyId,
        "connectionOwnerEmail", "lists.owner@example.com");
    assertThat(texts(byOwner.json().get("connections"), "id")).containsExactly(owned.json().get("id").asText());

    for (String[] bad : new String[][] {{"limit", "0"}, {"limit", "501"}, {"limit", "ten"}, {"page", "0"},
        {"page", "1.5"}, {"status", "LOST"}, {"sites", "not-a-uuid"}}) {
      Response response = list("/connection/company/{companyId}", "/connection/company/" + companyId, bad);
      assertThat(response.status()).as("%s=%s", bad[0], bad[1]).isEqualTo(400);
      assertThat(response.json().path("errors").has(bad[0])).as("%s=%s", bad[0], bad[1]).isTrue();
    }
  }

  @Test
  void meterResponsesMatchTheDocument() {
    Sandbox s = sandbox();

    Response byConnection = list("/meter/connection/{connectionId}", "/meter/connection/" + s.connectionId());
    assertThat(byConnection.status()).isEqualTo(200);
    JsonNode meters = byConnection.json().get("meters");
    assertThat(meters.size()).isGreaterThanOrEqualTo(2);
    Set<String> types = new TreeSet<>(texts(meters, "datasourceType"));
    assertThat(types).contains("ELECTRICITY", "GAS", "WATER", "SOLAR", "FUEL");

    for (JsonNode meter : meters) {
      Response one = server.get(V + "/meter/" + meter.get("id").asText(), tenant.key());
      assertThat(one.status()).isEqualTo(200);
      assertThat(one.json()).isEqualTo(meter);
      assertConforms(one, "GET", "/meter/{meterId}");
    }

    Response byCompany = list("/meter/company/{companyId}", "/meter/company/" + s.companyId());
    assertThat(byCompany.json().get("totalMeters").asInt()).isGreaterThanOrEqualTo(meters.size());
    Response alias = list("/company/{companyId}/meter", "/company/" + s.companyId() + "/meter", "page", "7");
    assertThat(alias.json().get("currentPage").asInt()).isEqualTo(1);
    Response bySite = list("/meter/site/{siteId}", "/meter/site/" + s.siteIds().get(0));
    assertThat(texts(bySite.json().get("meters"), "site")).isNotEmpty().containsOnly(s.siteIds().get(0));
    Response empty = list("/meter/site/{siteId}", "/meter/site/" + newSite(s.companyId()));
    assertThat(empty.json().get("totalMeters").asInt()).isZero();
    assertThat(empty.json().get("totalPages").asInt()).isEqualTo(1);

    Response badPage = list("/meter/company/{companyId}", "/meter/company/" + s.companyId(), "page", "-1");
    assertThat(badPage.status()).isEqualTo(400);
  }

  @Test
  void accountUpdatesMatchTheDocument() {
    Sandbox s = sandbox();
    JsonNode accounts = server.get(V + "/connection/" + s.connectionId() + "/details", tenant.key()).json()
        .get("accounts");
    String first = accounts.get(0).get("id").asText();
    String second = accounts.get(1).get("id").asText();

    Response untracked = sendJson("PATCH", "/account/" + first, "/account/{accountId}",
        "{\"isTracked\": false, \"updateMeters\": false}");
    assertThat(untracked.status()).as(untracked.toString()).isEqualTo(200);
    assertThat(untracked.json().get("trackingStatus").asText()).isEqualTo("DISABLED");
    assertThat(untracked.json().get("isTracked").asBoolean()).isFalse();

    Response form = server.send("PATCH", V + "/account/" + first, tenant.key(), "application/x-www-form-urlencoded",
        form("isTracked", "true"), Map.of());
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    assertThat(form.json().get("trackingStatus").asText()).isEqualTo("ENABLED");
    assertConforms(form, "PATCH", "/account/{accountId}");

    Response bulk = sendJson("PATCH", "/account/company/" + s.companyId(), "/account/company/{companyId}",
        "{\"accounts\": [\"%s\", \"%s\", \"%s\"], \"isTracked\": false}".formatted(first, second, second));
    assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
    assertThat(texts(bulk.json(), "trackingStatus")).containsExactly("DISABLED", "DISABLED");
    String meterId = bulk.json().get(0).get("meters").get(0).asText();
    assertThat(server.get(V + "/meter/" + meterId, tenant.key()).json().get("isTracked").asBoolean()).isFalse();

    Response alias = sendMultipart("PATCH", V + "/company/" + s.companyId() + "/account",
        "accounts", first, "accounts", second, "isTracked", "on", "updateMeters", "true");
    assertThat(alias.status()).as(alias.toString()).isEqualTo(200);
    assertConforms(alias, "PATCH", "/company/{companyId}/account");

    for (String body : List.of("{}", "{\"isTracked\": \"maybe\"}", "{\"isTracked\": true, \"colour\": 1}",
        "{\"isTracked\": null}")) {
      Response response = sendJson("PATCH", "/account/" + first, "/account/{accountId}", body);
      assertThat(response.status()).as(body).isEqualTo(400);
    }
    for (String body : List.of("{\"isTracked\": true}", "{\"accounts\": [], \"isTracked\": true}",
        "{\"accounts\": [\"x\"], \"isTracked\": true}", "{\"accounts\": \"" + first + "\", \"isTracked\": true}",
        "{\"accounts\": [\"" + first + "\"]}")) {
      Response response = sendJson("PATCH", "/company/" + s.companyId() + "/account", "/company/{companyId}/account",
          body);
      assertThat(response.status()).as(body).isEqualTo(400);
    }

    // All or nothing: an account of another company fails the whole request (the document cannot
    // tell, the server can).
    Response foreign = server.patchJson(V + "/account/company/" + newCompany("No Accounts Co"), tenant.key(),
        "{\"accounts\": [\"%s\"], \"isTracked\": true}".formatted(first));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.json().path("errors").has("accounts")).isTrue();
    assertConforms(foreign, "PATCH", "/account/company/{companyId}");
    assertThat(server.get(V + "/connection/" + s.connectionId() + "/details", tenant.key()).json()
        .at("/accounts/0/trackingStatus").asText()).isEqualTo("ENABLED");
  }

  @Test
  void intervalListsMatchTheDocument() {
    Sandbox s = sandbox();
    String path = "/interval/connection/" + s.connectionId();
    String template = "/interval/connection/{connectionId}";

    Response all = list(template, path);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().get("intervals").size()).isEqualTo(Math.min(100, all.json().get("totalIntervals").asInt()));
    JsonNode first = all.json().at("/intervals/0");

    Response second = list(template, path, "page", "2");
    assertThat(second.json().get("currentPage").asInt()).isEqualTo(2);

    String start = first.get("start").asText();
    Response window = list(template, path, "datasourceType", "ELECTRICITY", "datasourceType", "SOLAR",
        "startDate", start.substring(0, 10), "endDate", first.get("end").asText(), "identifier", first.at("/identifiers/0/value").asText());
    assertThat(window.status()).isEqualTo(200);
    assertThat(window.json().get("totalIntervals").asInt()).isGreaterThanOrEqualTo(1);

    Response none = list(template, path, "datasourceType", "WASTE");
    assertThat(none.json().get("totalIntervals").asInt()).isZero();

    for (String[] bad : new String[][] {{"startDate", "yesterday"}, {"endDate", "2024-01-31T23:59:59"},
        {"datasourceType", "STEAM"}, {"page", "0"}}) {
      Response response = list(template, path, bad);
      assertThat(response.status()).as("%s=%s", bad[0], bad[1]).isEqualTo(400);
      assertThat(response.json().path("errors").has(bad[0])).as("%s=%s", bad[0], bad[1]).isTrue();
    }
    Response blankIdentifier = server.get(V + path + "?identifier=---", tenant.key());
    assertThat(blankIdentifier.status()).isEqualTo(400);
    assertConforms(blankIdentifier, "GET", template);
  }

  @Test
  void sandboxBillsMatchTheDocument() {
    Sandbox s = sandbox();
    String path = "/sandbox/connection/" + s.connectionId() + "/bill";
    String template = "/sandbox/connection/{connectionId}/bill";

    Response noBody = server.send("POST", V + path, tenant.key(), null, null, Map.of());
    assertThat(noBody.status()).as(noBody.toString()).isEqualTo(201);
    assertThat(noBody.json().get("connection").asText()).isEqualTo(s.connectionId());
    assertThat(noBody.json().get("bills").size()).isGreaterThanOrEqualTo(2);
    assertConforms(noBody, "POST", template);

    Response emptyObject = sendJson("POST", path, template, "{}");
    assertThat(emptyObject.status()).as(emptyObject.toString()).isEqualTo(201);
    assertThat(emptyObject.json().at("/bills/0/billDate").asText())
        .isGreaterThan(noBody.json().at("/bills/0/billDate").asText());

    Response field = sendJson("POST", path, template, "{\"month\": \"2025-01\"}");
    assertThat(field.status()).isEqualTo(400);

    String failed = server.postJson(V + "/connection/company/" + s.companyId(), tenant.key(),
        connectionBody("nectar-sandbox-username", "wrong", s.siteIds().get(0))).json().get("id").asText();
    Response notConnected = server.send("POST", V + "/sandbox/connection/" + failed + "/bill", tenant.key(), JSON, "{}",
        Map.of());
    assertThat(notConnected.status()).isEqualTo(409);
    assertConforms(notConnected, "POST", template);
  }

  @Test
  void newRoutesAnswerNotFoundAndForbiddenAsDocumented() {
    Sandbox s = sandbox();
    JsonNode account = server.get(V + "/connection/" + s.connectionId() + "/details", tenant.key()).json()
        .at("/accounts/0");
    String accountId = account.get("id").asText();
    String meterId = account.at("/meters/0").asText();
    String missing = "0190f3a2-0000-7000-8000-000000000000";
    var stranger = server.tenant("Another Org", Environment.SANDBOX);

    record Call(String method, String template, String path, String body) {}
    List<Call> calls = List.of(
        new Call("GET", "/connection/company/{companyId}", "/connection/company/%s", null),
        new Call("POST", "/connection/company/{companyId}", "/connection/company/%s",
            connectionBody("u", "p", s.siteIds().get(0))),
        new Call("GET", "/company/{companyId}/connection", "/company/%s/connection", null),
        new Call("POST", "/company/{companyId}/connection", "/company/%s/connection",
            connectionBody("u", "p", s.siteIds().get(0))),
        new Call("PATCH", "/account/company/{companyId}", "/account/company/%s",
            "{\"accounts\": [\"" + accountId + "\"], \"isTracked\": true}"),
        new Call("PATCH", "/company/{companyId}/account", "/company/%s/account",
            "{\"accounts\": [\"" + accountId + "\"], \"isTracked\": true}"),
        new Call("GET", "/meter/company/{companyId}", "/meter/company/%s", null),
        new Call("GET", "/company/{companyId}/meter", "/company/%s/meter", null));
    List<Call> byOtherIds = List.of(
        new Call("GET", "/connection/{connectionId}/details", "/connection/%s/details", null),
        new Call("GET", "/meter/connection/{connectionId}", "/meter/connection/%s", null),
        new Call("GET", "/interval/connection/{connectionId}", "/interval/connection/%s", null),
        new Call("POST", "/sandbox/connection/{connectionId}/bill", "/sandbox/connection/%s/bill", "{}"),
        new Call("GET", "/meter/site/{siteId}", "/meter/site/%s", null),
        new Call("GET", "/meter/{meterId}", "/meter/%s", null),
        new Call("PATCH", "/account/{accountId}", "/account/%s", "{\"isTracked\": true}"));
    Map<String, String> ids = Map.of("{companyId}", s.companyId(), "{connectionId}", s.connectionId(),
        "{siteId}", s.siteIds().get(0), "{meterId}", meterId, "{accountId}", accountId);

    List<Call> every = new ArrayList<>(calls);
    every.addAll(byOtherIds);
    for (Call call : every) {
      String id = ids.entrySet().stream().filter(e -> call.template().contains(e.getKey())).findFirst().orElseThrow()
          .getValue();
      for (String[] attempt : new String[][] {{"not-a-uuid", tenant.key(), "404"}, {missing, tenant.key(), "404"},
          {id, stranger.key(), "403"}, {id, null, "401"}}) {
        Response response = server.send(call.method(), V + call.path().formatted(attempt[0]), attempt[1],
            call.body() == null ? null : JSON, call.body(), Map.of());
        assertThat(response.status()).as("%s %s as %s", call.method(), call.path().formatted(attempt[0]), attempt[2])
            .isEqualTo(Integer.parseInt(attempt[2]));
        assertConforms(response, call.method(), call.template());
      }
    }

    Response put = server.send("PUT", V + "/meter/" + meterId, tenant.key(), JSON, "{}", Map.of());
    assertThat(put.status()).isEqualTo(405);
    assertConformsForEveryOperation(put, "/meter/{meterId}");
    Response text = server.send("PATCH", V + "/account/" + accountId, tenant.key(), "text/plain", "isTracked=true",
        Map.of());
    assertThat(text.status()).isEqualTo(415);
    assertConforms(text, "PATCH", "/account/{accountId}");
  }

  @Test
  void signedFileLinksMatchTheDocument() throws java.io.IOException {
    Sandbox s = sandbox();
    String key = await().atMost(Duration.ofSeconds(30)).until(() -> server.server().database().jdbi().withHandle(h ->
        h.createQuery("select blob_key from document where connection_id = :id and blob_key is not null limit 1")
            .bind("id", java.util.UUID.fromString(s.connectionId())).mapTo(String.class).findOne().orElse(null)),
        java.util.Objects::nonNull);
    SignedLinks links = new SignedLinks(ServerSecret.load(server.server().config()), server.clock());
    String link = links.link("", key, Duration.ofHours(24));

    Response file = server.get(link, null);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(file.body()).startsWith("%PDF");
    assertConforms(file, "GET", "/files/{key}");

    Response altered = server.get(link.replace("expires=", "expires=1"), null);
    assertThat(altered.status()).isEqualTo(403);
    assertConforms(altered, "GET", "/files/{key}");

    Response unsigned = server.get("/files/" + key, null);
    assertThat(unsigned.status()).isEqualTo(403);
    assertConforms(unsigned, "GET", "/files/{key}");

    Response gone = server.get(links.link("", "connections/nothing/here.pdf", Duration.ofMinutes(5)), null);
    assertThat(gone.status()).isEqualTo(404);
    assertConforms(gone, "GET", "/files/{key}");

    Response post = server.send("POST", link, null, JSON, "{}", Map.of());
    assertThat(post.status()).isEqualTo(405);
    assertConformsForEveryOperation(post, "/files/{key}");
  }

  /**
   * GETs {@code V + path} with query parameters given as name, value pairs, and checks the request
   * and the response against the document: every parameter is documented for the operation, the
   * values of a request the server accepted validate against the parameters' schemas, and the
   * response conforms.
   */
  private static Response list(String template, String path, String... query) {
    return listIn(null, template, path, query);
  }

  /**
   * As {@link #list}, under {@code prefix}; a 200 is also validated against the schema of that
   * version (see {@link #assertConformsVersioned}). A null prefix means {@link #V} without the
   * version check.
   */
  private static Response listIn(String prefix, String template, String path, String... query) {
    List<String> pairs = new ArrayList<>();
    Map<String, List<String>> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < query.length; i += 2) {
      pairs.add(URLEncoder.encode(query[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(query[i + 1],
          StandardCharsets.UTF_8));
      values.computeIfAbsent(query[i], k -> new ArrayList<>()).add(query[i + 1]);
    }
    Response response = server.get((prefix == null ? V : prefix) + path
        + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs)), tenant.key());
    String operation = "/paths/" + escape(template) + "/get";
    Map<String, String> parameterPointers = new java.util.HashMap<>();
    for (String level : List.of("/paths/" + escape(template) + "/parameters", operation + "/parameters")) {
      for (int i = 0; i < spec.at(level).size(); i++) {
        String pointer = resolvePointer(level + "/" + i);
        if (spec.at(pointer).path("in").asText().equals("query")) {
          parameterPointers.put(spec.at(pointer).path("name").asText(), pointer);
        }
      }
    }
    assertThat(parameterPointers.keySet()).as("query parameters of GET %s", template).containsAll(values.keySet());
    if (response.status() == 200) {
      values.forEach((name, given) -> {
        JsonNode schema = spec.at(parameterPointers.get(name) + "/schema");
        JsonNode instance;
        if (schema.path("type").asText().equals("array")) {
          var array = io.nectar.http.Json.array();
          given.forEach(array::add);
          instance = array;
        } else {
          assertThat(given).as("%s is not repeatable", name).hasSize(1);
          String value = given.get(0);
          if (schema.path("type").asText().equals("integer") && value.matches("-?\\d+")) {
            instance = io.nectar.http.Json.MAPPER.getNodeFactory().numberNode(new java.math.BigInteger(value));
          } else if (schema.path("type").asText().equals("boolean") && value.matches("true|false")) {
            instance = BooleanNode.valueOf(Boolean.parseBoolean(value));
          } else {
            instance = TextNode.valueOf(value);
          }
        }
        assertThat(describe(name, errors(parameterPointers.get(name) + "/schema", instance)))
            .as("the document accepts %s=%s, which the server accepted", name, given).isEmpty();
      });
    } else if (response.status() == 400 && response.json().has("errors")) {
      assertThat(parameterPointers.keySet()).as("the parameters GET %s names in errors", template)
          .containsAll(iterable(response.json().get("errors").fieldNames()));
    }
    if (prefix != null && response.status() == 200) {
      assertConformsVersioned(prefix, response, "GET", template);
    } else {
      assertConforms(response, "GET", template);
    }
    return response;
  }

  // ---------------------------------------------------------------------------------------------
  // Documents, usage data and audit trails, in every version

  private static final List<String> PREFIXES = List.of("/v2", "/v2.1", "/v2.2");

  /** The shared connection's documents that are not deleted, as /v2.2 shows them. */
  private static List<JsonNode> liveDocuments() {
    Response page = server.get(V + "/document/connection/" + sandbox().connectionId(), tenant.key());
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    List<JsonNode> documents = new ArrayList<>();
    page.json().get("documents").forEach(documents::add);
    assertThat(documents).isNotEmpty();
    return documents;
  }

  /** A live electricity bill of the shared connection: it has line items, demand and a time-of-use split. */
  private static JsonNode electricityDocument() {
    return liveDocuments().stream().filter(d -> d.get("demandMeters").size() > 0).findFirst().orElseThrow();
  }

  /** A live bill of the shared connection whose usage is of {@code type}. */
  private static JsonNode documentOf(String type) {
    return liveDocuments().stream()
        .filter(d -> d.get("usageData").size() > 0 && d.at("/usageData/0/datasourceType").asText().equals(type))
        .reduce((first, second) -> second).orElseThrow();
  }

  /** A copy of {@code node} without its signed links, whose expiry moves with every second. */
  private static JsonNode withoutLinks(JsonNode node) {
    JsonNode copy = node.deepCopy();
    walk(copy, "", (pointer, n) -> {
      if (n.isObject()) {
        ((ObjectNode) n).remove(List.of("auditTrailUrl", "url"));
      }
    });
    return copy;
  }

  private static List<String> ids(Response page, String items) {
    return texts(page.json().get(items), "id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void documentListsMatchTheDocument(String prefix) {
    Sandbox s = sandbox();
    JsonNode document = electricityDocument();
    String id = document.get("id").asText();
    String billDate = document.get("billDate").asText();
    String siteId = document.at("/usageData/0/site/id").asText();
    String template = "/document/connection/{connectionId}";
    String path = "/document/connection/" + s.connectionId();

    Response all = listIn(prefix, template, path);
    int total = all.json().get("totalDocuments").asInt();
    assertThat(total).isGreaterThanOrEqualTo(5);
    assertThat(all.json().get("perPage").asInt()).isEqualTo(100);
    assertThat(ids(all, "documents")).hasSize(Math.min(100, total)).contains(id);
    assertThat(texts(all.json().get("documents"), "billDate")).isSorted();

    Response byCompany = listIn(prefix, "/document/company/{companyId}", "/document/company/" + s.companyId());
    assertThat(byCompany.json().get("totalDocuments").asInt()).isGreaterThanOrEqualTo(total);
    Response alias = listIn(prefix, "/company/{companyId}/document", "/company/" + s.companyId() + "/document",
        "page", "99");
    assertThat(alias.json().get("currentPage").asInt()).isEqualTo(alias.json().get("totalPages").asInt());
    assertThat(alias.json().get("totalDocuments")).isEqualTo(byCompany.json().get("totalDocuments"));
    Response bySite = listIn(prefix, "/document/site/{siteId}", "/document/site/" + siteId);
    assertThat(ids(bySite, "documents")).contains(id);
    Response emptySite = listIn(prefix, "/document/site/{siteId}", "/document/site/" + newSite(s.companyId()));
    assertThat(emptySite.json().get("totalDocuments").asInt()).isZero();
    assertThat(emptySite.json().get("totalPages").asInt()).isEqualTo(1);

    // Each dateType, with a one-day range that holds the document.
    for (String[] range : new String[][] {{"BILL_DATE", billDate}, {"USAGE_PERIOD", billDate},
        {"CREATED_DATE", document.get("created").asText().substring(0, 10)},
        {"UPDATED_DATE", document.get("updated").asText().substring(0, 10)}}) {
      Response filtered = listIn(prefix, template, path, "dateType", range[0], "startDate", range[1], "endDate", range[1]);
      assertThat(ids(filtered, "documents")).as(range[0]).contains(id);
      assertThat(filtered.json().get("totalDocuments").asInt()).as(range[0]).isLessThanOrEqualTo(total);
    }
    Response byBillDate = listIn(prefix, template, path, "startDate", billDate, "endDate", billDate);
    assertThat(texts(byBillDate.json().get("documents"), "billDate")).isNotEmpty().containsOnly(billDate);
    Response before = listIn(prefix, template, path, "dateType", "USAGE_PERIOD", "endDate", "2000-01-01");
    assertThat(before.json().get("totalDocuments").asInt()).isZero();

    Response byType = listIn(prefix, template, path, "datasourceType", "ELECTRICITY", "datasourceType", "WATER");
    assertThat(ids(byType, "documents")).contains(id);
    assertThat(byType.json().get("totalDocuments").asInt()).isLessThan(total);
    Response commas = server.get(prefix + path + "?datasourceType=electricity,WATER", tenant.key());
    assertThat(commas.json().get("totalDocuments")).isEqualTo(byType.json().get("totalDocuments"));
    assertConformsVersioned(prefix, commas, "GET", template);
    Response noWaste = listIn(prefix, template, path, "datasourceType", "WASTE");
    assertThat(noWaste.json().get("totalDocuments").asInt()).isZero();

    String identifier = document.at("/usageData/0/identifiers/0/value").asText();
    Response byIdentifier = listIn(prefix, template, path, "identifier", identifier.toLowerCase(Locale.ROOT).replace("-", "_"));
    assertThat(ids(byIdentifier, "documents")).contains(id);
    assertThat(byIdentifier.json().get("totalDocuments").asInt()).isLessThan(total);

    Response withDeleted = listIn(prefix, template, path, "isDeleted", "true");
    assertThat(withDeleted.json().get("totalDocuments").asInt()).isGreaterThanOrEqualTo(total);
    Response withoutDeleted = listIn(prefix, template, path, "isDeleted", "false");
    assertThat(withoutDeleted.json().get("totalDocuments").asInt()).isEqualTo(total);

    Response everything = listIn(prefix, template, path, "dateType", "UPDATED_DATE", "startDate", "2000-01-01",
        "endDate", LocalDate.now(server.clock()).plusDays(1).toString(), "datasourceType", "ELECTRICITY",
        "identifier", identifier, "isDeleted", "true", "page", "1");
    assertThat(ids(everything, "documents")).contains(id);

    for (String[] bad : new String[][] {{"startDate", "2024-02-30"}, {"endDate", "yesterday"},
        {"dateType", "SERVICE_DATE"}, {"datasourceType", "STEAM"}, {"identifier", "---"}, {"isDeleted", "maybe"},
        {"page", "0"}}) {
      Response response = listIn(prefix, template, path, bad);
      assertThat(response.status()).as("%s=%s", bad[0], bad[1]).isEqualTo(400);
      assertThat(response.json().path("errors").has(bad[0])).as("%s=%s", bad[0], bad[1]).isTrue();
    }
    Response backwards = listIn(prefix, "/document/company/{companyId}", "/document/company/" + s.companyId(),
        "startDate", "2024-02-01", "endDate", "2024-01-31");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().path("errors").has("endDate")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void usageListsMatchTheDocument(String prefix) {
    Sandbox s = sandbox();
    JsonNode document = electricityDocument();
    String documentId = document.get("id").asText();
    JsonNode row = document.at("/usageData/0"); // as /v2.2 shows it
    String usageId = row.get("id").asText();

    Response byDocument = listIn(prefix, "/usage/document/{documentId}", "/usage/document/" + documentId);
    assertThat(ids(byDocument, "usageData")).isEqualTo(texts(document.get("usageData"), "id"));
    assertThat(byDocument.json().at("/usageData/0/document/id").asText()).isEqualTo(documentId);

    String template = "/usage/connection/{connectionId}";
    String path = "/usage/connection/" + s.connectionId();
    Response all = listIn(prefix, template, path);
    int total = all.json().get("totalUsageData").asInt();
    assertThat(total).isGreaterThanOrEqualTo(5);
    assertThat(ids(all, "usageData")).hasSize(Math.min(100, total)).contains(usageId);

    Response byCompany = listIn(prefix, "/usage/company/{companyId}", "/usage/company/" + s.companyId());
    assertThat(byCompany.json().get("totalUsageData").asInt()).isGreaterThanOrEqualTo(total);
    Response alias = listIn(prefix, "/company/{companyId}/usage", "/company/" + s.companyId() + "/usage", "page",
        "99999");
    assertThat(alias.json().get("currentPage").asInt()).isEqualTo(alias.json().get("totalPages").asInt());
    Response bySite = listIn(prefix, "/usage/site/{siteId}", "/usage/site/" + row.at("/site/id").asText());
    assertThat(texts(bySite.json().get("usageData"), "site")).isNotEmpty();
    assertThat(ids(bySite, "usageData")).contains(usageId);

    for (String[] range : new String[][] {{"BILL_DATE", document.get("billDate").asText()},
        {"USAGE_PERIOD", row.get("endDate").asText()}, {"CREATED_DATE", row.get("created").asText().substring(0, 10)},
        {"UPDATED_DATE", row.get("updated").asText().substring(0, 10)}}) {
      Response filtered = listIn(prefix, template, path, "dateType", range[0], "startDate", range[1], "endDate", range[1]);
      assertThat(ids(filtered, "usageData")).as(range[0]).contains(usageId);
    }
    Response later = listIn(prefix, template, path, "dateType", "USAGE_PERIOD", "startDate", "2999-01-01");
    assertThat(later.json().get("totalUsageData").asInt()).isZero();

    Response byType = listIn(prefix, template, path, "datasourceType", "ELECTRICITY");
    assertThat(texts(byType.json().get("usageData"), "datasourceType")).isNotEmpty().containsOnly("ELECTRICITY");
    Response byIdentifier = listIn(prefix, template, path, "identifier", row.at("/identifiers/0/value").asText());
    assertThat(texts(byIdentifier.json().get("usageData"), "meter")).isNotEmpty()
        .containsOnly(row.get("meter").asText());

    // No isDeleted here, with any value (the document does not list it as a parameter).
    for (String value : List.of("true", "false")) {
      Response response = server.get(prefix + path + "?isDeleted=" + value, tenant.key());
      assertThat(response.status()).as("isDeleted=%s", value).isEqualTo(400);
      assertThat(response.json().path("errors").has("isDeleted")).isTrue();
      assertConforms(response, "GET", template);
    }
    for (String[] bad : new String[][] {{"startDate", "01/31/2024"}, {"endDate", "2024-13-01"},
        {"dateType", "usage"}, {"datasourceType", "SEWER"}, {"identifier", " / "}, {"page", "x"}}) {
      Response response = listIn(prefix, "/usage/document/{documentId}", "/usage/document/" + documentId, bad);
      assertThat(response.status()).as("%s=%s", bad[0], bad[1]).isEqualTo(400);
      assertThat(response.json().path("errors").has(bad[0])).as("%s=%s", bad[0], bad[1]).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void documentAndUsageDetailsMatchTheDocument(String prefix) {
    JsonNode document = electricityDocument();
    String id = document.get("id").asText();

    Response one = server.get(prefix + "/document/" + id, tenant.key());
    assertThat(one.status()).isEqualTo(200);
    assertConformsVersioned(prefix, one, "GET", "/document/{documentId}");
    JsonNode listed = StreamSupport.stream(listIn(prefix, "/document/connection/{connectionId}",
        "/document/connection/" + sandbox().connectionId()).json().get("documents").spliterator(), false)
        .filter(d -> d.get("id").asText().equals(id)).findFirst().orElseThrow();
    assertThat(withoutLinks(one.json())).isEqualTo(withoutLinks(listed));
    assertThat(one.json().get("auditTrailUrl").asText()).contains("/audit/documents/" + id + "?expires=");
    assertThat(one.json().get("url").asText()).contains("/files/connections/");

    JsonNode row = one.json().at("/usageData/0");
    switch (prefix) {
      case "/v2" -> {
        assertThat(one.json().has("lineItems")).isFalse();
        assertThat(row.get("timeOfUse").asText()).isEqualTo("TOTAL");
      }
      case "/v2.1" -> {
        assertThat(one.json().get("lineItems").size()).isGreaterThan(0);
        assertThat(row.get("electricityType").asText()).isEqualTo("USAGE");
      }
      default -> {
        assertThat(one.json().get("demandMeters").size()).isGreaterThan(0);
        assertThat(one.json().at("/demandMeters/0/usageDataIds/0").asText()).isEqualTo(row.get("id").asText());
        assertThat(row.get("timeOfUseBreakdown").size()).isEqualTo(2);
      }
    }

    for (JsonNode embedded : one.json().get("usageData")) {
      Response usage = server.get(prefix + "/usage/" + embedded.get("id").asText(), tenant.key());
      assertThat(usage.status()).isEqualTo(200);
      assertConformsVersioned(prefix, usage, "GET", "/usage/{usageId}");
      assertThat(usage.json().at("/document/id").asText()).isEqualTo(id);
      ObjectNode withoutDocument = (ObjectNode) withoutLinks(usage.json());
      withoutDocument.remove("document");
      assertThat(withoutDocument).isEqualTo(withoutLinks(embedded));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void usageCorrectionsMatchTheDocument(String prefix) {
    JsonNode row = documentOf("GAS").at("/usageData/0");
    String path = "/usage/" + row.get("id").asText();
    String template = "/usage/{usageId}";

    Response json = sendJsonIn(prefix, "PATCH", path, template, """
        {"usage": "1234.5", "usageUnits": "CCF", "isEstimated": true, "isImplied": false, "exclusion": false,
         "tariff": "G-NR1 Commercial"}""");
    assertThat(json.status()).as(json.toString()).isEqualTo(200);
    assertThat(json.json().get("usage").asText()).isEqualTo("1234.5");
    assertThat(json.json().get("usageUnits").asText()).isEqualTo("CCF");

    Response number = sendJsonIn(prefix, "PATCH", path, template, "{\"usage\": 99.125, \"usageUnits\": \"thm (US)\"}");
    assertThat(number.status()).as(number.toString()).isEqualTo(200);
    assertThat(number.json().get("usage").asText()).isEqualTo("99.125");

    Response period = sendJsonIn(prefix, "PATCH", path, template, "{\"startDate\": \"%s\", \"endDate\": \"%s\"}"
        .formatted(row.get("startDate").asText(), row.get("endDate").asText()));
    assertThat(period.status()).as(period.toString()).isEqualTo(200);
    assertThat(period.json().get("endDate").asText()).isEqualTo(row.get("endDate").asText());

    Response form = server.send("PATCH", prefix + path, tenant.key(), "application/x-www-form-urlencoded",
        form("isEstimated", "no", "tariff", "", "usage", "42"), Map.of());
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    assertThat(form.json().get("usage").asText()).isEqualTo("42");
    assertConformsVersioned(prefix, form, "PATCH", template);

    Response multipart = sendMultipart("PATCH", prefix + path, "exclusion", "off", "usageUnits", "thm (US)",
        "usage", row.get("usage").asText());
    assertThat(multipart.status()).as(multipart.toString()).isEqualTo(200);
    assertConformsVersioned(prefix, multipart, "PATCH", template);

    Response empty = server.send("PATCH", prefix + path, tenant.key(), null, null, Map.of());
    assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
    assertThat(withoutLinks(empty.json())).isEqualTo(withoutLinks(multipart.json()));
    assertConformsVersioned(prefix, empty, "PATCH", template);

    for (String body : List.of("{\"usageUnits\": \"therms\"}", "{\"usageUnits\": \"kwh\"}", "{\"usage\": \"1.1234567\"}",
        "{\"usage\": 1.1234567}", "{\"usage\": \"1e3\"}", "{\"usage\": \"1234567890123456\"}",
        "{\"usage\": 1E+15}", "{\"usage\": null}", "{\"isEstimated\": \"maybe\"}", "{\"exclusion\": null}",
        "{\"startDate\": \"2024-02-30\"}", "{\"endDate\": null}", "{\"tariff\": \"" + "t".repeat(256) + "\"}",
        "{\"meter\": \"0190f3a2-0000-7000-8000-000000000000\"}")) {
      Response response = sendJsonIn(prefix, "PATCH", path, template, body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.json().has("errors")).as(body).isTrue();
    }

    // Rules beyond the body's shape: the document accepts these bodies, the server refuses them.
    for (String body : List.of("{\"startDate\": \"2024-02-01\", \"endDate\": \"2024-01-31\"}",
        "{\"endDate\": \"2000-01-01\"}")) {
      Response response = server.patchJson(prefix + path, tenant.key(), body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.json().path("errors").has("endDate")).as(body).isTrue();
      assertConforms(response, "PATCH", template);
    }
    Response malformed = server.patchJson(prefix + path, tenant.key(), "{\"usage\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertConforms(malformed, "PATCH", template);
    Response text = server.send("PATCH", prefix + path, tenant.key(), "text/plain", "usage=1", Map.of());
    assertThat(text.status()).isEqualTo(415);
    assertConforms(text, "PATCH", template);
  }

  @Test
  void deletedDocumentsMatchTheDocument() {
    Sandbox s = sandbox();
    JsonNode victim = documentOf("WATER");
    String id = victim.get("id").asText();
    List<String> usageIds = texts(victim.get("usageData"), "id");
    assertThat(usageIds).isNotEmpty();

    Response deleted = server.delete(V + "/document/" + id, tenant.key());
    assertThat(deleted.status()).isEqualTo(204);
    assertConforms(deleted, "DELETE", "/document/{documentId}");
    Response again = server.delete("/v2/document/" + id, tenant.key());
    assertThat(again.status()).isEqualTo(204);
    assertConforms(again, "DELETE", "/document/{documentId}");

    String template = "/document/connection/{connectionId}";
    String path = "/document/connection/" + s.connectionId();
    for (String prefix : PREFIXES) {
      Response live = listIn(prefix, template, path);
      assertThat(ids(live, "documents")).as(prefix).doesNotContain(id);
      Response withDeleted = listIn(prefix, template, path, "isDeleted", "true");
      assertThat(ids(withDeleted, "documents")).as(prefix).contains(id);
      assertThat(withDeleted.json().get("totalDocuments").asInt())
          .isEqualTo(live.json().get("totalDocuments").asInt() + 1);
      Response recent = listIn(prefix, template, path, "dateType", "UPDATED_DATE", "startDate", LocalDate.now(server.clock()).minusDays(1).toString(), "isDeleted",
          "true");
      assertThat(ids(recent, "documents")).as(prefix).contains(id);
      // The boolean parameter also takes 1 and 0, and any case, as its description says.
      Response one = server.get(prefix + path + "?isDeleted=1", tenant.key());
      assertThat(ids(one, "documents")).as(prefix).contains(id);
      assertConformsVersioned(prefix, one, "GET", template);
      Response zero = server.get(prefix + path + "?isDeleted=FALSE", tenant.key());
      assertThat(ids(zero, "documents")).as(prefix).doesNotContain(id);
      assertConformsVersioned(prefix, zero, "GET", template);

      Response fetched = server.get(prefix + "/document/" + id, tenant.key());
      assertThat(fetched.status()).as(prefix).isEqualTo(200);
      assertConformsVersioned(prefix, fetched, "GET", "/document/{documentId}");

      Response usageOfDeleted = server.get(prefix + "/usage/document/" + id, tenant.key());
      assertThat(usageOfDeleted.status()).isEqualTo(404);
      assertConforms(usageOfDeleted, "GET", "/usage/document/{documentId}");
      Response row = server.get(prefix + "/usage/" + usageIds.get(0), tenant.key());
      assertThat(row.status()).isEqualTo(404);
      assertConforms(row, "GET", "/usage/{usageId}");
      Response patch = sendJsonIn(prefix, "PATCH", "/usage/" + usageIds.get(0), "/usage/{usageId}", "{\"exclusion\": true}");
      assertThat(patch.status()).isEqualTo(404);
      Response usage = listIn(prefix, "/usage/connection/{connectionId}", "/usage/connection/" + s.connectionId());
      assertThat(ids(usage, "usageData")).doesNotContainAnyElementsOf(usageIds);
    }
  }

  @Test
  void documentAndUsageRoutesAnswerErrorsAsDocumented() {
    Sandbox s = sandbox();
    JsonNode document = electricityDocument();
    String missing = "0190f3a2-0000-7000-8000-000000000000";
    var stranger = server.tenant("Another Org", Environment.SANDBOX);
    var production = server.tenant("OpenAPI Org", Environment.PRODUCTION);

    record Call(String method, String template, String body) {}
    List<Call> calls = List.of(
        new Call("GET", "/document/company/{companyId}", null),
        new Call("GET", "/company/{companyId}/document", null),
        new Call("GET", "/document/site/{siteId}", null),
        new Call("GET", "/document/connection/{connectionId}", null),
        new Call("GET", "/document/{documentId}", null),
        new Call("DELETE", "/document/{documentId}", null),
        new Call("GET", "/usage/company/{companyId}", null),
        new Call("GET", "/company/{companyId}/usage", null),
        new Call("GET", "/usage/site/{siteId}", null),
        new Call("GET", "/usage/connection/{connectionId}", null),
        new Call("GET", "/usage/document/{documentId}", null),
        new Call("GET", "/usage/{usageId}", null),
        new Call("PATCH", "/usage/{usageId}", "{\"exclusion\": true}"));
    Map<String, String> ids = Map.of("{companyId}", s.companyId(), "{siteId}", document.at("/usageData/0/site/id").asText(),
        "{connectionId}", s.connectionId(), "{documentId}", document.get("id").asText(),
        "{usageId}", document.at("/usageData/0/id").asText());

    for (String prefix : PREFIXES) {
      for (Call call : calls) {
        String placeholder = templateParameters(call.template()).iterator().next();
        String id = ids.get("{" + placeholder + "}");
        for (String[] attempt : new String[][] {{"not-a-uuid", tenant.key(), "404"}, {missing, tenant.key(), "404"},
            {id, stranger.key(), "403"}, {id, production.key(), "403"}, {id, null, "401"}}) {
          String path = prefix + call.template().replace("{" + placeholder + "}", attempt[0]);
          Response response = server.send(call.method(), path, attempt[1], call.body() == null ? null : JSON,
              call.body(), Map.of());
          assertThat(response.status()).as("%s %s as %s", call.method(), path, attempt[2])
              .isEqualTo(Integer.parseInt(attempt[2]));
          assertConforms(response, call.method(), call.template());
        }
      }
    }
    // Nothing was changed by the refused calls.
    assertThat(server.get(V + "/document/" + document.get("id").asText(), tenant.key()).status()).isEqualTo(200);

    Response put = server.send("PUT", V + "/document/" + document.get("id").asText(), tenant.key(), JSON, "{}", Map.of());
    assertThat(put.status()).isEqualTo(405);
    assertConformsForEveryOperation(put, "/document/{documentId}");
    Response post = server.send("POST", "/v2/usage/" + ids.get("{usageId}"), tenant.key(), JSON, "{}", Map.of());
    assertThat(post.status()).isEqualTo(405);
    assertConformsForEveryOperation(post, "/usage/{usageId}");
    Response deleteList = server.delete("/v2.1/usage/company/" + s.companyId(), tenant.key());
    assertThat(deleteList.status()).isEqualTo(405);
    assertConformsForEveryOperation(deleteList, "/usage/company/{companyId}");
  }

  @Test
  void auditTrailPagesMatchTheDocument() throws java.io.IOException {
    JsonNode document = electricityDocument();
    String id = document.get("id").asText();
    String template = "/audit/documents/{documentId}";
    String link = server.get("/v2/document/" + id, tenant.key()).json().get("auditTrailUrl").asText();
    assertThat(link).startsWith(server.server().config().publicUrl() + "/audit/documents/" + id + "?expires=");
    String path = link.substring(server.server().config().publicUrl().length());

    // A correction shows on the page with its old and new values.
    String usageId = document.at("/usageData/0/id").asText();
    boolean excluded = document.at("/usageData/0/exclusion").asBoolean();
    assertThat(server.patchJson(V + "/usage/" + usageId, tenant.key(), "{\"exclusion\": " + !excluded + "}").status())
        .isEqualTo(200);
    assertThat(server.patchJson(V + "/usage/" + usageId, tenant.key(), "{\"exclusion\": " + excluded + "}").status())
        .isEqualTo(200);

    Response page = server.get(path, null);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<html", id, "CREATED", "USAGE_UPDATED", "exclusion");
    assertConforms(page, "GET", template);
    Response withKey = server.get(path, tenant.key());
    assertThat(withKey.status()).isEqualTo(200);
    assertConforms(withKey, "GET", template);

    String otherId = liveDocuments().stream().map(d -> d.get("id").asText()).filter(d -> !d.equals(id)).findFirst()
        .orElseThrow();
    SignedLinks links = new SignedLinks(ServerSecret.load(server.server().config()), server.clock());
    SignedLinks lastWeek = new SignedLinks(ServerSecret.load(server.server().config()),
        java.time.Clock.offset(server.clock(), Duration.ofDays(-7)));
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put(path.replace("signature=", "signature=x"), SignedLinks.INVALID);
    refused.put(path.replace("expires=", "expires=1"), SignedLinks.INVALID);
    refused.put(path.replace(id, otherId), SignedLinks.INVALID);
    refused.put("/audit/documents/" + id, SignedLinks.INVALID);
    refused.put(path.replace(id, "not-a-uuid"), SignedLinks.INVALID);
    refused.put(lastWeek.pageLink("", "/audit/documents/" + id, Duration.ofHours(24)), SignedLinks.EXPIRED);
    refused.forEach((refusedPath, detail) -> {
      Response response = server.get(refusedPath, null);
      assertThat(response.status()).as(refusedPath).isEqualTo(403);
      assertThat(response.header("Content-Type")).as(refusedPath).startsWith(JSON);
      assertThat(response.detail()).as(refusedPath).isEqualTo(detail);
      assertConforms(response, "GET", template);
    });

    Response gone = server.get(links.pageLink("", "/audit/documents/0190f3a2-0000-7000-8000-000000000000",
        Duration.ofMinutes(5)), null);
    assertThat(gone.status()).isEqualTo(404);
    assertConforms(gone, "GET", template);

    Response post = server.send("POST", path, null, JSON, "{}", Map.of());
    assertThat(post.status()).isEqualTo(405);
    assertConformsForEveryOperation(post, template);
  }

  @Test
  void eachVersionsResponsesFailTheOtherVersionsSchemas() {
    Sandbox s = sandbox();
    JsonNode document = electricityDocument();
    String id = document.get("id").asText();
    String usageId = document.at("/usageData/0/id").asText();
    Map<String, Map<String, JsonNode>> bodies = new java.util.LinkedHashMap<>();
    for (String prefix : PREFIXES) {
      bodies.computeIfAbsent("Document", k -> new java.util.LinkedHashMap<>())
          .put(prefix, server.get(prefix + "/document/" + id, tenant.key()).json());
      bodies.computeIfAbsent("DocumentList", k -> new java.util.LinkedHashMap<>())
          .put(prefix, server.get(prefix + "/document/connection/" + s.connectionId(), tenant.key()).json());
      bodies.computeIfAbsent("UsageData", k -> new java.util.LinkedHashMap<>())
          .put(prefix, server.get(prefix + "/usage/" + usageId, tenant.key()).json());
      bodies.computeIfAbsent("UsageDataList", k -> new java.util.LinkedHashMap<>())
          .put(prefix, server.get(prefix + "/usage/document/" + id, tenant.key()).json());
    }
    bodies.forEach((name, byPrefix) -> byPrefix.forEach((prefix, body) -> {
      assertThat(describe(name, errors("/components/schemas/" + name, body))).as("%s of %s", name, prefix).isEmpty();
      for (String other : PREFIXES) {
        List<Error> problems = errors(versionSchema("/components/schemas/" + name, other), body);
        if (other.equals(prefix)) {
          assertThat(describe(name, problems)).as("%s of %s against its own schema", name, prefix).isEmpty();
        } else {
          assertThat(problems).as("%s of %s against the schema of %s", name, prefix, other).isNotEmpty();
        }
      }
    }));
    assertThat(errors("/components/schemas/DocumentV22", bodies.get("Document").get("/v2"))).isNotEmpty();
    assertThat(errors("/components/schemas/UsageDataV22", bodies.get("UsageData").get("/v2"))).isNotEmpty();

    // A page mixing versions fits no version.
    ObjectNode mixed = (ObjectNode) bodies.get("DocumentList").get("/v2.2").deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) mixed.get("documents")).set(0, bodies.get("Document").get("/v2"));
    assertThat(errors("/components/schemas/DocumentList", mixed)).isNotEmpty();
    // The usage endpoints embed the document; a document's own usage rows do not.
    ObjectNode noDocument = (ObjectNode) bodies.get("UsageData").get("/v2.2").deepCopy();
    noDocument.remove("document");
    assertThat(errors("/components/schemas/UsageData", noDocument)).isNotEmpty();
    ObjectNode embedded = (ObjectNode) bodies.get("Document").get("/v2.1").deepCopy();
    ((ObjectNode) embedded.at("/usageData/0")).set("document", bodies.get("UsageData").get("/v2.1").get("document"));
    assertThat(errors("/components/schemas/Document", embedded)).isNotEmpty();
    // Closed objects: an undocumented field, or a number for a decimal string, fails.
    ObjectNode extra = (ObjectNode) bodies.get("Document").get("/v2.2").deepCopy();
    ((ObjectNode) extra.at("/lineItems/0")).put("taxRate", "0.07");
    assertThat(errors("/components/schemas/Document", extra)).isNotEmpty();
    ObjectNode number = (ObjectNode) bodies.get("UsageData").get("/v2").deepCopy();
    number.put("usage", 12.5);
    assertThat(errors("/components/schemas/UsageData", number)).isNotEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Webhooks: the endpoint API, the portal page and the payloads

  /** An address no delivery can reach: on a default server the attempt is refused as private. */
  private static final String UNREACHABLE = "http://127.0.0.1:1/hooks/nectar";
  private static final String MISSING = "0190f3a2-0000-7000-8000-000000000000";

  /**
   * An endpoint of the shared tenant for an event that no test here causes, so that no delivery to it
   * is in flight when a test deletes it.
   */
  private static String newEndpoint() {
    Response created = server.postJson(V + "/webhook/endpoint", tenant.key(),
        "{\"url\": \"" + UNREACHABLE + "\", \"eventTypes\": [\"connection.validated.v2\"]}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  @Test
  void webhookEndpointLifecycleMatchesTheDocument() {
    Response link = server.get(V + "/webhook", tenant.key());
    assertThat(link.status()).isEqualTo(200);
    assertThat(link.json().get("url").asText()).contains("/webhooks/portal/" + tenant.organizationId() + "/SANDBOX?");
    assertConforms(link, "GET", "/webhook");

    Response created = sendJson("POST", "/webhook/endpoint", "/webhook/endpoint", """
        {"url": "%s", "eventTypes": ["document.created.v2", "document.deleted.v2", "document.created.v2"],
         "description": "OpenAPI endpoint"}""".formatted(UNREACHABLE));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("secret").asText()).startsWith("whsec_");
    assertThat(texts(created.json().get("eventTypes"))).containsExactly("document.created.v2", "document.deleted.v2");
    String id = created.json().get("id").asText();
    String path = "/webhook/endpoint/" + id;
    String template = "/webhook/endpoint/{endpointId}";

    Response form = server.send("POST", V + "/webhook/endpoint", tenant.key(), "application/x-www-form-urlencoded",
        form("url", UNREACHABLE, "eventTypes", "connection.validated.v2", "eventTypes", "document.deleted.v2",
            "description", ""), Map.of());
    assertThat(form.status()).as(form.toString()).isEqualTo(201);
    assertThat(form.json().get("description").isNull()).isTrue();
    assertConforms(form, "POST", "/webhook/endpoint");
    Response multipart = sendMultipart("POST", V + "/webhook/endpoint", "url", UNREACHABLE, "eventTypes",
        "connection.validated.v2");
    assertThat(multipart.status()).as(multipart.toString()).isEqualTo(201);
    assertConforms(multipart, "POST", "/webhook/endpoint");

    Response list = server.get(V + "/webhook/endpoint", tenant.key());
    assertThat(list.status()).isEqualTo(200);
    assertThat(texts(list.json(), "id")).contains(id, form.json().get("id").asText(), multipart.json().get("id").asText());
    assertConforms(list, "GET", "/webhook/endpoint");

    Response fetched = server.get(V + path, tenant.key());
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json().has("secret")).isFalse();
    assertConforms(fetched, "GET", template);

    Response paused = sendJson("PATCH", path, template, "{\"isDisabled\": true, \"description\": null, \"eventTypes\": []}");
    assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
    assertThat(paused.json().get("isDisabled").asBoolean()).isTrue();
    assertThat(paused.json().get("eventTypes").size()).isZero();
    Response resumed = sendMultipart("PATCH", V + path, "isDisabled", "off", "url", UNREACHABLE + "/v2");
    assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
    assertThat(resumed.json().get("isDisabled").asBoolean()).isFalse();
    assertConforms(resumed, "PATCH", template);
    Response empty = server.send("PATCH", V + path, tenant.key(), null, null, Map.of());
    assertThat(empty.status()).isEqualTo(200);
    assertConforms(empty, "PATCH", template);

    Response rotated = server.send("POST", V + path + "/rotate-secret", tenant.key(), null, null, Map.of());
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    assertThat(rotated.json().get("secret").asText()).startsWith("whsec_")
        .isNotEqualTo(created.json().get("secret").asText());
    assertConforms(rotated, "POST", template + "/rotate-secret");

    Response test = sendJson("POST", path + "/test", template + "/test", "{}");
    assertThat(test.status()).as(test.toString()).isEqualTo(202);
    assertThat(test.json().get("eventType").asText()).isEqualTo("webhook.test");
    String messageId = test.json().get("messageId").asText();

    // The receiver's address is loopback, so the attempt is refused and logged without a status.
    String attempts = path + "/attempt";
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
        server.get(V + attempts, tenant.key()).json().path("totalAttempts").asInt() >= 1);
    Response page = list(template + "/attempt", attempts, "page", "1");
    assertThat(page.status()).isEqualTo(200);
    JsonNode attempt = StreamSupport.stream(page.json().get("attempts").spliterator(), false)
        .filter(a -> a.get("messageId").asText().equals(messageId)).findFirst().orElseThrow();
    assertThat(attempt.get("eventType").asText()).isEqualTo("webhook.test");
    assertThat(attempt.get("succeeded").asBoolean()).isFalse();
    assertThat(attempt.get("statusCode").isNull()).isTrue();
    assertThat(attempt.get("error").asText()).isNotBlank();
    Response pastTheEnd = list(template + "/attempt", attempts, "page", "99");
    assertThat(pastTheEnd.json().get("currentPage").asInt()).isEqualTo(1);
    Response badPage = list(template + "/attempt", attempts, "page", "0");
    assertThat(badPage.status()).isEqualTo(400);

    Response replay = server.send("POST", V + "/webhook/message/" + messageId + "/replay", tenant.key(), JSON, "{}",
        Map.of());
    assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
    assertThat(replay.json().get("queued").asInt()).isEqualTo(1);
    assertConforms(replay, "POST", "/webhook/message/{messageId}/replay");

    Response recovered = sendJson("POST", path + "/recover", template + "/recover", "{\"since\": \"2020-01-01\"}");
    assertThat(recovered.status()).as(recovered.toString()).isEqualTo(202);
    assertThat(recovered.json().get("queued").asInt()).isNotNegative();
    Response withOffset = sendJson("POST", path + "/recover", template + "/recover",
        "{\"since\": \"2026-11-01T09:00:00+01:00\"}");
    assertThat(withOffset.status()).as(withOffset.toString()).isEqualTo(202);
    Response recoveredForm = server.send("POST", V + path + "/recover", tenant.key(),
        "application/x-www-form-urlencoded", form("since", "2030-01-01T00:00:00Z"), Map.of());
    assertThat(recoveredForm.status()).as(recoveredForm.toString()).isEqualTo(202);
    assertThat(recoveredForm.json().get("queued").asInt()).isZero();
    assertConforms(recoveredForm, "POST", template + "/recover");

    // The same request under the same key is answered again, not done again.
    Map<String, String> key = Map.of("Idempotency-Key", "openapi-webhook-" + System.nanoTime());
    Response first = server.send("POST", V + path + "/rotate-secret", tenant.key(), null, null, key);
    Response again = server.send("POST", V + path + "/rotate-secret", tenant.key(), null, null, key);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json()).isEqualTo(first.json());
    assertConforms(again, "POST", template + "/rotate-secret");

    // The endpoint that was sent messages is paused, not deleted: a delivery may still be in flight.
    // The two quiet ones (no test here causes their events) are deleted.
    assertThat(server.patchJson(V + path, tenant.key(), "{\"isDisabled\": true}").status()).isEqualTo(200);
    for (String endpoint : List.of(form.json().get("id").asText(), multipart.json().get("id").asText())) {
      Response deleted = server.delete(V + "/webhook/endpoint/" + endpoint, tenant.key());
      assertThat(deleted.status()).isEqualTo(204);
      assertConforms(deleted, "DELETE", template);
    }
    String deletedPath = "/webhook/endpoint/" + form.json().get("id").asText();
    Response gone = server.get(V + deletedPath, tenant.key());
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.detail()).isEqualTo("Webhook endpoint not found.");
    assertConforms(gone, "GET", template);
    Response goneAttempts = server.get(V + deletedPath + "/attempt", tenant.key());
    assertThat(goneAttempts.status()).isEqualTo(404);
    assertConforms(goneAttempts, "GET", template + "/attempt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void organizationBrandingMatchesTheDocument(String prefix) {
    String template = "/organization/branding";
    Response read = server.get(prefix + template, tenant.key());
    assertThat(read.status()).isEqualTo(200);
    assertConforms(read, "GET", template);

    List<String> accepted = List.of("""
        {"name": "OpenAPI Co", "colour": "#0A7D43", "logoUrl": "https://cdn.example.com/l.png",
         "frameAncestors": ["'self'", "https://*.example.org:8443"]}""",
        "{\"name\": null, \"colour\": null, \"logoUrl\": null, \"frameAncestors\": null}", "{}");
    List<String> refused = List.of("{\"colour\": \"red\"}", "{\"name\": 5}", "{\"name\": \"bell\\u0007\"}",
        "{\"logoUrl\": \"http://cdn.example.com/l.png\"}", "{\"frameAncestors\": [\"https://a.example; script-src *\"]}",
        "{\"frameAncestors\": [\"https://a.example/path\"]}", "{\"color\": \"#000000\"}");
    for (String body : accepted) {
      Response changed = server.send("PATCH", prefix + template, tenant.key(), JSON, body, Map.of());
      assertThat(changed.status()).as("%s %s", body, changed).isEqualTo(200);
      assertConforms(changed, "PATCH", template);
      // The document's request schema accepts what the server accepted, and rejects what it refused.
      assertThat(sendJson("PATCH", template, template, body).status()).isEqualTo(200);
    }
    for (String body : refused) {
      Response response = server.send("PATCH", prefix + template, tenant.key(), JSON, body, Map.of());
      assertThat(response.status()).as(body).isEqualTo(400);
      assertConforms(response, "PATCH", template);
      assertThat(sendJson("PATCH", template, template, body).status()).isEqualTo(400);
    }
  }

  @Test
  void webhookValidationErrorsMatchTheDocument() {
    String id = newEndpoint();
    String path = "/webhook/endpoint/" + id;
    String template = "/webhook/endpoint/{endpointId}";

    Response missing = sendJson("POST", "/webhook/endpoint", "/webhook/endpoint", "{\"colour\": \"red\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(iterable(missing.json().path("errors").fieldNames())).containsExactlyInAnyOrder("url", "colour");
    for (String body : List.of("{\"url\": \"ftp://example.com/hooks\"}", "{\"url\": \"/hooks\"}", "{\"url\": \"\"}",
        "{\"url\": \"https://example.com/" + "x".repeat(2000) + "\"}",
        "{\"url\": \"" + UNREACHABLE + "\", \"eventTypes\": [\"invoice.paid\"]}",
        "{\"url\": \"" + UNREACHABLE + "\", \"eventTypes\": [\"webhook.test\"]}",
        "{\"url\": \"" + UNREACHABLE + "\", \"eventTypes\": \"document.created.v2\"}",
        "{\"url\": \"" + UNREACHABLE + "\", \"eventTypes\": null}",
        "{\"url\": \"" + UNREACHABLE + "\", \"description\": 5}",
        "{\"url\": \"" + UNREACHABLE + "\", \"description\": \"" + "d".repeat(501) + "\"}",
        "{\"url\": \"" + UNREACHABLE + "\", \"isDisabled\": true}")) {
      Response response = sendJson("POST", "/webhook/endpoint", "/webhook/endpoint", body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.json().has("errors")).as(body).isTrue();
    }
    for (String body : List.of("{\"isDisabled\": \"maybe\"}", "{\"isDisabled\": null}", "{\"url\": null}",
        "{\"url\": \"mailto:ops@example.com\"}", "{\"eventTypes\": [\"connection.deleted.v2\"]}", "{\"secret\": \"x\"}")) {
      Response response = sendJson("PATCH", path, template, body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.json().has("errors")).as(body).isTrue();
    }
    for (String body : List.of("{}", "{\"since\": \"2026-11-01T08:00:00\"}", "{\"since\": \"yesterday\"}",
        "{\"since\": 20261101}", "{\"since\": \"2026-02-30\"}", "{\"since\": \"2026-11-01\", \"until\": \"2026-12-01\"}")) {
      Response response = sendJson("POST", path + "/recover", template + "/recover", body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.json().path("errors").size()).as(body).isPositive();
    }

    // Rules beyond the body's shape: the document accepts these URLs, the server refuses them.
    for (String url : List.of("https://user:secret@example.com/hooks", "https://example.com:0/hooks")) {
      Response response = server.postJson(V + "/webhook/endpoint", tenant.key(), "{\"url\": \"" + url + "\"}");
      assertThat(response.status()).as(url).isEqualTo(400);
      assertThat(response.json().path("errors").has("url")).as(url).isTrue();
      assertConforms(response, "POST", "/webhook/endpoint");
    }
    Response malformed = server.postJson(V + "/webhook/endpoint", tenant.key(), "{\"url\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertConforms(malformed, "POST", "/webhook/endpoint");
    Response text = server.send("POST", V + "/webhook/endpoint", tenant.key(), "text/plain", "url=x", Map.of());
    assertThat(text.status()).isEqualTo(415);
    assertConforms(text, "POST", "/webhook/endpoint");
    Response put = server.send("PUT", V + path, tenant.key(), JSON, "{}", Map.of());
    assertThat(put.status()).isEqualTo(405);
    assertConformsForEveryOperation(put, template);
    Response deleteList = server.delete(V + "/webhook", tenant.key());
    assertThat(deleteList.status()).isEqualTo(405);
    assertConformsForEveryOperation(deleteList, "/webhook");

    assertThat(server.delete(V + path, tenant.key()).status()).isEqualTo(204);
  }

  @Test
  void webhookRoutesAnswerNotFoundAndForbiddenAsDocumented() {
    String id = newEndpoint();
    var stranger = server.tenant("Another Org", Environment.SANDBOX);
    var production = server.tenant("OpenAPI Org", Environment.PRODUCTION);
    String messageId = server.send("POST", V + "/webhook/endpoint/" + id + "/test", tenant.key(), null, null, Map.of())
        .json().get("messageId").asText();

    record Call(String method, String template, String body) {}
    List<Call> calls = List.of(
        new Call("GET", "/webhook/endpoint/{endpointId}", null),
        new Call("PATCH", "/webhook/endpoint/{endpointId}", "{\"description\": \"stolen\"}"),
        new Call("DELETE", "/webhook/endpoint/{endpointId}", null),
        new Call("POST", "/webhook/endpoint/{endpointId}/rotate-secret", null),
        new Call("POST", "/webhook/endpoint/{endpointId}/test", "{}"),
        new Call("POST", "/webhook/endpoint/{endpointId}/recover", "{\"since\": \"2020-01-01\"}"),
        new Call("GET", "/webhook/endpoint/{endpointId}/attempt", null),
        new Call("POST", "/webhook/message/{messageId}/replay", null));
    for (Call call : calls) {
      boolean message = call.template().contains("{messageId}");
      String placeholder = message ? "{messageId}" : "{endpointId}";
      // A message of another tenant is not found: message ids are never shown to other tenants.
      String otherTenant = message ? "404" : "403";
      for (String[] attempt : new String[][] {{"not-a-uuid", tenant.key(), "404"}, {MISSING, tenant.key(), "404"},
          {message ? messageId : id, stranger.key(), otherTenant}, {message ? messageId : id, production.key(), otherTenant},
          {message ? messageId : id, null, "401"}}) {
        String path = V + call.template().replace(placeholder, attempt[0]);
        Response response = server.send(call.method(), path, attempt[1], call.body() == null ? null : JSON,
            call.body(), Map.of());
        assertThat(response.status()).as("%s %s as %s", call.method(), path, attempt[2])
            .isEqualTo(Integer.parseInt(attempt[2]));
        assertConforms(response, call.method(), call.template());
      }
    }
    // Nothing was changed by the refused calls.
    Response unchanged = server.get(V + "/webhook/endpoint/" + id, tenant.key());
    assertThat(unchanged.status()).isEqualTo(200);
    assertThat(unchanged.json().get("description").isNull()).isTrue();
    for (String key : new String[] {null, "nk_test_unknown"}) {
      for (String template : List.of("/webhook", "/webhook/endpoint")) {
        Response response = server.get(V + template, key);
        assertThat(response.status()).isEqualTo(401);
        assertConforms(response, "GET", template);
      }
    }
    // Paused rather than deleted: the test message may still be in flight.
    assertThat(server.patchJson(V + "/webhook/endpoint/" + id, tenant.key(), "{\"isDisabled\": true}").status())
        .isEqualTo(200);
  }

  @Test
  void theWebhookPortalLinkMatchesTheDocument() throws java.io.IOException {
    String template = "/webhooks/portal/{organizationId}/{environment}";
    String link = server.get("/v2/webhook", tenant.key()).json().get("url").asText();
    String portal = "/webhooks/portal/" + tenant.organizationId() + "/SANDBOX";
    assertThat(link).startsWith(server.server().config().publicUrl() + portal + "?expires=");
    String path = link.substring(server.server().config().publicUrl().length());

    Response page = server.get(path, null);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<html");
    assertConforms(page, "GET", template);

    SignedLinks lastWeek = new SignedLinks(ServerSecret.load(server.server().config()),
        java.time.Clock.offset(server.clock(), Duration.ofDays(-8)));
    var stranger = server.tenant("Another Org", Environment.SANDBOX);
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put(path.replace("signature=", "signature=x"), SignedLinks.INVALID);
    refused.put(path.replace("expires=", "expires=1"), SignedLinks.INVALID);
    refused.put(path.replace(tenant.organizationId().toString(), stranger.organizationId().toString()), SignedLinks.INVALID);
    refused.put(path.replace("/SANDBOX?", "/PRODUCTION?"), SignedLinks.INVALID);
    refused.put(path.replace("/SANDBOX?", "/STAGING?"), SignedLinks.INVALID);
    refused.put(path.replace(tenant.organizationId().toString(), "not-a-uuid"), SignedLinks.INVALID);
    refused.put(portal, SignedLinks.INVALID);
    refused.put(lastWeek.pageLink("", portal, Duration.ofDays(7)), SignedLinks.EXPIRED);
    refused.forEach((refusedPath, detail) -> {
      Response response = server.get(refusedPath, null);
      assertThat(response.status()).as(refusedPath).isEqualTo(403);
      assertThat(response.detail()).as(refusedPath).isEqualTo(detail);
      assertConforms(response, "GET", template);
    });

    Response post = server.send("POST", path, null, JSON, "{}", Map.of());
    assertThat(post.status()).isEqualTo(405);
    assertConformsForEveryOperation(post, template);
  }

  /** A webhook body with its timestamps as the API shows them (with {@code Z}). */
  private static JsonNode withZones(JsonNode node) {
    if (node.isTextual() && node.asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?")) {
      return TextNode.valueOf(node.asText() + "Z");
    }
    JsonNode copy = node.deepCopy();
    if (copy.isObject()) {
      node.fields().forEachRemaining(f -> ((ObjectNode) copy).set(f.getKey(), withZones(f.getValue())));
    } else if (copy.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, withZones(node.get(i)));
      }
    }
    return copy;
  }

  @Test
  void webhookDeliveriesMatchTheDocumentedPayloadsAndHeaders() {
    try (TestServer delivering = TestServer.start(Map.of("NECTAR_ALLOW_PRIVATE_TARGETS", "true"));
        io.nectar.testing.Receiver receiver = new io.nectar.testing.Receiver();
        io.nectar.testing.Receiver legacyReceiver = new io.nectar.testing.Receiver()) {
      String key = delivering.tenant("Webhook Payload Org", Environment.SANDBOX).key();
      Response endpoint = delivering.postJson(V + "/webhook/endpoint", key, "{\"url\": \"" + receiver.url() + "\"}");
      assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
      String endpointId = endpoint.json().get("id").asText();
      String secret = endpoint.json().get("secret").asText();
      // The legacy types go only to an endpoint that names them.
      Response legacyEndpoint = delivering.postJson(V + "/webhook/endpoint", key, "{\"url\": \"" + legacyReceiver.url()
          + "\", \"eventTypes\": [\"connection.created\", \"connection.updated\", \"document.created\"]}");
      assertThat(legacyEndpoint.status()).as(legacyEndpoint.toString()).isEqualTo(201);
      String legacySecret = legacyEndpoint.json().get("secret").asText();

      String companyId = delivering.postJson(V + "/company", key, "{\"name\": \"Payload Co\"}").json().get("id").asText();
      String siteId = delivering.postJson(V + "/site/company/" + companyId, key, "{\"name\": \"S\"}").json()
          .get("id").asText();
      String start = LocalDate.now(delivering.clock()).withDayOfMonth(1).minusMonths(1).toString();
      Response connection = delivering.postJson(V + "/connection/company/" + companyId, key, """
          {"url": "https://nectarclimate.com", "username": "nectar-sandbox-username",
           "password": "nectar-sandbox-password", "sites": ["%s"], "country": "US", "datasourceTypes": ["GAS"],
           "dataCollectionStartDate": "%s"}""".formatted(siteId, start));
      assertThat(connection.status()).as(connection.toString()).isEqualTo(201);
      receiver.await("connection.created.v2", 1);
      receiver.await("connection.updated.v2", 1);
      JsonNode document = receiver.await("document.created.v2", 1).get(0).json();
      String usageId = document.at("/usageData/0/id").asText();
      boolean excluded = document.at("/usageData/0/exclusion").asBoolean();
      assertThat(delivering.patchJson(V + "/usage/" + usageId, key, "{\"exclusion\": " + !excluded + "}").status())
          .isEqualTo(200);
      receiver.await("document.updated.v2", 1);
      assertThat(delivering.delete(V + "/document/" + document.get("id").asText(), key).status()).isEqualTo(204);
      receiver.await("document.deleted.v2", 1);
      assertThat(delivering.send("POST", V + "/webhook/endpoint/" + endpointId + "/test", key, null, null, Map.of())
          .status()).isEqualTo(202);
      receiver.await("webhook.test", 1);
      legacyReceiver.await("connection.created", 1);
      legacyReceiver.await("connection.updated", 1);
      legacyReceiver.await("document.created", 1);

      Set<String> seen = new TreeSet<>();
      List<io.nectar.testing.Receiver.Delivery> deliveries = new ArrayList<>(receiver.deliveries());
      deliveries.addAll(legacyReceiver.deliveries());
      for (io.nectar.testing.Receiver.Delivery delivery : deliveries) {
        String type = delivery.eventType();
        seen.add(type);
        String operation = "/webhooks/" + escape(type) + "/post";
        assertThat(spec.at(operation).isObject()).as("%s is documented under webhooks", type).isTrue();
        assertThat(describe(type, errors(operation + "/requestBody/content/application~1json/schema", delivery.json())))
            .as("body of %s: %s", type, delivery.json()).isEmpty();
        for (JsonNode parameter : spec.at(operation + "/parameters")) {
          String pointer = resolvePointer(parameter.path("$ref").asText().substring(1));
          String name = spec.at(pointer).path("name").asText();
          assertThat(delivery.headers()).as("%s of %s", name, type).containsKey(name);
          assertThat(describe(name, errors(pointer + "/schema", TextNode.valueOf(delivery.headers().get(name)))))
              .as("%s of %s", name, type).isEmpty();
        }
        String signature = io.nectar.webhooks.WebhookSigner.sign(type.endsWith(".v2") || type.equals("webhook.test")
            ? secret : legacySecret, delivery.id(),
            Long.parseLong(delivery.headers().get("webhook-timestamp")), delivery.body());
        assertThat(delivery.headers().get("webhook-signature").split(" ")).as("signatures of %s", type)
            .contains(signature);
        assertThat(delivery.headers().get("svix-signature")).isEqualTo(delivery.headers().get("webhook-signature"));

        // Without the event's own fields, and with the API's timestamps, the body is the documented object.
        ObjectNode object = (ObjectNode) withZones(delivery.json());
        object.remove(List.of("eventType", "protectedChanges", "old", "isDeleted", "deleted"));
        String schema = !type.endsWith(".v2") && !type.equals("document.created") ? null
            : type.startsWith("connection.") ? "/components/schemas/Connection"
            : type.startsWith("document.") ? "/components/schemas/DocumentV22" : null;
        if (schema != null) {
          assertThat(describe(type, errors(schema, object))).as("%s as %s", type, schema).isEmpty();
          delivery.json().path("old").fields().forEachRemaining(old -> assertThat(describe(type + ".old." + old.getKey(),
              errors(schema + "/properties/" + escape(old.getKey()), withZones(old.getValue())))).isEmpty());
        }
      }
      assertThat(seen).containsAll(List.of("connection.created.v2", "connection.updated.v2", "document.created.v2",
          "document.updated.v2", "document.deleted.v2", "webhook.test", "connection.created", "connection.updated",
          "document.created"));

      // Attempts that reached a receiver: status, excerpt and no error.
      String attemptsPath = V + "/webhook/endpoint/" + endpointId + "/attempt";
      int delivered = receiver.deliveries().size();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
          delivering.get(attemptsPath, key).json().path("totalAttempts").asInt() >= delivered);
      Response attempts = delivering.get(attemptsPath, key);
      assertThat(attempts.status()).isEqualTo(200);
      JsonNode succeeded = attempts.json().at("/attempts/0");
      assertThat(succeeded.get("statusCode").asInt()).isEqualTo(200);
      assertThat(succeeded.get("error").isNull()).isTrue();
      assertConforms(attempts, "GET", "/webhook/endpoint/{endpointId}/attempt");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The validation itself can fail

  @Test
  void theSchemasRejectBodiesThatDoNotMatch() {
    Response created = server.postJson(V + "/site/company/" + newCompany("Strict Co"), tenant.key(),
        "{\"name\": \"S\", \"occupancyPercent\": \"50\"}");
    ObjectNode site = (ObjectNode) created.json();
    ObjectNode company = (ObjectNode) server.get(V + "/company/" + newCompany("Strict Co 2"), tenant.key()).json();
    String companySchema = responseSchemaPointer("GET", "/company/{companyId}", "200");
    String siteSchema = responseSchemaPointer("POST", "/site/company/{companyId}", "201");
    String errorSchema = responseSchemaPointer("POST", "/company", "400");
    assertThat(errors(companySchema, company)).isEmpty();
    assertThat(errors(siteSchema, site)).isEmpty();

    ObjectNode withoutId = company.deepCopy();
    withoutId.remove("id");
    assertThat(errors(companySchema, withoutId)).isNotEmpty();

    ObjectNode extraField = company.deepCopy();
    extraField.put("created", "2024-01-01T00:00:00Z");
    assertThat(errors(companySchema, extraField)).isNotEmpty();

    ObjectNode numberFraction = company.deepCopy();
    numberFraction.put("impliedMeteringFraction", 1.0);
    assertThat(errors(companySchema, numberFraction)).isNotEmpty();

    ObjectNode badDate = company.deepCopy();
    badDate.put("dataCollectionStartDate", "01/01/2024");
    assertThat(errors(companySchema, badDate)).isNotEmpty();

    ObjectNode badEmbeddedSite = company.deepCopy();
    ObjectNode embedded = site.deepCopy();
    embedded.put("occupancyPercent", "50.12345");
    badEmbeddedSite.putArray("sites").add(embedded);
    assertThat(errors(companySchema, badEmbeddedSite)).isNotEmpty();

    ObjectNode badId = site.deepCopy();
    badId.put("id", "site-1");
    assertThat(errors(siteSchema, badId)).isNotEmpty();

    ObjectNode longName = site.deepCopy();
    longName.put("name", "x".repeat(256));
    assertThat(errors(siteSchema, longName)).isNotEmpty();

    assertThat(errors(errorSchema, parse("{\"detail\": \"x\", \"errors\": {\"name\": \"not a list\"}}"))).isNotEmpty();
    assertThat(errors(errorSchema, parse("{\"message\": \"x\"}"))).isNotEmpty();
    assertThat(errors(errorSchema, parse("{\"detail\": \"x\", \"errors\": {\"name\": [\"y\"]}}"))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Checking a response against the document

  /**
   * Asserts that {@code response} is what the document declares for {@code method template} and the
   * response's status: the status is documented, the media type is one of those documented (no body
   * where none is), the JSON body validates against the schema, and required headers are present
   * and valid.
   */
  private static void assertConforms(Response response, String method, String template) {
    String operation = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT);
    assertThat(spec.at(operation).isObject()).as("%s %s is documented", method, template).isTrue();
    String status = Integer.toString(response.status());
    String where = method + " " + template + " " + status;
    assertThat(spec.at(operation + "/responses").has(status))
        .as("status %s of %s %s is documented (response: %s)", status, method, template, response).isTrue();
    String pointer = resolvePointer(operation + "/responses/" + status);
    JsonNode documented = spec.at(pointer);

    documented.path("headers").fields().forEachRemaining(h -> {
      String headerPointer = resolvePointer(pointer + "/headers/" + escape(h.getKey()));
      JsonNode header = spec.at(headerPointer);
      String value = response.header(h.getKey());
      if (header.path("required").asBoolean() && !(value == null
          && KnownServerGaps.covers(status + " " + method + " " + template, "header " + h.getKey() + " missing"))) {
        assertThat(value).as("required header %s of %s", h.getKey(), where).isNotNull();
      }
      if (value != null) {
        JsonNode instance = header.at("/schema/type").asText().equals("integer")
            ? IntNode.valueOf(Integer.parseInt(value)) : TextNode.valueOf(value);
        assertThat(describe(h.getKey(), errors(headerPointer + "/schema", instance)))
            .as("header %s of %s", h.getKey(), where).isEmpty();
      }
    });

    JsonNode content = documented.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      assertThat(response.body()).as("body of %s", where).isEmpty();
      return;
    }
    String contentType = response.header("Content-Type");
    assertThat(contentType).as("Content-Type of %s", where).isNotNull();
    String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    List<String> documentedTypes = iterable(content.fieldNames());
    if (!documentedTypes.contains(mediaType)) {
      // A media range (*/* or type/*) covers any type it matches.
      String range = documentedTypes.stream().filter(t -> t.equals("*/*")
          || (t.endsWith("/*") && mediaType.startsWith(t.substring(0, t.length() - 1)))).findFirst().orElse(null);
      assertThat(range).as("media type %s of %s is documented (%s)", mediaType, where, documentedTypes).isNotNull();
      return;
    }
    if (mediaType.equals(JSON)) {
      List<Error> problems = errors(pointer + "/content/" + escape(mediaType) + "/schema", response.json());
      assertThat(describe("body", problems)).as("body of %s: %s", where, response.body()).isEmpty();
    }
  }

  /**
   * Sends a JSON body to {@code V + path} and checks that the server and the document agree on it:
   * a body the server accepts validates against the documented request schema, a body the server
   * rejects field by field does not; and the response conforms to the document.
   */
  private static Response sendJson(String method, String path, String template, String body) {
    return sendJsonIn(null, method, path, template, body);
  }

  /** As {@link #sendJson}, under {@code prefix}, with a success also checked against that version's schema. */
  private static Response sendJsonIn(String prefix, String method, String path, String template, String body) {
    Response response = server.send(method, (prefix == null ? V : prefix) + path, tenant.key(), JSON, body, Map.of());
    String pointer = resolvePointer("/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT)
        + "/requestBody") + "/content/application~1json/schema";
    List<String> problems = describe("request", errors(pointer, parse(body)));
    if (response.status() / 100 == 2) {
      assertThat(problems).as("the document accepts the body the server accepted: %s", body).isEmpty();
    } else if (response.status() == 400 && response.json().has("errors")) {
      assertThat(problems).as("the document rejects the body the server rejected (%s): %s", response, body)
          .isNotEmpty();
    }
    if (prefix != null && response.status() / 100 == 2) {
      assertConformsVersioned(prefix, response, method, template);
    } else {
      assertConforms(response, method, template);
    }
    return response;
  }

  /**
   * Asserts that {@code response} conforms to the document ({@link #assertConforms}), and that its
   * body validates against the schema of the version of {@code prefix}: the documented response
   * schema names one schema per version in {@code x-versions}, and the body must match exactly the
   * one of the version called.
   */
  private static void assertConformsVersioned(String prefix, Response response, String method, String template) {
    assertConforms(response, method, template);
    String where = method + " " + prefix + template + " " + response.status();
    String schema = resolvePointer(responseSchemaPointer(method, template, Integer.toString(response.status())));
    String versioned = versionSchema(schema, prefix);
    assertThat(describe("body", errors(versioned, response.json())))
        .as("body of %s against %s: %s", where, versioned, response.body()).isEmpty();
  }

  /** The pointer of the schema that {@code x-versions} of the schema at {@code pointer} names for {@code prefix}. */
  private static String versionSchema(String pointer, String prefix) {
    JsonNode versions = spec.at(pointer).path("x-versions");
    assertThat(versions.isObject()).as("%s names a schema per version in x-versions", pointer).isTrue();
    String ref = versions.path(prefix.substring(1)).asText();
    assertThat(ref).as("x-versions of %s names a schema for %s", pointer, prefix).startsWith("#/");
    return ref.substring(1);
  }

  /** A response to a method the path does not have: every documented operation of the path must allow it. */
  private static void assertConformsForEveryOperation(Response response, String template) {
    List<String> methods = operations(spec.path("paths").path(template));
    assertThat(methods).as("operations of %s", template).isNotEmpty();
    methods.forEach(m -> assertConforms(response, m.toUpperCase(Locale.ROOT), template));
  }

  private static String responseSchemaPointer(String method, String template, String status) {
    String pointer = resolvePointer("/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT)
        + "/responses/" + status);
    return pointer + "/content/application~1json/schema";
  }

  /** Validates {@code instance} against the schema at {@code pointer} in the document. */
  private static List<Error> errors(String pointer, JsonNode instance) {
    assertThat(spec.at(pointer).isMissingNode()).as("schema at %s", pointer).isFalse();
    Schema schema = schemas.getSchema(SchemaLocation.of(SPEC_ID + "#" + pointer));
    return schema.validate(instance);
  }

  private static List<String> describe(String what, List<Error> errors) {
    return errors.stream().map(e -> what + ": " + e.getMessage()).toList();
  }

  /** Follows {@code $ref}s from {@code pointer}; returns the pointer of the object finally reached. */
  private static String resolvePointer(String pointer) {
    String current = pointer;
    for (int hops = 0; hops < 10; hops++) {
      JsonNode node = spec.at(current);
      if (!node.has("$ref")) {
        return current;
      }
      String ref = node.get("$ref").asText();
      assertThat(ref).as("$ref at %s", current).startsWith("#/");
      current = ref.substring(1);
    }
    throw new AssertionError("$ref cycle at " + pointer);
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
      current = spec.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  /** A path item with a server of its own is an operational path at the server root. */
  private static boolean isOperational(JsonNode pathItem) {
    return pathItem.has("servers");
  }

  private static List<String> operations(JsonNode pathItem) {
    return METHODS.stream().filter(pathItem::has).toList();
  }

  /** {@code /company/{companyId}/site} and {@code /company/{id}/site} both become {@code /company/{}/site}. */
  private static String normalise(String template) {
    return template.replaceAll("\\{[^}/]+}", "{}").replaceAll("<[^>/]+>", "{}");
  }

  private static Set<String> templateParameters(String template) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Whether {@code pointer} names a JSON Schema (as opposed to another OpenAPI object). */
  private static boolean isSchemaPointer(String pointer) {
    return pointer.startsWith("/components/schemas/") || pointer.contains("/schema");
  }

  /** Visits every node of {@code node} with its JSON pointer. */
  private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
    visitor.accept(pointer, node);
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> walk(e.getValue(), pointer + "/" + escape(e.getKey()), visitor));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, visitor);
      }
    }
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asText()));
    return values;
  }

  private static List<String> names(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(Enum::name).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.path(field).asText()));
    return values;
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> values = new ArrayList<>();
    names.forEachRemaining(values::add);
    return values;
  }

  // ---------------------------------------------------------------------------------------------
  // Requests

  private static String newCompany(String name) {
    Response response = server.postJson(V + "/company", tenant.key(), "{\"name\": \"" + name + "\"}");
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private static String newSite(String companyId) {
    Response response = server.postJson(V + "/site/company/" + companyId, tenant.key(), "{\"name\": \"A site\"}");
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private static String form(String... namesAndValues) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      pairs.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return String.join("&", pairs);
  }

  private static Response sendMultipart(String method, String path, String... namesAndValues) {
    String boundary = "openapi-test-" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(namesAndValues[i]).append("\"\r\n\r\n")
          .append(namesAndValues[i + 1]).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return server.sendBytes(method, path, tenant.key(), "multipart/form-data; boundary=" + boundary,
        body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private static JsonNode parse(String text) {
    try {
      return io.nectar.http.Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

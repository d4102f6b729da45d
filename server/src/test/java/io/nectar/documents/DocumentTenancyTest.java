package io.nectar.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.FixtureCompany;
import io.nectar.testing.Links;
import io.nectar.testing.Response;
import io.nectar.testing.SandboxCompany;
import io.nectar.testing.Shapes;
import io.nectar.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Documents and usage data are isolated by organization and environment (CONTRACT §3, §4, §10):
 * another organization's key, and the PRODUCTION key of the owner's organization, get 403 on every
 * document and usage id route of a SANDBOX company, change nothing, and never see its rows in their
 * own lists; a malformed id is a 404; a tampered or expired audit link is a 403.
 */
class DocumentTenancyTest {
  private static final String FORBIDDEN = "You do not have permission to perform this action.";
  private static final List<String> PREFIXES = List.of("/v2", "/v2.1", "/v2.2");

  static TestServer server;
  static TestServer.Tenant owner;
  static TestServer.Tenant otherOrganization;
  static TestServer.Tenant productionOfSameOrganization;
  static SandboxCompany owned;
  static SandboxCompany othersCompany;
  static FixtureCompany productionCompany;
  static String documentId;
  static String usageId;
  static String meterIdentifier;
  static Set<String> ownerIds;

  @BeforeAll
  static void start() {
    server = FixtureCompany.startServer();
    owner = server.tenant("Organization A", Environment.SANDBOX);
    otherOrganization = server.tenant("Organization B", Environment.SANDBOX);
    productionOfSameOrganization = server.tenant("Organization A", Environment.PRODUCTION);
    assertThat(productionOfSameOrganization.organizationId()).isEqualTo(owner.organizationId());

    owned = SandboxCompany.create(server, owner.key(), "A's company");
    othersCompany = SandboxCompany.create(server, otherOrganization.key(), "B's company");
    productionCompany = FixtureCompany.create(server, productionOfSameOrganization.key(), "A's live company");

    JsonNode usage = server.get("/v2.2/usage/company/" + owned.companyId(), owner.key()).json().get("usageData").get(0);
    usageId = usage.get("id").asText();
    documentId = usage.get("document").get("id").asText();
    meterIdentifier = usage.get("identifiers").get(0).get("value").asText();
    ownerIds = new HashSet<>();
    ownerIds.addAll(allIds(owner, "/v2.2/document/company/" + owned.companyId(), "documents"));
    ownerIds.addAll(allIds(owner, "/v2.2/usage/company/" + owned.companyId(), "usageData"));
    assertThat(ownerIds).hasSizeGreaterThan(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every id of a list, page by page. */
  private static List<String> allIds(TestServer.Tenant tenant, String path, String items) {
    List<String> ids = new ArrayList<>();
    int pages = 1;
    for (int page = 1; page <= pages; page++) {
      Response response = server.get(path + (path.contains("?") ? "&" : "?") + "page=" + page, tenant.key());
      assertThat(response.status()).as(path + " " + response).isEqualTo(200);
      JsonNode json = response.json();
      pages = json.get("totalPages").asInt();
      json.get(items).forEach(item -> ids.add(item.get("id").asText()));
    }
    return ids;
  }

  record Route(String name, String method, String path, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Every document and usage route that names one of the owner's objects. */
  private static List<Route> idRoutes() {
    String c = owned.companyId();
    String s = owned.siteId();
    String k = owned.connectionId();
    return List.of(
        new Route("GET /document/company/{id}", "GET", "/document/company/" + c, null),
        new Route("GET /document/company/{id}?isDeleted=true", "GET", "/document/company/" + c + "?isDeleted=true", null),
        new Route("GET /company/{id}/document", "GET", "/company/" + c + "/document", null),
        new Route("GET /document/site/{id}", "GET", "/document/site/" + s, null),
        new Route("GET /document/connection/{id}", "GET", "/document/connection/" + k, null),
        new Route("GET /document/{id}", "GET", "/document/" + documentId, null),
        new Route("DELETE /document/{id}", "DELETE", "/document/" + documentId, null),
        new Route("GET /usage/company/{id}", "GET", "/usage/company/" + c, null),
        new Route("GET /company/{id}/usage", "GET", "/company/" + c + "/usage", null),
        new Route("GET /usage/site/{id}", "GET", "/usage/site/" + s, null),
        new Route("GET /usage/connection/{id}", "GET", "/usage/connection/" + k, null),
        new Route("GET /usage/document/{id}", "GET", "/usage/document/" + documentId, null),
        new Route("GET /usage/{id}", "GET", "/usage/" + usageId, null),
        new Route("PATCH /usage/{id}", "PATCH", "/usage/" + usageId, "{\"usage\": \"1\", \"exclusion\": true}"),
        new Route("PATCH /usage/{id} with an invalid body", "PATCH", "/usage/" + usageId,
            "{\"usageUnits\": \"kilowatts\", \"bogus\": 1}"));
  }

  static Stream<Arguments> intrusions() {
    List<Arguments> arguments = new ArrayList<>();
    for (String intruder : List.of("another organization", "a PRODUCTION key of the same organization")) {
      for (String prefix : PREFIXES) {
        for (Route route : idRoutes()) {
          arguments.add(Arguments.of(intruder, prefix, route));
        }
      }
    }
    return arguments.stream();
  }

  private static TestServer.Tenant intruder(String which) {
    return which.startsWith("another") ? otherOrganization : productionOfSameOrganization;
  }

  /** What the owner sees of the objects the routes name, to compare before and after an intrusion. */
  private static List<JsonNode> ownersView() {
    return List.of(
        Shapes.withoutLinks(server.get("/v2.2/document/" + documentId, owner.key()).json()),
        Shapes.withoutLinks(server.get("/v2.2/usage/" + usageId, owner.key()).json()),
        server.get("/v2.2/document/company/" + owned.companyId() + "?isDeleted=true", owner.key()).json()
            .get("totalDocuments"),
        server.get("/v2.2/document/company/" + owned.companyId(), owner.key()).json().get("totalDocuments"));
  }

  @ParameterizedTest(name = "{0}: {1} {2} is 403")
  @MethodSource("intrusions")
  void anotherTenantIsForbiddenOnEveryIdRouteAndChangesNothing(String which, String prefix, Route route) {
    List<JsonNode> before = ownersView();

    Response response = server.send(route.method(), prefix + route.path(), intruder(which).key(),
        route.body() == null ? null : TestServer.JSON, route.body(), Map.of());

    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.detail()).isEqualTo(FORBIDDEN);
    assertThat(response.json().has("errors")).as("no validation detail leaks").isFalse();
    assertThat(response.body()).doesNotContain("A's company", meterIdentifier);
    for (String id : ownerIds) {
      assertThat(response.body()).doesNotContain(id);
    }
    assertThat(ownersView()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theOwnerReachesEveryRoute(String prefix) {
    for (Route route : idRoutes()) {
      if (route.method().equals("GET")) {
        Response response = server.get(prefix + route.path(), owner.key());
        assertThat(response.status()).as(route + " " + response).isEqualTo(200);
      }
    }
  }

  // ---------------------------------------------------------------- lists

  static Stream<Arguments> intrudersAndPrefixes() {
    List<Arguments> arguments = new ArrayList<>();
    for (String intruder : List.of("another organization", "a PRODUCTION key of the same organization")) {
      for (String prefix : PREFIXES) {
        arguments.add(Arguments.of(intruder, prefix));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("intrudersAndPrefixes")
  void anotherTenantNeverSeesTheOwnersRowsInItsOwnLists(String which, String prefix) {
    TestServer.Tenant intruder = intruder(which);
    String company = which.startsWith("another") ? othersCompany.companyId() : productionCompany.companyId();
    String encodedIdentifier = java.net.URLEncoder.encode(meterIdentifier, StandardCharsets.UTF_8);

    List<String> seen = new ArrayList<>();
    seen.addAll(allIds(intruder, prefix + "/document/company/" + company + "?isDeleted=true", "documents"));
    seen.addAll(allIds(intruder, prefix + "/company/" + company + "/document", "documents"));
    seen.addAll(allIds(intruder, prefix + "/usage/company/" + company, "usageData"));
    seen.addAll(allIds(intruder, prefix + "/company/" + company + "/usage", "usageData"));
    List<String> byIdentifier = new ArrayList<>();
    byIdentifier.addAll(allIds(intruder, prefix + "/document/company/" + company + "?identifier=" + encodedIdentifier
        + "&isDeleted=true", "documents"));
    byIdentifier.addAll(allIds(intruder, prefix + "/usage/company/" + company + "?identifier=" + encodedIdentifier,
        "usageData"));

    assertThat(seen).isNotEmpty().doesNotContainAnyElementsOf(ownerIds);
    assertThat(byIdentifier).doesNotContainAnyElementsOf(ownerIds);
    JsonNode companies = server.get(prefix + "/company", intruder.key()).json();
    assertThat(companies.toString()).doesNotContain(owned.companyId(), "A's company\"");
  }

  @Test
  void anIntruderGets404NotForbiddenForIdsThatDoNotExist() {
    String unknown = UUID.randomUUID().toString();

    for (String path : List.of("/document/" + unknown, "/usage/" + unknown, "/usage/document/" + unknown)) {
      Response response = server.get("/v2.2" + path, otherOrganization.key());
      assertThat(response.status()).as(path).isEqualTo(404);
    }
    assertThat(server.delete("/v2.2/document/" + unknown, otherOrganization.key()).status()).isEqualTo(404);
    assertThat(server.patchJson("/v2.2/usage/" + unknown, otherOrganization.key(), "{}").status()).isEqualTo(404);
  }

  // ---------------------------------------------------------------- malformed ids

  static Stream<Arguments> malformedIds() {
    List<Arguments> arguments = new ArrayList<>();
    List<String> templates = List.of("GET /document/company/{id} Company", "GET /company/{id}/document Company",
        "GET /document/site/{id} Site", "GET /document/connection/{id} Connection", "GET /document/{id} Document",
        "DELETE /document/{id} Document", "GET /usage/company/{id} Company", "GET /company/{id}/usage Company",
        "GET /usage/site/{id} Site", "GET /usage/connection/{id} Connection", "GET /usage/document/{id} Document",
        "GET /usage/{id} Usage data", "PATCH /usage/{id} Usage data");
    for (String template : templates) {
      for (String id : List.of("not-a-uuid", "12345", "01a21efe-4653-7431-9ca7-7624f2dd4d7",
          "01a21efe-4653-7431-9ca7-7624f2dd4d7bb", "+1a21efe-4653-7431-9ca7-7624f2dd4d7b",
          "01a21efe4-653-7431-9ca7-7624f2dd4d7b", "01a21efe46537431-9ca7-7624f2dd4d7b0000")) {
        arguments.add(Arguments.of(template, id));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} with {1} is 404")
  @MethodSource("malformedIds")
  void aMalformedIdIs404(String template, String id) {
    String[] parts = template.split(" ", 3);
    Response response = server.send(parts[0], "/v2.2" + parts[1].replace("{id}", id), owner.key(),
        parts[0].equals("PATCH") ? TestServer.JSON : null, parts[0].equals("PATCH") ? "{\"usage\": \"1\"}" : null,
        Map.of());

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.detail()).isEqualTo(parts[2] + " not found.");
  }

  // ---------------------------------------------------------------- signed links

  private static String auditUrl() {
    return server.get("/v2.2/document/" + documentId, owner.key()).json().get("auditTrailUrl").asText();
  }

  private static String fileUrl() {
    return server.get("/v2.2/document/" + documentId, owner.key()).json().get("url").asText();
  }

  private static void assertForbiddenLink(HttpResponse<byte[]> response, String detail) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(body).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(new Response(response.statusCode(), response.headers(), body).detail()).isEqualTo(detail);
    assertThat(body).doesNotContain(documentId, "<html");
  }

  @Test
  void aGenuineAuditLinkOpensWithoutAnApiKey() {
    HttpResponse<byte[]> page = Links.get(server, auditUrl());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains(documentId);
  }

  @Test
  void aTamperedAuditLinkIs403() {
    String link = Links.pathAndQuery(auditUrl());
    String path = link.substring(0, link.indexOf('?'));
    String expires = link.replaceAll(".*expires=([0-9]+).*", "$1");
    String signature = link.replaceAll(".*signature=([A-Za-z0-9_-]+).*", "$1");
    String otherDocument = allIds(owner, "/v2.2/document/company/" + owned.companyId(), "documents").stream()
        .filter(id -> !id.equals(documentId)).findFirst().orElseThrow();
    String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

    for (String tampered : List.of(
        path + "?expires=" + expires + "&signature=" + flipped,
        path + "?expires=" + (Long.parseLong(expires) + 3600) + "&signature=" + signature,
        path + "?expires=" + expires,
        path + "?signature=" + signature,
        path,
        path + "?expires=" + expires + "&signature=",
        "/audit/documents/" + otherDocument + "?expires=" + expires + "&signature=" + signature,
        "/audit/documents/not-a-uuid?expires=" + expires + "&signature=" + signature)) {
      assertForbiddenLink(Links.getPath(server, tampered), "This link is not valid.");
    }
  }

  @Test
  void anAuditOrFileLinkExpiresAfter24HoursAndAFreshOneWorks() {
    String audit = auditUrl();
    String file = fileUrl();

    server.clock().advance(Duration.ofHours(23));
    assertThat(Links.get(server, audit).statusCode()).as("23 hours later").isEqualTo(200);
    assertThat(Links.get(server, file).statusCode()).as("23 hours later").isEqualTo(200);

    server.clock().advance(Duration.ofHours(2));
    assertForbiddenLink(Links.get(server, audit), "This link has expired.");
    assertForbiddenLink(Links.get(server, file), "This link has expired.");

    assertThat(Links.get(server, auditUrl()).statusCode()).as("a link issued now").isEqualTo(200);
    assertThat(Links.get(server, fileUrl()).statusCode()).as("a link issued now").isEqualTo(200);
  }
}

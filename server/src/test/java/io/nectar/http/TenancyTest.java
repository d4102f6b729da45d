package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
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
 * Organizations and environments are isolated (CONTRACT §3, §4): another organization's key, or a
 * PRODUCTION key of the same organization, gets 403 on every id route of a SANDBOX company, never
 * sees it listed, and changes nothing.
 */
class TenancyTest {
  private static final String FORBIDDEN = "You do not have permission to perform this action.";

  static TestServer server;
  static TestServer.Tenant owner;
  static TestServer.Tenant otherOrganization;
  static TestServer.Tenant productionOfSameOrganization;
  static String companyId;
  static String siteId;
  static String intruderCompanyId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    owner = server.tenant("Organization A", Environment.SANDBOX);
    otherOrganization = server.tenant("Organization B", Environment.SANDBOX);
    productionOfSameOrganization = server.tenant("Organization A", Environment.PRODUCTION);
    assertThat(productionOfSameOrganization.organizationId()).isEqualTo(owner.organizationId());

    Response company = server.postJson("/v2.2/company", owner.key(), """
        {"name": "A's company", "externalId": "a-1", "users": ["owner@example.com"]}""");
    assertThat(company.status()).as(company.toString()).isEqualTo(201);
    companyId = company.json().get("id").asText();
    for (String name : List.of("A's first site", "A's second site")) {
      Response site = server.postJson("/v2.2/site/company/" + companyId, owner.key(),
          "{\"name\": \"" + name + "\", \"occupancyPercent\": \"50\", \"path\": [\"US\"]}");
      assertThat(site.status()).as(site.toString()).isEqualTo(201);
      siteId = site.json().get("id").asText();
    }
    Response intruderCompany = server.postJson("/v2.2/company", otherOrganization.key(), "{\"name\": \"B's company\"}");
    assertThat(intruderCompany.status()).isEqualTo(201);
    intruderCompanyId = intruderCompany.json().get("id").asText();
    assertThat(server.postJson("/v2.2/company", productionOfSameOrganization.key(),
        "{\"name\": \"A's live company\"}").status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The owner's view of everything, to compare before and after an intrusion. */
  private static JsonNode ownersView() {
    Response list = server.get("/v2.2/company", owner.key());
    assertThat(list.status()).isEqualTo(200);
    return list.json();
  }

  record Route(String name, String method, String path, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static List<Route> idRoutes() {
    return List.of(
        new Route("GET /company/{id}", "GET", "/company/" + companyId, null),
        new Route("PATCH /company/{id}", "PATCH", "/company/" + companyId, "{\"name\": \"Hijacked\", \"users\": []}"),
        new Route("DELETE /company/{id}", "DELETE", "/company/" + companyId, null),
        new Route("POST /site/company/{id}", "POST", "/site/company/" + companyId, "{\"name\": \"Planted\"}"),
        new Route("POST /company/{id}/site", "POST", "/company/" + companyId + "/site", "{\"name\": \"Planted\"}"),
        new Route("GET /site/{id}", "GET", "/site/" + siteId, null),
        new Route("PATCH /site/{id}", "PATCH", "/site/" + siteId, "{\"name\": \"Hijacked\", \"path\": []}"),
        new Route("DELETE /site/{id}", "DELETE", "/site/" + siteId, null));
  }

  static Stream<Arguments> intrusions() {
    List<Arguments> arguments = new ArrayList<>();
    for (String intruder : List.of("another organization", "a PRODUCTION key of the same organization")) {
      for (String prefix : List.of("/v2", "/v2.1", "/v2.2")) {
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

  @ParameterizedTest(name = "{0}: {1} {2} is 403")
  @MethodSource("intrusions")
  void anotherTenantIsForbiddenOnEveryIdRouteAndChangesNothing(String which, String prefix, Route route) {
    JsonNode before = ownersView();

    Response response = server.send(route.method(), prefix + route.path(), intruder(which).key(),
        route.body() == null ? null : TestServer.JSON, route.body(), java.util.Map.of());

    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.detail()).isEqualTo(FORBIDDEN);
    assertThat(response.body()).doesNotContain("A's company", "A's first site", "A's second site");
    assertThat(ownersView()).isEqualTo(before);
    assertThat(server.get(prefix + "/site/" + siteId, owner.key()).json().get("dataCollectionStopDate").isNull())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void anotherOrganizationNeverSeesTheCompanyInItsList(String prefix) {
    Response list = server.get(prefix + "/company", otherOrganization.key());

    assertThat(list.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    list.json().forEach(c -> ids.add(c.get("id").asText()));
    assertThat(ids).containsExactly(intruderCompanyId);
    assertThat(list.body()).doesNotContain(companyId, siteId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theOtherEnvironmentOfTheSameOrganizationNeverSeesTheCompanyInItsList(String prefix) {
    Response list = server.get(prefix + "/company", productionOfSameOrganization.key());

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json()).hasSize(1);
    assertThat(list.json().get(0).get("name").asText()).isEqualTo("A's live company");
    assertThat(list.body()).doesNotContain(companyId, siteId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theOwnerStillSeesItsOwnCompanyAndNotTheOthers(String prefix) {
    Response list = server.get(prefix + "/company", owner.key());

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json()).hasSize(1);
    JsonNode company = list.json().get(0);
    assertThat(company.get("id").asText()).isEqualTo(companyId);
    assertThat(company.get("name").asText()).isEqualTo("A's company");
    assertThat(company.get("sites")).hasSize(2);
    assertThat(list.body()).doesNotContain(intruderCompanyId);
  }

  @Test
  void anIntruderGets404NotForbiddenForIdsThatDoNotExist() {
    String unknown = UUID.randomUUID().toString();

    Response company = server.get("/v2.2/company/" + unknown, otherOrganization.key());
    Response site = server.get("/v2.2/site/" + unknown, otherOrganization.key());

    assertThat(company.status()).isEqualTo(404);
    assertThat(company.detail()).isEqualTo("Company not found.");
    assertThat(site.status()).isEqualTo(404);
    assertThat(site.detail()).isEqualTo("Site not found.");
  }

  @Test
  void afterEveryIntrusionTheOwnersDataIsExactlyAsCreated() {
    JsonNode company = server.get("/v2.2/company/" + companyId, owner.key()).json();

    assertThat(company.get("name").asText()).isEqualTo("A's company");
    assertThat(company.get("externalId").asText()).isEqualTo("a-1");
    assertThat(company.get("users").get(0).asText()).isEqualTo("owner@example.com");
    assertThat(company.get("sites")).hasSize(2);
    for (JsonNode site : company.get("sites")) {
      assertThat(site.get("name").asText()).startsWith("A's");
      assertThat(site.get("dataCollectionStopDate").isNull()).isTrue();
      assertThat(site.get("path").get(0).asText()).isEqualTo("US");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void anotherTenantsIdIsA403EvenWhenTheBodyIsInvalid(String prefix) {
    JsonNode before = ownersView();
    String invalid = "{\"name\": 5, \"bogus\": true}";

    for (String path : List.of("/company/" + companyId, "/site/" + siteId)) {
      Response patch = server.patchJson(prefix + path, otherOrganization.key(), invalid);
      assertThat(patch.status()).as(path + " " + patch).isEqualTo(403);
    }
    for (String path : List.of("/site/company/" + companyId, "/company/" + companyId + "/site")) {
      Response post = server.postJson(prefix + path, productionOfSameOrganization.key(), invalid);
      assertThat(post.status()).as(path + " " + post).isEqualTo(403);
    }
    assertThat(ownersView()).isEqualTo(before);
  }

  @Test
  void aMissingIdIsA404EvenWhenTheBodyIsInvalid() {
    String missing = UUID.randomUUID().toString();

    assertThat(server.patchJson("/v2.2/company/" + missing, owner.key(), "{\"name\": 5}").status()).isEqualTo(404);
    assertThat(server.patchJson("/v2.2/site/" + missing, owner.key(), "{\"name\": 5}").status()).isEqualTo(404);
    assertThat(server.postJson("/v2.2/site/company/" + missing, owner.key(), "{}").status()).isEqualTo(404);
  }
}

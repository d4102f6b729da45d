package io.nectar.meters;

import static io.nectar.testing.Fixtures.assertForbidden;
import static io.nectar.testing.Fixtures.assertRejected;
import static io.nectar.testing.Fixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Meters (nectar-api.md §7): {@code GET /meter/{id}} and the lists by company (alias
 * {@code /company/{id}/meter}), site and connection, with the {@code totalMeters}/{@code meters}
 * envelope and fixed pages of 100. The sandbox makes one meter per site and utility type.
 */
class MeterApiTest {
  private static final List<String> TYPES = List.of("ELECTRICITY", "SOLAR", "WATER", "GAS", "FUEL");
  private static final List<String> METER_FIELDS = List.of("id", "site", "identifiers", "datasourceType", "account",
      "address", "timeOfUse", "netMeteringType", "waterType", "meterHighLow", "gasType", "fuelType", "districtType",
      "districtMediumType", "wasteDescription", "wasteType", "wasteStream", "refrigerantType", "isTracked");
  private static final List<String> SUBTYPE_FIELDS = List.of("timeOfUse", "netMeteringType", "waterType",
      "meterHighLow", "gasType", "fuelType", "districtType", "districtMediumType", "wasteDescription", "wasteType",
      "wasteStream", "refrigerantType");

  static TestServer server;
  static Fixtures fixtures;
  static TestServer.Tenant owner;
  static TestServer.Tenant otherOrganization;
  static TestServer.Tenant productionOfSameOrganization;

  /** Company with sites one, two and three; connection "both" serves one and two, "second" serves two. */
  static String companyId;
  static String siteOne;
  static String siteTwo;
  static String siteThree;
  static String both;
  static String second;
  static JsonNode bothDetails;

  /** A company of seven three-site connections: 105 meters, two pages. */
  static String bigCompanyId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    owner = server.tenant("Meter Org", Environment.SANDBOX);
    otherOrganization = server.tenant("Other Meter Org", Environment.SANDBOX);
    productionOfSameOrganization = server.tenant("Meter Org", Environment.PRODUCTION);

    companyId = fixtures.company(owner.key(), "Metered");
    List<String> sites = fixtures.sites(owner.key(), companyId, 3);
    siteOne = sites.get(0);
    siteTwo = sites.get(1);
    siteThree = sites.get(2);
    both = fixtures.sandboxConnection(owner.key(), companyId, List.of(siteOne, siteTwo), 1, "");
    second = fixtures.sandboxConnection(owner.key(), companyId, List.of(siteTwo), 1, "");

    bigCompanyId = fixtures.company(owner.key(), "Many meters");
    List<String> bigSites = fixtures.sites(owner.key(), bigCompanyId, 3);
    List<String> bigConnections = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      bigConnections.add(fixtures.sandboxConnection(owner.key(), bigCompanyId, bigSites, 1, ""));
    }

    bothDetails = fixtures.collectedDetails(owner.key(), both);
    fixtures.awaitCollected(second);
    bigConnections.forEach(fixtures::awaitCollected);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode ok(String path) {
    Response response = server.get(path, owner.key());
    assertThat(response.status()).as(path + " " + response).isEqualTo(200);
    return response.json();
  }

  private static void assertEnvelope(JsonNode page, long total, int totalPages, int currentPage) {
    List<String> fields = new ArrayList<>();
    page.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("totalMeters", "perPage", "totalPages", "currentPage", "hasNext",
        "hasPrevious", "meters");
    assertThat(page.get("totalMeters").asLong()).isEqualTo(total);
    assertThat(page.get("perPage").asInt()).isEqualTo(100);
    assertThat(page.get("totalPages").asInt()).isEqualTo(totalPages);
    assertThat(page.get("currentPage").asInt()).isEqualTo(currentPage);
    assertThat(page.get("hasNext").asBoolean()).isEqualTo(currentPage < totalPages);
    assertThat(page.get("hasPrevious").asBoolean()).isEqualTo(currentPage > 1);
  }

  /** Meter id to site id for every meter in a list page. */
  private static Map<String, String> siteByMeter(JsonNode page) {
    Map<String, String> sites = new HashMap<>();
    page.get("meters").forEach(m -> sites.put(m.get("id").asText(), m.get("site").asText()));
    return sites;
  }

  private static List<String> typesAt(JsonNode page, String site) {
    List<String> types = new ArrayList<>();
    page.get("meters").forEach(m -> {
      if (m.get("site").asText().equals(site)) {
        types.add(m.get("datasourceType").asText());
      }
    });
    return types;
  }

  // ---------------------------------------------------------------- counts

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void aCompanyListsOneMeterPerSiteAndTypeOfEachConnection(String prefix) {
    JsonNode page = ok(prefix + "/meter/company/" + companyId);

    assertEnvelope(page, 15, 1, 1);
    assertThat(page.get("meters")).hasSize(15);
    assertThat(typesAt(page, siteOne)).containsExactlyInAnyOrderElementsOf(TYPES);
    List<String> twice = new ArrayList<>(TYPES);
    twice.addAll(TYPES);
    assertThat(typesAt(page, siteTwo)).containsExactlyInAnyOrderElementsOf(twice);
    assertThat(typesAt(page, siteThree)).isEmpty();
    assertThat(ids(page.get("meters"))).doesNotHaveDuplicates();
  }

  @Test
  void theGuideStyleAliasAnswersExactlyAsTheCanonicalPath() {
    assertThat(ok("/v2.2/company/" + companyId + "/meter")).isEqualTo(ok("/v2.2/meter/company/" + companyId));
    assertThat(ok("/v2.2/company/" + bigCompanyId + "/meter?page=2"))
        .isEqualTo(ok("/v2.2/meter/company/" + bigCompanyId + "?page=2"));
  }

  @Test
  void aSiteListsTheMetersOfEveryConnectionServingIt() {
    JsonNode one = ok("/v2.2/meter/site/" + siteOne);
    JsonNode two = ok("/v2.2/meter/site/" + siteTwo);

    assertEnvelope(one, 5, 1, 1);
    assertThat(siteByMeter(one).values()).containsOnly(siteOne);
    assertThat(typesAt(one, siteOne)).containsExactlyInAnyOrderElementsOf(TYPES);
    assertEnvelope(two, 10, 1, 1);
    assertThat(siteByMeter(two).values()).containsOnly(siteTwo);
    List<String> expected = new ArrayList<>(TYPES);
    expected.addAll(TYPES);
    assertThat(typesAt(two, siteTwo)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aSiteWithoutMetersHasOneEmptyPage() {
    JsonNode page = ok("/v2.2/meter/site/" + siteThree + "?page=4");

    assertEnvelope(page, 0, 1, 1);
    assertThat(page.get("meters")).isEmpty();
  }

  @Test
  void aConnectionListsOnlyItsOwnMeters() {
    JsonNode bothPage = ok("/v2.2/meter/connection/" + both);
    JsonNode secondPage = ok("/v2.2/meter/connection/" + second);

    assertEnvelope(bothPage, 10, 1, 1);
    assertThat(typesAt(bothPage, siteOne)).containsExactlyInAnyOrderElementsOf(TYPES);
    assertThat(typesAt(bothPage, siteTwo)).containsExactlyInAnyOrderElementsOf(TYPES);
    assertEnvelope(secondPage, 5, 1, 1);
    assertThat(siteByMeter(secondPage).values()).containsOnly(siteTwo);
    assertThat(ids(bothPage.get("meters"))).doesNotContainAnyElementsOf(ids(secondPage.get("meters")));
    List<String> accountMeters = new ArrayList<>();
    bothDetails.get("accounts").forEach(a -> a.get("meters").forEach(m -> accountMeters.add(m.asText())));
    assertThat(ids(bothPage.get("meters"))).containsExactlyInAnyOrderElementsOf(accountMeters);
  }

  // ---------------------------------------------------------------- the Meter object

  @Test
  void everyMeterHasEveryFieldOfTheMeterObject() {
    Map<String, JsonNode> accountOfMeter = new HashMap<>();
    bothDetails.get("accounts").forEach(a -> a.get("meters").forEach(m -> accountOfMeter.put(m.asText(), a)));

    for (JsonNode meter : ok("/v2.2/meter/connection/" + both).get("meters")) {
      List<String> fields = new ArrayList<>();
      meter.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactlyInAnyOrderElementsOf(METER_FIELDS);

      String id = meter.get("id").asText();
      assertThat(UUID.fromString(id).toString()).isEqualTo(id);
      assertThat(meter.get("site").asText()).isIn(siteOne, siteTwo);
      assertThat(meter.get("datasourceType").asText()).isIn(TYPES);
      assertThat(meter.get("address").asText()).isNotBlank();
      assertThat(meter.get("isTracked").isBoolean()).isTrue();
      assertThat(meter.get("isTracked").asBoolean()).isTrue();
      assertThat(meter.get("wasteType").isNull()).isTrue();
      assertThat(meter.get("wasteStream").isNull()).isTrue();

      JsonNode account = accountOfMeter.get(id);
      assertThat(account).as("an account lists meter %s", id).isNotNull();
      assertThat(meter.get("account").asText()).isEqualTo(account.get("id").asText());

      JsonNode identifiers = meter.get("identifiers");
      assertThat(identifiers.isArray()).isTrue();
      assertThat(identifiers).hasSize(2);
      for (JsonNode identifier : identifiers) {
        List<String> keys = new ArrayList<>();
        identifier.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("rawName", "value", "name");
        assertThat(identifier.get("rawName").asText()).isNotBlank();
        assertThat(identifier.get("value").asText()).isNotBlank();
      }
      assertThat(identifiers.get(0).get("name").asText()).isEqualTo("METER");
      assertThat(identifiers.get(1).get("name").asText()).isEqualTo("ACCOUNT");
      assertThat(identifiers.get(1).get("value").asText()).isEqualTo(account.get("accountNumber").asText());

      String type = meter.get("datasourceType").asText();
      assertThat(account.get("datasourceTypes")).extracting(JsonNode::asText).containsExactly(type);
      String expectedSubtype = switch (type) {
        case "ELECTRICITY" -> "timeOfUse";
        case "SOLAR" -> "netMeteringType";
        case "WATER" -> "waterType";
        case "GAS" -> "gasType";
        default -> "fuelType";
      };
      for (String subtype : SUBTYPE_FIELDS) {
        if (subtype.equals(expectedSubtype)) {
          assertThat(meter.get(subtype).asText()).as("%s of a %s meter", subtype, type).isNotBlank();
        } else {
          assertThat(meter.get(subtype).isNull()).as("%s of a %s meter", subtype, type).isTrue();
        }
      }
      switch (type) {
        case "SOLAR" -> assertThat(meter.get("netMeteringType").asText()).isEqualTo("EXPORT");
        case "WATER" -> assertThat(meter.get("waterType").asText()).isEqualTo("POTABLE_WATER");
        case "GAS" -> assertThat(meter.get("gasType").asText()).isEqualTo("NATURAL_GAS");
        default -> { }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void oneMeterReadsTheSameAsInTheList(String prefix) {
    for (JsonNode listed : ok(prefix + "/meter/company/" + companyId).get("meters")) {
      JsonNode one = ok(prefix + "/meter/" + listed.get("id").asText());

      assertThat(one).isEqualTo(listed);
    }
  }

  @Test
  void untrackingAnAccountShowsOnItsMeter() {
    JsonNode account = ok("/v2.2/connection/" + second + "/details").get("accounts").get(4);
    String meterId = account.get("meters").get(0).asText();
    assertThat(server.patchJson("/v2.2/account/" + account.get("id").asText(), owner.key(),
        "{\"isTracked\": false}").status()).isEqualTo(200);

    assertThat(ok("/v2.2/meter/" + meterId).get("isTracked").asBoolean()).isFalse();
    JsonNode listed = null;
    for (JsonNode m : ok("/v2.2/meter/connection/" + second).get("meters")) {
      if (m.get("id").asText().equals(meterId)) {
        listed = m;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("isTracked").asBoolean()).isFalse();
  }

  // ---------------------------------------------------------------- pagination

  @Test
  void aHundredAndFiveMetersComeOnTwoPagesEachExactlyOnceInCreationOrder() {
    JsonNode first = ok("/v2.2/meter/company/" + bigCompanyId);
    JsonNode secondPage = ok("/v2.2/meter/company/" + bigCompanyId + "?page=2");

    assertEnvelope(first, 105, 2, 1);
    assertEnvelope(secondPage, 105, 2, 2);
    assertThat(first.get("meters")).hasSize(100);
    assertThat(secondPage.get("meters")).hasSize(5);
    List<String> seen = new ArrayList<>(ids(first.get("meters")));
    seen.addAll(ids(secondPage.get("meters")));
    List<String> inCreationOrder = server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select id::text from meter where company_id = :company order by created_at, id")
        .bind("company", UUID.fromString(bigCompanyId)).mapTo(String.class).list());
    assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(inCreationOrder);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "1000", "99999999999999999999"})
  void aPagePastTheEndIsTheLastPage(String page) {
    JsonNode last = ok("/v2.2/meter/company/" + bigCompanyId + "?page=" + page);

    assertEnvelope(last, 105, 2, 2);
    assertThat(last.get("meters")).hasSize(5);
    assertThat(last).isEqualTo(ok("/v2.2/meter/company/" + bigCompanyId + "?page=2"));
  }

  @Test
  void theSiteAndConnectionListsPageToo() {
    String site = ok("/v2.2/meter/company/" + bigCompanyId).get("meters").get(0).get("site").asText();

    JsonNode sitePage = ok("/v2.2/meter/site/" + site);

    assertEnvelope(sitePage, 35, 1, 1);
    assertThat(typesAt(sitePage, site)).hasSize(35);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "abc", "1.0"})
  void anInvalidPageIsA400NamingPage(String page) {
    for (String path : List.of("/meter/company/" + companyId, "/meter/site/" + siteOne, "/meter/connection/" + both)) {
      assertRejected(server.get("/v2.2" + path + "?page=" + page, owner.key()), 400, "page");
    }
  }

  // ---------------------------------------------------------------- ids and tenancy

  private static List<String> routes() {
    String meterId = bothDetails.get("accounts").get(0).get("meters").get(0).asText();
    return List.of("/meter/" + meterId, "/meter/company/" + companyId, "/company/" + companyId + "/meter",
        "/meter/site/" + siteOne, "/meter/connection/" + both);
  }

  @Test
  void anotherTenantIsForbiddenOnEveryMeterRoute() {
    for (TestServer.Tenant intruder : List.of(otherOrganization, productionOfSameOrganization)) {
      for (String prefix : Fixtures.PREFIXES) {
        for (String path : routes()) {
          Response response = server.get(prefix + path, intruder.key());
          assertForbidden(response);
          assertThat(response.body()).doesNotContain(siteOne, siteTwo, "identifiers");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "1", "0e984725-c51c-4bf4-9960-e1c80e27aba0-1", "0e984725c51c4bf49960e1c80e27aba0"})
  void aMalformedIdIsA404(String id) {
    Map<String, String> expected = Map.of("/meter/" + id, "Meter not found.",
        "/meter/company/" + id, "Company not found.", "/company/" + id + "/meter", "Company not found.",
        "/meter/site/" + id, "Site not found.", "/meter/connection/" + id, "Connection not found.");
    expected.forEach((path, detail) -> {
      Response response = server.get("/v2.2" + path, owner.key());
      assertRejected(response, 404, null);
      assertThat(response.detail()).as(path).isEqualTo(detail);
    });
  }

  @Test
  void anUnknownIdIsA404ForEveryone() {
    String unknown = UUID.randomUUID().toString();
    for (TestServer.Tenant caller : List.of(owner, otherOrganization)) {
      for (String path : List.of("/meter/" + unknown, "/meter/company/" + unknown, "/company/" + unknown + "/meter",
          "/meter/site/" + unknown, "/meter/connection/" + unknown)) {
        assertRejected(server.get("/v2.2" + path, caller.key()), 404, null);
      }
    }
  }
}

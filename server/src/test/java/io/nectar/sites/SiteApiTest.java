package io.nectar.sites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Multipart;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every site endpoint on every version prefix, with the three body encodings (nectar-api.md §4). */
class SiteApiTest {
  private static final List<String> SITE_FIELDS = List.of("id", "name", "dataCollectionStopDate", "externalId",
      "address", "path", "occupancyPercent");
  private static final AtomicInteger ORGS = new AtomicInteger();

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A key of a fresh organization and one company of it. */
  private record Owner(String key, String companyId) {}

  private static Owner newOwner(String prefix) {
    String key = server.tenant("Site Org " + ORGS.incrementAndGet(), Environment.SANDBOX).key();
    Response company = server.postJson(prefix + "/company", key, "{\"name\": \"Site Owner\"}");
    assertThat(company.status()).as(company.toString()).isEqualTo(201);
    return new Owner(key, company.json().get("id").asText());
  }

  private static JsonNode created(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    return response.json();
  }

  private static JsonNode getSite(String prefix, String key, String id) {
    Response response = server.get(prefix + "/site/" + id, key);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode patchSite(String prefix, String key, String id, String json) {
    Response response = server.patchJson(prefix + "/site/" + id, key, json);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode embeddedSites(String prefix, Owner owner) {
    return server.get(prefix + "/company/" + owner.companyId(), owner.key()).json().get("sites");
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(element -> values.add(element.asText()));
    return values;
  }

  private static LocalDate todayUtc() {
    return LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);
  }

  /** Asserts every field of a site as created with the full set of fields. */
  private static void assertFullSite(JsonNode site, String name, String externalId, String address,
      List<String> path, String occupancy) {
    assertThat(fieldNames(site)).containsExactlyInAnyOrderElementsOf(SITE_FIELDS);
    String id = site.get("id").asText();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(site.get("name").asText()).isEqualTo(name);
    assertThat(site.get("dataCollectionStopDate").isNull()).isTrue();
    assertThat(site.get("externalId").asText()).isEqualTo(externalId);
    assertThat(site.get("address").asText()).isEqualTo(address);
    assertThat(site.get("path").isArray()).isTrue();
    assertThat(texts(site.get("path"))).containsExactlyElementsOf(path);
    assertThat(site.get("occupancyPercent").isTextual()).isTrue();
    assertThat(site.get("occupancyPercent").asText()).isEqualTo(occupancy);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void creatingASiteFromJsonReturns201WithEveryField(String prefix) {
    Owner owner = newOwner(prefix);

    JsonNode site = created(server.postJson(prefix + "/site/company/" + owner.companyId(), owner.key(), """
        {"name": "Headquarters", "externalId": "espm-123", "address": "1 Market St, San Francisco",
         "path": ["US", "CA", "San Francisco"], "occupancyPercent": "87.5"}"""));

    assertFullSite(site, "Headquarters", "espm-123", "1 Market St, San Francisco",
        List.of("US", "CA", "San Francisco"), "87.5000");
    assertThat(getSite(prefix, owner.key(), site.get("id").asText())).isEqualTo(site);
    assertThat(embeddedSites(prefix, owner)).containsExactly(site);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void aSiteCreatedWithOnlyANameHasEveryOtherFieldEmpty(String prefix) {
    Owner owner = newOwner(prefix);

    JsonNode site = created(server.postJson(prefix + "/site/company/" + owner.companyId(), owner.key(),
        "{\"name\": \"  Warehouse  \"}"));

    assertThat(fieldNames(site)).containsExactlyInAnyOrderElementsOf(SITE_FIELDS);
    assertThat(site.get("name").asText()).isEqualTo("Warehouse");
    assertThat(site.get("dataCollectionStopDate").isNull()).isTrue();
    assertThat(site.get("externalId").isNull()).isTrue();
    assertThat(site.get("address").isNull()).isTrue();
    assertThat(site.get("path").isArray()).isTrue();
    assertThat(site.get("path")).isEmpty();
    assertThat(site.get("occupancyPercent").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void creatingASiteFromAFormUrlencodedBodyReturns201WithEveryField(String prefix) {
    Owner owner = newOwner(prefix);

    JsonNode site = created(server.postForm(prefix + "/site/company/" + owner.companyId(), owner.key(),
        "name=Form+Site&externalId=form-1&address=2+High+St%2C+Boston&path=US&path=MA&path=Boston"
            + "&occupancyPercent=50"));

    assertFullSite(site, "Form Site", "form-1", "2 High St, Boston", List.of("US", "MA", "Boston"), "50.0000");
    assertThat(getSite(prefix, owner.key(), site.get("id").asText())).isEqualTo(site);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void aSinglePathValueInAFormBodyIsAListOfOne(String prefix) {
    Owner owner = newOwner(prefix);

    JsonNode site = created(server.postForm(prefix + "/site/company/" + owner.companyId(), owner.key(),
        "name=Solo&path=CA"));

    assertThat(texts(site.get("path"))).containsExactly("CA");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void creatingASiteFromAMultipartBodyReturns201WithEveryField(String prefix) {
    Owner owner = newOwner(prefix);
    Multipart body = new Multipart()
        .field("name", "Multipart Site")
        .field("externalId", "mp-9")
        .field("address", "3 Rue de Rivoli, Paris")
        .field("path", "FR")
        .field("path", "Paris")
        .field("occupancyPercent", "12.3456");

    JsonNode site = created(server.postMultipart(prefix + "/site/company/" + owner.companyId(), owner.key(), body));

    assertFullSite(site, "Multipart Site", "mp-9", "3 Rue de Rivoli, Paris", List.of("FR", "Paris"), "12.3456");
    assertThat(getSite(prefix, owner.key(), site.get("id").asText())).isEqualTo(site);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theGuideAliasCreatesASiteJustLikeTheCanonicalPath(String prefix) {
    Owner owner = newOwner(prefix);
    String body = "{\"name\": \"Alias\", \"externalId\": \"a-1\", \"address\": \"4 Elm St\", \"path\": [\"US\"],"
        + " \"occupancyPercent\": \"100\"}";

    JsonNode canonical = created(server.postJson(prefix + "/site/company/" + owner.companyId(), owner.key(), body));
    JsonNode alias = created(server.postJson(prefix + "/company/" + owner.companyId() + "/site", owner.key(), body));

    assertFullSite(alias, "Alias", "a-1", "4 Elm St", List.of("US"), "100.0000");
    assertThat(alias.get("id").asText()).isNotEqualTo(canonical.get("id").asText());
    ObjectNode withoutId = alias.deepCopy();
    withoutId.put("id", canonical.get("id").asText());
    assertThat(withoutId).isEqualTo(canonical);
    assertThat(embeddedSites(prefix, owner)).containsExactly(canonical, alias);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theGuideAliasAcceptsFormAndMultipartBodiesToo(String prefix) {
    Owner owner = newOwner(prefix);

    JsonNode form = created(server.postForm(prefix + "/company/" + owner.companyId() + "/site", owner.key(),
        "name=Alias+Form&path=US&path=TX&occupancyPercent=0"));
    JsonNode multipart = created(server.postMultipart(prefix + "/company/" + owner.companyId() + "/site",
        owner.key(), new Multipart().field("name", "Alias Multipart").field("occupancyPercent", "75.25")));

    assertThat(form.get("name").asText()).isEqualTo("Alias Form");
    assertThat(texts(form.get("path"))).containsExactly("US", "TX");
    assertThat(form.get("occupancyPercent").asText()).isEqualTo("0.0000");
    assertThat(multipart.get("name").asText()).isEqualTo("Alias Multipart");
    assertThat(multipart.get("occupancyPercent").asText()).isEqualTo("75.2500");
    assertThat(embeddedSites(prefix, owner)).containsExactly(form, multipart);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void aSiteMayHaveA255CharacterNameAndTenPathItemsOf100Characters(String prefix) {
    Owner owner = newOwner(prefix);
    String name = "s".repeat(255);
    String item = "p".repeat(100);
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      path.append(i == 0 ? "" : ", ").append('"').append(item).append('"');
    }

    JsonNode site = created(server.postJson(prefix + "/site/company/" + owner.companyId(), owner.key(),
        "{\"name\": \"" + name + "\", \"path\": [" + path + "], \"address\": \"" + "a".repeat(255) + "\"}"));

    assertThat(site.get("name").asText()).isEqualTo(name);
    assertThat(site.get("path")).hasSize(10);
    assertThat(texts(site.get("path"))).allMatch(item::equals);
    assertThat(site.get("address").asText()).hasSize(255);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void patchChangesOnlyTheFieldsItNames(String prefix) {
    Owner owner = newOwner(prefix);
    ObjectNode original = (ObjectNode) created(server.postJson(prefix + "/site/company/" + owner.companyId(),
        owner.key(), "{\"name\": \"Old\", \"externalId\": \"e\", \"address\": \"A\", \"path\": [\"US\"],"
            + " \"occupancyPercent\": \"10\"}"));
    String id = original.get("id").asText();

    JsonNode patched = patchSite(prefix, owner.key(), id, "{\"name\": \"New\"}");

    ObjectNode expected = original.deepCopy();
    expected.put("name", "New");
    assertThat(patched).isEqualTo(expected);
    assertThat(getSite(prefix, owner.key(), id)).isEqualTo(expected);
    assertThat(patchSite(prefix, owner.key(), id, "{}")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void patchCanChangeEveryFieldAndClearTheNullableOnes(String prefix) {
    Owner owner = newOwner(prefix);
    String id = created(server.postJson(prefix + "/site/company/" + owner.companyId(), owner.key(),
        "{\"name\": \"Plain\"}")).get("id").asText();

    JsonNode patched = patchSite(prefix, owner.key(), id, """
        {"name": "Fancy", "externalId": "x-1", "address": "5 Oak Ave", "path": ["CA", "ON", "Toronto"],
         "occupancyPercent": 42.5}""");
    assertFullSite(patched, "Fancy", "x-1", "5 Oak Ave", List.of("CA", "ON", "Toronto"), "42.5000");
    assertThat(getSite(prefix, owner.key(), id)).isEqualTo(patched);

    JsonNode replacedPath = patchSite(prefix, owner.key(), id, "{\"path\": [\"CA\"]}");
    assertThat(texts(replacedPath.get("path"))).containsExactly("CA");

    JsonNode cleared = patchSite(prefix, owner.key(), id,
        "{\"externalId\": null, \"address\": null, \"occupancyPercent\": null, \"path\": []}");
    assertThat(cleared.get("externalId").isNull()).isTrue();
    assertThat(cleared.get("address").isNull()).isTrue();
    assertThat(cleared.get("occupancyPercent").isNull()).isTrue();
    assertThat(cleared.get("path")).isEmpty();
    assertThat(cleared.get("name").asText()).isEqualTo("Fancy");
    assertThat(getSite(prefix, owner.key(), id)).isEqualTo(cleared);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void deletingASiteArchivesItWithTodayAsItsStopDate(String prefix) {
    Owner owner = newOwner(prefix);
    JsonNode site = created(server.postJson(prefix + "/site/company/" + owner.companyId(), owner.key(),
        "{\"name\": \"Closing\", \"externalId\": \"c-1\"}"));
    String id = site.get("id").asText();
    LocalDate before = todayUtc();

    Response deleted = server.delete(prefix + "/site/" + id, owner.key());

    LocalDate after = todayUtc();
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    JsonNode archived = getSite(prefix, owner.key(), id);
    assertThat(archived.get("dataCollectionStopDate").asText()).isIn(before.toString(), after.toString());
    ObjectNode expected = site.deepCopy();
    expected.put("dataCollectionStopDate", archived.get("dataCollectionStopDate").asText());
    assertThat(archived).isEqualTo(expected);
    assertThat(embeddedSites(prefix, owner)).containsExactly(archived);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void archivingASiteTwiceKeepsTheFirstStopDate(String prefix) {
    Owner owner = newOwner(prefix);
    String id = created(server.postJson(prefix + "/site/company/" + owner.companyId(), owner.key(),
        "{\"name\": \"Twice\"}")).get("id").asText();
    assertThat(server.delete(prefix + "/site/" + id, owner.key()).status()).isEqualTo(204);
    String first = getSite(prefix, owner.key(), id).get("dataCollectionStopDate").asText();

    server.clock().advance(Duration.ofDays(3));
    try {
      Response again = server.delete(prefix + "/site/" + id, owner.key());

      assertThat(again.status()).as(again.toString()).isEqualTo(204);
      assertThat(getSite(prefix, owner.key(), id).get("dataCollectionStopDate").asText()).isEqualTo(first);
    } finally {
      server.clock().advance(Duration.ofDays(-3));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void anUnknownSiteOrCompanyIs404WithDetail(String prefix) {
    Owner owner = newOwner(prefix);
    String unknown = UUID.randomUUID().toString();

    for (Response response : List.of(server.get(prefix + "/site/" + unknown, owner.key()),
        server.patchJson(prefix + "/site/" + unknown, owner.key(), "{\"name\": \"x\"}"),
        server.delete(prefix + "/site/" + unknown, owner.key()))) {
      assertThat(response.status()).as(response.toString()).isEqualTo(404);
      assertThat(response.detail()).isEqualTo("Site not found.");
    }
    for (Response response : List.of(
        server.postJson(prefix + "/site/company/" + unknown, owner.key(), "{\"name\": \"x\"}"),
        server.postJson(prefix + "/company/" + unknown + "/site", owner.key(), "{\"name\": \"x\"}"))) {
      assertThat(response.status()).as(response.toString()).isEqualTo(404);
      assertThat(response.detail()).isEqualTo("Company not found.");
    }
    assertThat(embeddedSites(prefix, owner)).isEmpty();
  }

  static Stream<Arguments> occupancies() {
    List<String[]> cases = List.of(
        new String[] {"\"0\"", "0.0000"},
        new String[] {"\"100\"", "100.0000"},
        new String[] {"\"99.9999\"", "99.9999"},
        new String[] {"\"12.5\"", "12.5000"},
        new String[] {"\"0.0001\"", "0.0001"},
        new String[] {"33.3", "33.3000"},
        new String[] {"7", "7.0000"});
    return Stream.of("/v2", "/v2.1", "/v2.2")
        .flatMap(prefix -> cases.stream().map(c -> Arguments.of(prefix, c[0], c[1])));
  }

  @ParameterizedTest(name = "{0}: occupancyPercent {1} is stored as \"{2}\"")
  @MethodSource("occupancies")
  void occupancyIsKeptExactlyAsAFourPlaceDecimalString(String prefix, String given, String expected) {
    Owner owner = newOwner(prefix);

    JsonNode site = created(server.postJson(prefix + "/site/company/" + owner.companyId(), owner.key(),
        "{\"name\": \"Occupied\", \"occupancyPercent\": " + given + "}"));

    assertThat(site.get("occupancyPercent").isTextual()).isTrue();
    assertThat(site.get("occupancyPercent").asText()).isEqualTo(expected);
    String id = site.get("id").asText();
    patchSite(prefix, owner.key(), id, "{\"occupancyPercent\": \"1\"}");
    assertThat(patchSite(prefix, owner.key(), id, "{\"occupancyPercent\": " + given + "}")
        .get("occupancyPercent").asText()).isEqualTo(expected);
    assertThat(getSite(prefix, owner.key(), id).get("occupancyPercent").asText()).isEqualTo(expected);
  }
}

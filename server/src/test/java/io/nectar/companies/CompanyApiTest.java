package io.nectar.companies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
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

/** Every company endpoint on every version prefix (nectar-api.md §3, CONTRACT §1–§3). */
class CompanyApiTest {
  private static final List<String> COMPANY_FIELDS = List.of("id", "name", "isDemandEnabled", "sites", "users",
      "externalId", "dataCollectionStartDate", "isImpliedMeteringEnabled", "impliedMeteringFraction",
      "isBasicIdentifierMappingEnabled", "isLowAccuracyModeEnabled");
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

  /** A fresh organization per test, so that lists hold only what the test created. */
  private static String newKey() {
    return server.tenant("Company Org " + ORGS.incrementAndGet(), Environment.SANDBOX).key();
  }

  private static JsonNode create(String prefix, String key, String json) {
    Response response = server.postJson(prefix + "/company", key, json);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  private static JsonNode get(String prefix, String key, String id) {
    Response response = server.get(prefix + "/company/" + id, key);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode patch(String prefix, String key, String id, String json) {
    Response response = server.patchJson(prefix + "/company/" + id, key, json);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(element -> ids.add(element.get("id").asText()));
    return ids;
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

  static Stream<String> prefixes() {
    return Stream.of("/v2", "/v2.1", "/v2.2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void creatingACompanyWithOnlyANameReturns201WithEveryFieldAtItsDefault(String prefix) {
    String key = newKey();
    int yearBefore = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC).getYear();

    Response response = server.postJson(prefix + "/company", key, "{\"name\": \"Acme\"}");

    int yearAfter = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC).getYear();
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    JsonNode company = response.json();
    assertThat(fieldNames(company)).containsExactlyInAnyOrderElementsOf(COMPANY_FIELDS);
    String id = company.get("id").asText();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(company.get("name").isTextual()).isTrue();
    assertThat(company.get("name").asText()).isEqualTo("Acme");
    assertThat(company.get("isDemandEnabled").isBoolean()).isTrue();
    assertThat(company.get("isDemandEnabled").booleanValue()).isFalse();
    assertThat(company.get("sites").isArray()).isTrue();
    assertThat(company.get("sites")).isEmpty();
    assertThat(company.get("users").isArray()).isTrue();
    assertThat(company.get("users")).isEmpty();
    assertThat(company.get("externalId").isNull()).isTrue();
    assertThat(company.get("dataCollectionStartDate").asText())
        .isIn(LocalDate.of(yearBefore - 1, 1, 1).toString(), LocalDate.of(yearAfter - 1, 1, 1).toString());
    assertThat(company.get("isImpliedMeteringEnabled").isBoolean()).isTrue();
    assertThat(company.get("isImpliedMeteringEnabled").booleanValue()).isFalse();
    assertThat(company.get("impliedMeteringFraction").isTextual()).isTrue();
    assertThat(company.get("impliedMeteringFraction").asText()).isEqualTo("1.00");
    assertThat(company.get("isBasicIdentifierMappingEnabled").isBoolean()).isTrue();
    assertThat(company.get("isBasicIdentifierMappingEnabled").booleanValue()).isFalse();
    assertThat(company.get("isLowAccuracyModeEnabled").isBoolean()).isTrue();
    assertThat(company.get("isLowAccuracyModeEnabled").booleanValue()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void creatingACompanyWithEveryFieldStoresAndReturnsEachOne(String prefix) {
    String key = newKey();

    JsonNode company = create(prefix, key, """
        {"name": "Demo Company", "externalId": "crm-42", "dataCollectionStartDate": "2021-03-15",
         "isDemandEnabled": true, "isImpliedMeteringEnabled": true, "impliedMeteringFraction": "0.5",
         "isBasicIdentifierMappingEnabled": true, "isLowAccuracyModeEnabled": true,
         "users": ["ops@example.com", "energy@example.org"]}""");

    assertThat(fieldNames(company)).containsExactlyInAnyOrderElementsOf(COMPANY_FIELDS);
    assertThat(company.get("name").asText()).isEqualTo("Demo Company");
    assertThat(company.get("externalId").asText()).isEqualTo("crm-42");
    assertThat(company.get("dataCollectionStartDate").asText()).isEqualTo("2021-03-15");
    assertThat(company.get("isDemandEnabled").booleanValue()).isTrue();
    assertThat(company.get("isImpliedMeteringEnabled").booleanValue()).isTrue();
    assertThat(company.get("impliedMeteringFraction").asText()).isEqualTo("0.50");
    assertThat(company.get("isBasicIdentifierMappingEnabled").booleanValue()).isTrue();
    assertThat(company.get("isLowAccuracyModeEnabled").booleanValue()).isTrue();
    assertThat(texts(company.get("users"))).containsExactly("ops@example.com", "energy@example.org");
    assertThat(company.get("sites")).isEmpty();
    assertThat(get(prefix, key, company.get("id").asText())).isEqualTo(company);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void aCompanyNameIsTrimmedAndMayHaveExactly200Characters(String prefix) {
    String key = newKey();
    String longest = "n".repeat(199) + "\u00e9";

    assertThat(create(prefix, key, "{\"name\": \"  Acme  \"}").get("name").asText()).isEqualTo("Acme");
    assertThat(create(prefix, key, "{\"name\": \"" + longest + "\"}").get("name").asText()).isEqualTo(longest);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void listingCompaniesReturnsABareArrayOfTheCallersCompaniesInCreationOrder(String prefix) {
    String key = newKey();
    Response empty = server.get(prefix + "/company", key);
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().isArray()).isTrue();
    assertThat(empty.json()).isEmpty();

    List<String> created = new ArrayList<>();
    for (String name : List.of("Zeta", "Alpha", "Mu")) {
      created.add(create(prefix, key, "{\"name\": \"" + name + "\"}").get("id").asText());
    }

    Response response = server.get(prefix + "/company", key);
    assertThat(response.status()).isEqualTo(200);
    JsonNode list = response.json();
    assertThat(list.isArray()).isTrue();
    assertThat(ids(list)).containsExactlyElementsOf(created);
    for (JsonNode company : list) {
      assertThat(fieldNames(company)).containsExactlyInAnyOrderElementsOf(COMPANY_FIELDS);
      assertThat(company).isEqualTo(get(prefix, key, company.get("id").asText()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void aCompanyEmbedsItsSitesInCreationOrderInDetailAndList(String prefix) {
    String key = newKey();
    String id = create(prefix, key, "{\"name\": \"Sited\"}").get("id").asText();
    List<JsonNode> sites = new ArrayList<>();
    for (String path : List.of("/site/company/" + id, "/company/" + id + "/site", "/site/company/" + id)) {
      Response site = server.postJson(prefix + path, key, "{\"name\": \"Site " + sites.size() + "\"}");
      assertThat(site.status()).as(site.toString()).isEqualTo(201);
      sites.add(site.json());
    }

    JsonNode company = get(prefix, key, id);

    assertThat(ids(company.get("sites"))).containsExactlyElementsOf(sites.stream().map(s -> s.get("id").asText()).toList());
    for (int i = 0; i < sites.size(); i++) {
      JsonNode embedded = company.get("sites").get(i);
      assertThat(fieldNames(embedded)).containsExactlyInAnyOrderElementsOf(SITE_FIELDS);
      assertThat(embedded).isEqualTo(sites.get(i));
      assertThat(embedded).isEqualTo(server.get(prefix + "/site/" + sites.get(i).get("id").asText(), key).json());
    }
    JsonNode listed = server.get(prefix + "/company", key).json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0)).isEqualTo(company);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void patchChangesOnlyTheFieldsItNames(String prefix) {
    String key = newKey();
    ObjectNode original = (ObjectNode) create(prefix, key, """
        {"name": "Before", "externalId": "ext-1", "dataCollectionStartDate": "2020-06-01",
         "isDemandEnabled": true, "impliedMeteringFraction": "0.25", "users": ["a@example.com"]}""");
    String id = original.get("id").asText();

    JsonNode patched = patch(prefix, key, id, "{\"name\": \"After\"}");

    ObjectNode expected = original.deepCopy();
    expected.put("name", "After");
    assertThat(patched).isEqualTo(expected);
    assertThat(get(prefix, key, id)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void patchWithAnEmptyObjectChangesNothing(String prefix) {
    String key = newKey();
    JsonNode original = create(prefix, key, "{\"name\": \"Stable\", \"users\": [\"a@example.com\"]}");
    String id = original.get("id").asText();

    assertThat(patch(prefix, key, id, "{}")).isEqualTo(original);
    assertThat(get(prefix, key, id)).isEqualTo(original);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void patchCanChangeEveryWritableField(String prefix) {
    String key = newKey();
    String id = create(prefix, key, "{\"name\": \"Plain\"}").get("id").asText();

    JsonNode patched = patch(prefix, key, id, """
        {"name": "Fancy", "externalId": "erp-7", "dataCollectionStartDate": "2019-12-31",
         "isDemandEnabled": true, "isImpliedMeteringEnabled": true, "impliedMeteringFraction": "0.7",
         "isBasicIdentifierMappingEnabled": true, "isLowAccuracyModeEnabled": true,
         "users": ["x@example.com"]}""");

    assertThat(patched.get("id").asText()).isEqualTo(id);
    assertThat(patched.get("name").asText()).isEqualTo("Fancy");
    assertThat(patched.get("externalId").asText()).isEqualTo("erp-7");
    assertThat(patched.get("dataCollectionStartDate").asText()).isEqualTo("2019-12-31");
    assertThat(patched.get("isDemandEnabled").booleanValue()).isTrue();
    assertThat(patched.get("isImpliedMeteringEnabled").booleanValue()).isTrue();
    assertThat(patched.get("impliedMeteringFraction").asText()).isEqualTo("0.70");
    assertThat(patched.get("isBasicIdentifierMappingEnabled").booleanValue()).isTrue();
    assertThat(patched.get("isLowAccuracyModeEnabled").booleanValue()).isTrue();
    assertThat(texts(patched.get("users"))).containsExactly("x@example.com");
    assertThat(get(prefix, key, id)).isEqualTo(patched);

    JsonNode back = patch(prefix, key, id, """
        {"isDemandEnabled": false, "isImpliedMeteringEnabled": false, "isBasicIdentifierMappingEnabled": false,
         "isLowAccuracyModeEnabled": false}""");
    assertThat(back.get("isDemandEnabled").booleanValue()).isFalse();
    assertThat(back.get("isImpliedMeteringEnabled").booleanValue()).isFalse();
    assertThat(back.get("isBasicIdentifierMappingEnabled").booleanValue()).isFalse();
    assertThat(back.get("isLowAccuracyModeEnabled").booleanValue()).isFalse();
    assertThat(back.get("name").asText()).isEqualTo("Fancy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void patchReplacesTheUserListWhenGivenAndKeepsItWhenAbsent(String prefix) {
    String key = newKey();
    String id = create(prefix, key, "{\"name\": \"Team\", \"users\": [\"a@example.com\", \"b@example.com\"]}")
        .get("id").asText();

    assertThat(texts(patch(prefix, key, id, "{\"users\": [\"c@example.com\"]}").get("users")))
        .containsExactly("c@example.com");
    assertThat(texts(patch(prefix, key, id, "{\"name\": \"Team 2\"}").get("users")))
        .containsExactly("c@example.com");
    assertThat(patch(prefix, key, id, "{\"users\": []}").get("users")).isEmpty();
    assertThat(get(prefix, key, id).get("users")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void patchWithANullExternalIdClearsIt(String prefix) {
    String key = newKey();
    String id = create(prefix, key, "{\"name\": \"Mapped\", \"externalId\": \"crm-1\"}").get("id").asText();

    JsonNode patched = patch(prefix, key, id, "{\"externalId\": null}");

    assertThat(patched.has("externalId")).isTrue();
    assertThat(patched.get("externalId").isNull()).isTrue();
    assertThat(patched.get("name").asText()).isEqualTo("Mapped");
    assertThat(get(prefix, key, id).get("externalId").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void deletingACompanyReturns204AndThenItIsGoneEverywhere(String prefix) {
    String key = newKey();
    String kept = create(prefix, key, "{\"name\": \"Kept\"}").get("id").asText();
    String doomed = create(prefix, key, "{\"name\": \"Doomed\"}").get("id").asText();
    Response site = server.postJson(prefix + "/site/company/" + doomed, key, "{\"name\": \"Doomed site\"}");
    assertThat(site.status()).isEqualTo(201);
    String siteId = site.json().get("id").asText();

    Response deleted = server.delete(prefix + "/company/" + doomed, key);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    Response gone = server.get(prefix + "/company/" + doomed, key);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.detail()).isEqualTo("Company not found.");
    assertThat(ids(server.get(prefix + "/company", key).json())).containsExactly(kept);
    assertThat(server.delete(prefix + "/company/" + doomed, key).status()).isEqualTo(404);
    assertThat(server.patchJson(prefix + "/company/" + doomed, key, "{\"name\": \"Back\"}").status()).isEqualTo(404);
    assertThat(server.postJson(prefix + "/site/company/" + doomed, key, "{\"name\": \"Late\"}").status())
        .isEqualTo(404);
    assertThat(server.get(prefix + "/site/" + siteId, key).status()).isEqualTo(404);
    assertThat(get(prefix, key, kept).get("name").asText()).isEqualTo("Kept");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void anUnknownCompanyIs404WithDetail(String prefix) {
    String key = newKey();
    String unknown = UUID.randomUUID().toString();

    for (Response response : List.of(server.get(prefix + "/company/" + unknown, key),
        server.patchJson(prefix + "/company/" + unknown, key, "{\"name\": \"x\"}"),
        server.delete(prefix + "/company/" + unknown, key))) {
      assertThat(response.status()).as(response.toString()).isEqualTo(404);
      assertThat(response.detail()).isEqualTo("Company not found.");
    }
  }

  static Stream<Arguments> decimals() {
    List<String[]> cases = List.of(
        new String[] {"\"0.5\"", "0.50"},
        new String[] {"\"1\"", "1.00"},
        new String[] {"\"0\"", "0.00"},
        new String[] {"\"9.99\"", "9.99"},
        new String[] {"\".25\"", "0.25"},
        new String[] {"\"0.10\"", "0.10"},
        new String[] {"0.5", "0.50"},
        new String[] {"1", "1.00"},
        new String[] {"0.07", "0.07"});
    return prefixes().flatMap(prefix -> cases.stream().map(c -> Arguments.of(prefix, c[0], c[1])));
  }

  @ParameterizedTest(name = "{0}: impliedMeteringFraction {1} is stored as \"{2}\"")
  @MethodSource("decimals")
  void theImpliedMeteringFractionIsKeptExactlyAsATwoPlaceDecimalString(String prefix, String given, String expected) {
    String key = newKey();

    JsonNode created = create(prefix, key, "{\"name\": \"Decimal\", \"impliedMeteringFraction\": " + given + "}");
    assertThat(created.get("impliedMeteringFraction").isTextual()).isTrue();
    assertThat(created.get("impliedMeteringFraction").asText()).isEqualTo(expected);

    String id = created.get("id").asText();
    patch(prefix, key, id, "{\"impliedMeteringFraction\": \"0.33\"}");
    JsonNode patched = patch(prefix, key, id, "{\"impliedMeteringFraction\": " + given + "}");
    assertThat(patched.get("impliedMeteringFraction").asText()).isEqualTo(expected);
    assertThat(get(prefix, key, id).get("impliedMeteringFraction").asText()).isEqualTo(expected);
  }
}

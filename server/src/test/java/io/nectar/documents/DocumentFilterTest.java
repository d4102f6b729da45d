package io.nectar.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.FixtureCompany;
import io.nectar.testing.FixtureProvider;
import io.nectar.testing.Query;
import io.nectar.testing.Response;
import io.nectar.testing.SandboxCompany;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filters of the document lists (nectar-api.md §1.6, §8.1; CONTRACT §5) against the
 * hand-computed history of {@link FixtureProvider}: each filter alone and combined, every expected
 * list written out by bill key, in the documented order (bill date, then id).
 */
class DocumentFilterTest {
  static TestServer server;
  static TestServer.Tenant live;
  static TestServer.Tenant sandbox;
  static FixtureCompany fixture;
  static SandboxCompany big;

  @BeforeAll
  static void start() {
    server = FixtureCompany.startServer();
    live = server.tenant("Filter Org", Environment.PRODUCTION);
    sandbox = server.tenant("Filter Org", Environment.SANDBOX);
    fixture = FixtureCompany.create(server, live.key(), "Fixture Co");
    big = SandboxCompany.create(server, sandbox.key(), "Sandbox Co");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ---------------------------------------------------------------- helpers

  /** The bills a list of the fixture company shows with {@code query}, in the order shown. */
  private static List<String> bills(String query) {
    return bills(fixture, "/v2.2/document/company/" + fixture.companyId(), query);
  }

  private static List<String> bills(FixtureCompany company, String path, String query) {
    Response response = server.get(Query.path(path, query), live.key());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode page = response.json();
    List<String> bills = new ArrayList<>();
    page.get("documents").forEach(d -> bills.add(company.billOf(d.get("id").asText())));
    assertThat(page.get("totalDocuments").asInt()).as("totalDocuments counts the filtered set").isEqualTo(bills.size());
    assertThat(page.get("totalPages").asInt()).isEqualTo(1);
    return bills;
  }

  /** The bills, in list order: bill date, then id (as PostgreSQL orders uuids: by their text). */
  private static List<String> inListOrder(FixtureCompany company, String spaceSeparated) {
    if (spaceSeparated == null || spaceSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(spaceSeparated.trim().split("\\s+"))
        .sorted(Comparator.comparing((String b) -> FixtureProvider.BILL_FACTS.get(b).billDate())
            .thenComparing(company::document))
        .toList();
  }

  private static List<String> inListOrder(String spaceSeparated) {
    return inListOrder(fixture, spaceSeparated);
  }

  private static void assertRejected(Response response, String parameter) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.detail()).isNotBlank();
    JsonNode errors = response.json().path("errors");
    assertThat(errors.has(parameter)).as("errors names %s in %s", parameter, response).isTrue();
    assertThat(errors.get(parameter).isArray()).isTrue();
    assertThat(errors.get(parameter).get(0).asText()).isNotBlank();
  }

  // ---------------------------------------------------------------- no filter

  @Test
  void withoutFiltersEveryDocumentIsListedByBillDateThenId() {
    assertThat(bills("")).containsExactlyElementsOf(
        inListOrder("B01 B02 B03 B04 B05 B06 B07 B08 B09 B10 B11"));
    assertThat(bills("")).startsWith("B01", "B02", "B04", "B03").endsWith("B06", "B07", "B08", "B10");
  }

  // ---------------------------------------------------------------- dates

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "startDate=2024-03-01&endDate=2024-03-31                      | B03 B04 B05 B09",
      "dateType=BILL_DATE&startDate=2024-03-01&endDate=2024-03-31   | B03 B04 B05 B09",
      "startDate=2024-03-01                                         | B03 B04 B05 B06 B07 B08 B09 B10 B11",
      "endDate=2024-03-31                                           | B01 B02 B03 B04 B05 B09",
      "startDate=2024-03-01&endDate=2024-03-01                      | B04",
      "startDate=2024-03-31&endDate=2024-03-31                      | B05 B09",
      "startDate=2024-02-29&endDate=2024-02-29                      | B02",
      "startDate=2024-04-01&endDate=2024-04-01                      | B11",
      "startDate=2024-03-02&endDate=2024-03-30                      | B03",
      "startDate=2024-07-01                                         | ",
      "endDate=2023-12-31                                           | "})
  void billDateIsTheDefaultAndTheRangeIncludesBillsDatedOnItsFirstAndLastDay(String query, String expected) {
    assertThat(bills(query.trim())).containsExactlyElementsOf(inListOrder(expected));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      // a period overlapping the range by one day counts; B02 ends the day before, B07 starts the day after
      "startDate=2024-03-01&endDate=2024-03-31 | B03 B04 B05 B06 B08 B09 B11",
      "startDate=2024-03-01                    | B03 B04 B05 B06 B07 B08 B09 B10 B11",
      "endDate=2024-03-31                      | B01 B02 B03 B04 B05 B06 B08 B09 B11",
      "startDate=2024-03-01&endDate=2024-03-01 | B03 B04 B08 B09",
      "startDate=2024-02-29&endDate=2024-02-29 | B02 B03 B04 B08",
      "startDate=2024-03-25&endDate=2024-03-25 | B05 B06 B08 B09 B11",
      "startDate=2024-04-02&endDate=2024-04-30 | B06 B07 B08",
      "startDate=2024-07-01                    | "})
  void usagePeriodMatchesEveryPeriodThatOverlapsTheRangeInclusively(String query, String expected) {
    assertThat(bills("dateType=USAGE_PERIOD&" + query.trim())).containsExactlyElementsOf(inListOrder(expected));
  }

  @Test
  void aPeriodEndingTheDayBeforeTheStartIsExcludedAndOneEndingOnTheStartIsIncluded() {
    List<String> fromMarch = bills("dateType=USAGE_PERIOD&startDate=2024-03-01");
    List<String> fromLeapDay = bills("dateType=USAGE_PERIOD&startDate=2024-02-29");

    assertThat(fromMarch).contains("B03", "B04").doesNotContain("B01", "B02");
    assertThat(fromLeapDay).contains("B02", "B03", "B04").doesNotContain("B01");
  }

  @Test
  void createdDateComparesWholeUtcDays() {
    LocalDate before = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);
    FixtureCompany company = FixtureCompany.create(server, live.key(), "Created Co");
    LocalDate after = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);
    Map<String, LocalDate> createdDay = days(company, "created");
    assertThat(createdDay.values()).allSatisfy(day -> assertThat(day).isBetween(before, after));
    LocalDate first = createdDay.values().stream().min(Comparator.naturalOrder()).orElseThrow();
    LocalDate last = createdDay.values().stream().max(Comparator.naturalOrder()).orElseThrow();
    String path = "/v2.2/document/company/" + company.companyId();

    // the end day counts whole: documents created at any time of that day are included
    assertThat(bills(company, path, "dateType=CREATED_DATE&startDate=" + first + "&endDate=" + last))
        .containsExactlyElementsOf(inListOrder(company, String.join(" ", FixtureProvider.BILLS)));
    assertThat(bills(company, path, "dateType=CREATED_DATE&endDate=" + last))
        .hasSize(FixtureProvider.BILLS.size());
    assertThat(bills(company, path, "dateType=CREATED_DATE&startDate=" + first))
        .hasSize(FixtureProvider.BILLS.size());
    assertThat(bills(company, path, "dateType=CREATED_DATE&startDate=" + last.plusDays(1))).isEmpty();
    assertThat(bills(company, path, "dateType=CREATED_DATE&endDate=" + first.minusDays(1))).isEmpty();
    // bill dates play no part in CREATED_DATE
    assertThat(bills(company, path, "dateType=CREATED_DATE&startDate=2024-03-01&endDate=2024-03-31")).isEmpty();
  }

  @Test
  void updatedDateFollowsTheLastChangeByWholeUtcDays() {
    FixtureCompany company = FixtureCompany.create(server, live.key(), "Updated Co");
    String path = "/v2.2/document/company/" + company.companyId();
    Map<String, LocalDate> createdDay = days(company, "created");
    LocalDate created = createdDay.values().stream().max(Comparator.naturalOrder()).orElseThrow();

    server.clock().advance(Duration.ofDays(2));
    Response patch = server.patchJson("/v2.2/usage/" + company.usageRow("B05/G1"), live.key(),
        "{\"tariff\": \"G-NR1\"}");
    assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
    LocalDate updated = days(company, "updated").get("B05");
    assertThat(updated).isAfter(created);

    assertThat(bills(company, path, "dateType=UPDATED_DATE&startDate=" + updated + "&endDate=" + updated))
        .containsExactly("B05");
    assertThat(bills(company, path, "dateType=UPDATED_DATE&startDate=" + updated)).containsExactly("B05");
    List<String> others = new ArrayList<>(FixtureProvider.BILLS);
    others.remove("B05");
    assertThat(bills(company, path, "dateType=UPDATED_DATE&endDate=" + updated.minusDays(1)))
        .containsExactlyElementsOf(inListOrder(company, String.join(" ", others)));
    assertThat(bills(company, path, "dateType=UPDATED_DATE&endDate=" + created))
        .containsExactlyElementsOf(inListOrder(company, String.join(" ", others)));
    // the correction changed when B05 was updated, not when it was created
    assertThat(bills(company, path, "dateType=CREATED_DATE&startDate=" + updated)).isEmpty();
  }

  /** The UTC day of each document's {@code created} or {@code updated}, by bill key. */
  private static Map<String, LocalDate> days(FixtureCompany company, String field) {
    Map<String, LocalDate> days = new java.util.HashMap<>();
    server.get("/v2.2/document/company/" + company.companyId(), live.key()).json().get("documents")
        .forEach(d -> days.put(company.billOf(d.get("id").asText()),
            LocalDate.ofInstant(Instant.parse(d.get(field).asText()), ZoneOffset.UTC)));
    assertThat(days).hasSize(FixtureProvider.BILLS.size());
    return days;
  }

  // ---------------------------------------------------------------- types and identifiers

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "datasourceType=GAS&datasourceType=WATER  | B04 B05 B06 B07 B09 B10",
      "datasourceType=WATER&datasourceType=GAS  | B04 B05 B06 B07 B09 B10",
      "datasourceType=ELECTRICITY               | B01 B02 B03 B08 B09 B11",
      "datasourceType=WATER                     | B06 B07 B09",
      "datasourceType=GAS                       | B04 B05 B10",
      "datasourceType=GAS&datasourceType=GAS    | B04 B05 B10",
      "datasourceType=SOLAR                     | ",
      "datasourceType=SOLAR&datasourceType=FUEL | "})
  void repeatedDatasourceTypesMatchAnyOfThem(String query, String expected) {
    assertThat(bills(query.trim())).containsExactlyElementsOf(inListOrder(expected));
  }

  @ParameterizedTest(name = "identifier={0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "0137746423   | B01 B02 B03 B09",
      "137746423    | B01 B02 B03 B09",
      "013 774 6423 | B01 B02 B03 B09",
      "013-774-6423 | B01 B02 B03 B09",
      "12/34-56     | B04 B05 B10",
      "00 12_34/56  | B04 B05 B10",
      "123456       | B04 B05 B10",
      "a1b          | B06 B07 B09",
      "A-1,B        | B06 B07 B09",
      "a_1 b        | B06 B07 B09",
      "42           | B08 B11",
      "0042         | B08 B11",
      "7700-1       | B08 B11",
      "999          | ",
      "1377464      | "})
  void theIdentifierIsNormalisedAndSearchesEveryIdentifierOfEveryMeter(String identifier, String expected) {
    assertThat(bills("identifier=" + identifier.trim())).containsExactlyElementsOf(inListOrder(expected));
  }

  // ---------------------------------------------------------------- combined

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "startDate=2024-03-01&endDate=2024-03-31&datasourceType=GAS&datasourceType=WATER | B04 B05 B09",
      "startDate=2024-03-01&endDate=2024-03-31&datasourceType=GAS&datasourceType=WATER&identifier=a1b | B09",
      "dateType=USAGE_PERIOD&startDate=2024-03-01&endDate=2024-03-31&datasourceType=ELECTRICITY&identifier=42 | B08 B11",
      "dateType=USAGE_PERIOD&startDate=2024-03-01&endDate=2024-03-31&datasourceType=GAS&identifier=0137746423 | ",
      "dateType=USAGE_PERIOD&startDate=2024-03-01&datasourceType=GAS | B04 B05 B10",
      "endDate=2024-03-31&identifier=013 774 6423 | B01 B02 B03 B09",
      "startDate=2024-03-01&identifier=12/34-56 | B04 B05 B10",
      "datasourceType=ELECTRICITY&identifier=A-1,B | B09",
      "isDeleted=false&startDate=2024-03-01&endDate=2024-03-31 | B03 B04 B05 B09"})
  void filtersCombineAsAnAnd(String query, String expected) {
    assertThat(bills(query.trim())).containsExactlyElementsOf(inListOrder(expected));
  }

  @Test
  void theSiteAndConnectionListsTakeTheSameFilters() {
    String usagePeriod = "dateType=USAGE_PERIOD&startDate=2024-03-01&endDate=2024-03-31";

    assertThat(bills(fixture, "/v2.2/document/site/" + fixture.site2(), usagePeriod))
        .containsExactlyElementsOf(inListOrder("B04 B05 B08 B11"));
    assertThat(bills(fixture, "/v2.2/document/site/" + fixture.site1(), usagePeriod))
        .containsExactlyElementsOf(inListOrder("B03 B06 B09"));
    assertThat(bills(fixture, "/v2.2/document/site/" + fixture.site1(), "datasourceType=WATER"))
        .containsExactlyElementsOf(inListOrder("B06 B07 B09"));
    assertThat(bills(fixture, "/v2.2/document/connection/" + fixture.connectionId(), "identifier=12/34-56"))
        .containsExactlyElementsOf(inListOrder("B04 B05 B10"));
    assertThat(bills(fixture, "/v2/company/" + fixture.companyId() + "/document",
        "startDate=2024-03-01&endDate=2024-03-31")).containsExactlyElementsOf(inListOrder("B03 B04 B05 B09"));
    assertThat(bills(fixture, "/v2.1/document/site/" + fixture.site2(), "startDate=2024-03-01&endDate=2024-03-31"))
        .containsExactlyElementsOf(inListOrder("B04 B05"));
  }

  // ---------------------------------------------------------------- deleted documents

  @Test
  void deletedDocumentsAreListedOnlyWithIsDeletedTrue() {
    FixtureCompany company = FixtureCompany.create(server, live.key(), "Deleting Co");
    String path = "/v2.2/document/company/" + company.companyId();
    assertThat(server.delete("/v2.2/document/" + company.document("B10"), live.key()).status()).isEqualTo(204);
    List<String> remaining = new ArrayList<>(FixtureProvider.BILLS);
    remaining.remove("B10");

    assertThat(bills(company, path, "")).containsExactlyElementsOf(inListOrder(company, String.join(" ", remaining)));
    assertThat(bills(company, path, "isDeleted=false"))
        .containsExactlyElementsOf(inListOrder(company, String.join(" ", remaining)));
    assertThat(bills(company, path, "isDeleted=true"))
        .containsExactlyElementsOf(inListOrder(company, String.join(" ", FixtureProvider.BILLS)));
    assertThat(bills(company, path, "isDeleted=true&datasourceType=GAS"))
        .containsExactlyElementsOf(inListOrder(company, "B04 B05 B10"));
    assertThat(bills(company, path, "isDeleted=true&startDate=2024-06-01")).containsExactly("B10");
    assertThat(bills(company, path, "startDate=2024-06-01")).isEmpty();
    assertThat(bills(company, "/v2.2/document/site/" + company.site2(), "isDeleted=true&identifier=123456"))
        .containsExactlyElementsOf(inListOrder(company, "B04 B05 B10"));
    assertThat(bills(company, "/v2.2/document/connection/" + company.connectionId(), "identifier=123456"))
        .containsExactlyElementsOf(inListOrder(company, "B04 B05"));
  }

  // ---------------------------------------------------------------- bad parameters

  @ParameterizedTest(name = "{0} is rejected naming {1}")
  @CsvSource(delimiter = '|', value = {
      "dateType=BILLDATE                          | dateType",
      "dateType=SERVICE_PERIOD                    | dateType",
      "datasourceType=STEAM                       | datasourceType",
      "datasourceType=GAS&datasourceType=PLASMA   | datasourceType",
      "datasourceType=                            | datasourceType",
      "startDate=2024-13-01                       | startDate",
      "startDate=01/03/2024                       | startDate",
      "startDate=2024-3-1                         | startDate",
      "startDate=2024-03-01T00:00:00Z             | startDate",
      "endDate=2024-02-30                         | endDate",
      "endDate=yesterday                          | endDate",
      "isDeleted=maybe                            | isDeleted",
      "identifier=- _/,                           | identifier",
      "page=0                                     | page",
      "page=-1                                    | page",
      "page=abc                                   | page",
      "page=1.5                                   | page"})
  void anUnknownEnumValueOrMalformedParameterIs400NamingIt(String query, String parameter) {
    for (String path : List.of("/v2.2/document/company/" + fixture.companyId(),
        "/v2/company/" + fixture.companyId() + "/document", "/v2.1/document/site/" + fixture.site1(),
        "/v2.2/document/connection/" + fixture.connectionId())) {
      assertRejected(server.get(Query.path(path, query.trim()), live.key()), parameter.trim());
    }
  }

  @Test
  void everyBadParameterIsReportedAtOnce() {
    Response response = server.get(Query.path("/v2.2/document/company/" + fixture.companyId(),
        "startDate=tomorrow&dateType=WHENEVER&datasourceType=STEAM&isDeleted=perhaps"), live.key());

    assertRejected(response, "startDate");
    assertThat(response.json().get("errors").has("dateType")).isTrue();
    assertThat(response.json().get("errors").has("datasourceType")).isTrue();
    assertThat(response.json().get("errors").has("isDeleted")).isTrue();
  }

  // ---------------------------------------------------------------- empty results and pages

  @ParameterizedTest
  @ValueSource(strings = {"", "&page=1", "&page=7"})
  void anEmptyResultIsOneEmptyPage(String page) {
    Response response = server.get("/v2.2/document/company/" + fixture.companyId() + "?startDate=2030-01-01" + page,
        live.key());

    assertThat(response.status()).isEqualTo(200);
    JsonNode json = response.json();
    assertThat(json.get("totalDocuments").asInt()).isZero();
    assertThat(json.get("perPage").asInt()).isEqualTo(100);
    assertThat(json.get("totalPages").asInt()).isEqualTo(1);
    assertThat(json.get("currentPage").asInt()).isEqualTo(1);
    assertThat(json.get("hasNext").asBoolean()).isFalse();
    assertThat(json.get("hasPrevious").asBoolean()).isFalse();
    assertThat(json.get("documents").isArray()).isTrue();
    assertThat(json.get("documents")).isEmpty();
  }

  @Test
  void aPagePastTheEndOfASmallSetIsItsOnlyPage() {
    JsonNode first = server.get("/v2.2/document/company/" + fixture.companyId(), live.key()).json();
    JsonNode past = server.get("/v2.2/document/company/" + fixture.companyId() + "?page=3", live.key()).json();

    assertThat(past.get("currentPage").asInt()).isEqualTo(1);
    assertThat(past.get("totalPages").asInt()).isEqualTo(1);
    assertThat(past.get("hasPrevious").asBoolean()).isFalse();
    assertThat(ids(past)).isEqualTo(ids(first)).hasSize(FixtureProvider.BILLS.size());
  }

  @Test
  void pagingThroughMoreThanAHundredDocumentsReturnsEachExactlyOnceInBillDateThenIdOrder() {
    String path = "/v2.2/document/company/" + big.companyId();
    JsonNode first = server.get(path, sandbox.key()).json();
    long total = first.get("totalDocuments").asLong();
    int pages = first.get("totalPages").asInt();
    assertThat(total).isGreaterThan(100);
    assertThat(pages).isEqualTo((int) ((total + 99) / 100));

    List<JsonNode> all = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      JsonNode json = server.get(path + "?page=" + page, sandbox.key()).json();
      assertThat(json.get("currentPage").asInt()).isEqualTo(page);
      assertThat(json.get("hasPrevious").asBoolean()).isEqualTo(page > 1);
      assertThat(json.get("hasNext").asBoolean()).isEqualTo(page < pages);
      assertThat(json.get("totalDocuments").asLong()).isEqualTo(total);
      assertThat(json.get("documents").size()).isEqualTo(page < pages ? 100 : (int) (total - 100L * (pages - 1)));
      json.get("documents").forEach(all::add);
    }

    List<String> ids = all.stream().map(d -> d.get("id").asText()).toList();
    assertThat(new HashSet<>(ids)).hasSize(ids.size()).isEqualTo(databaseIds("document", big.companyId()));
    assertThat(all).isSortedAccordingTo(Comparator
        .comparing((JsonNode d) -> d.get("billDate").asText())
        .thenComparing(d -> d.get("id").asText()));
  }

  @Test
  void aPagePastTheEndOfALargeSetIsItsLastPage() {
    String path = "/v2.2/document/company/" + big.companyId();
    int pages = server.get(path, sandbox.key()).json().get("totalPages").asInt();
    assertThat(pages).isGreaterThan(1);
    JsonNode last = server.get(path + "?page=" + pages, sandbox.key()).json();

    for (String page : List.of(Integer.toString(pages + 1), "999", "99999999999999999999")) {
      JsonNode past = server.get(path + "?page=" + page, sandbox.key()).json();
      assertThat(past.get("currentPage").asInt()).as("page " + page).isEqualTo(pages);
      assertThat(past.get("hasNext").asBoolean()).isFalse();
      assertThat(past.get("hasPrevious").asBoolean()).isTrue();
      assertThat(ids(past)).isEqualTo(ids(last));
    }
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("documents").forEach(d -> ids.add(d.get("id").asText()));
    return ids;
  }

  /** The ids of every live row of {@code table} for the company, straight from the database. */
  static Set<String> databaseIds(String table, String companyId) {
    String live = table.equals("document") ? "deleted_at is null" : "not is_deleted";
    return new HashSet<>(server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select id from " + table + " where company_id = :id and " + live)
        .bind("id", UUID.fromString(companyId)).mapTo(UUID.class).map(UUID::toString).list()));
  }
}

package io.nectar.usage;

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
import java.util.HashMap;
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
 * The filters of the usage-data lists (nectar-api.md §1.6, §8.4; CONTRACT §5) against the
 * hand-computed history of {@link FixtureProvider}. Usage rows are filtered by their own period,
 * type and meter: B09's water row (February 20 – March 19) and electricity row (March) answer
 * differently although they share a bill. Every expected list is written out as {@code bill/meter},
 * in the documented order (bill date, then id).
 */
class UsageFilterTest {
  static TestServer server;
  static TestServer.Tenant live;
  static TestServer.Tenant sandbox;
  static FixtureCompany fixture;
  static SandboxCompany big;

  @BeforeAll
  static void start() {
    server = FixtureCompany.startServer();
    live = server.tenant("Usage Filter Org", Environment.PRODUCTION);
    sandbox = server.tenant("Usage Filter Org", Environment.SANDBOX);
    fixture = FixtureCompany.create(server, live.key(), "Fixture Co");
    big = SandboxCompany.create(server, sandbox.key(), "Sandbox Co");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ---------------------------------------------------------------- helpers

  private static List<String> rows(String query) {
    return rows(fixture, "/v2.2/usage/company/" + fixture.companyId(), query);
  }

  /** The usage rows a list shows with {@code query}, as bill/meter keys, in the order shown. */
  private static List<String> rows(FixtureCompany company, String path, String query) {
    Response response = server.get(Query.path(path, query), live.key());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode page = response.json();
    List<String> rows = new ArrayList<>();
    page.get("usageData").forEach(u -> rows.add(company.usageOf(u.get("id").asText())));
    assertThat(page.get("totalUsageData").asInt()).as("totalUsageData counts the filtered set")
        .isEqualTo(rows.size());
    assertThat(page.get("totalPages").asInt()).isEqualTo(1);
    return rows;
  }

  /** The rows in list order: their bill's date, then id (as PostgreSQL orders uuids: by their text). */
  private static List<String> inListOrder(FixtureCompany company, String spaceSeparated) {
    if (spaceSeparated == null || spaceSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(spaceSeparated.trim().split("\\s+"))
        .sorted(Comparator.comparing((String key) -> FixtureProvider.BILL_FACTS.get(key.substring(0, 3)).billDate())
            .thenComparing(company::usageRow))
        .toList();
  }

  private static List<String> inListOrder(String spaceSeparated) {
    return inListOrder(fixture, spaceSeparated);
  }

  private static String all() {
    return String.join(" ", FixtureProvider.USAGE);
  }

  private static void assertRejected(Response response, String parameter) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.detail()).isNotBlank();
    JsonNode errors = response.json().path("errors");
    assertThat(errors.has(parameter)).as("errors names %s in %s", parameter, response).isTrue();
    assertThat(errors.get(parameter).get(0).asText()).isNotBlank();
  }

  // ---------------------------------------------------------------- no filter

  @Test
  void withoutFiltersEveryRowIsListedByBillDateThenId() {
    List<String> rows = rows("");

    assertThat(rows).containsExactlyElementsOf(inListOrder(all()));
    assertThat(rows).startsWith("B01/E1", "B02/E1", "B04/G1", "B03/E1").endsWith("B06/W1", "B07/W1", "B08/E2", "B10/G1");
  }

  // ---------------------------------------------------------------- dates

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "startDate=2024-03-01&endDate=2024-03-31                    | B03/E1 B04/G1 B05/G1 B09/E1 B09/W1",
      "dateType=BILL_DATE&startDate=2024-03-01&endDate=2024-03-31 | B03/E1 B04/G1 B05/G1 B09/E1 B09/W1",
      "startDate=2024-03-01 | B03/E1 B04/G1 B05/G1 B06/W1 B07/W1 B08/E2 B09/E1 B09/W1 B10/G1 B11/E2",
      "endDate=2024-03-31                                         | B01/E1 B02/E1 B03/E1 B04/G1 B05/G1 B09/E1 B09/W1",
      "startDate=2024-03-01&endDate=2024-03-01                    | B04/G1",
      "startDate=2024-03-31&endDate=2024-03-31                    | B05/G1 B09/E1 B09/W1",
      "startDate=2024-02-29&endDate=2024-02-29                    | B02/E1",
      "startDate=2024-04-01&endDate=2024-04-01                    | B11/E2",
      "startDate=2024-07-01                                       | "})
  void billDateIsTheDefaultAndTheRangeIncludesRowsBilledOnItsFirstAndLastDay(String query, String expected) {
    assertThat(rows(query.trim())).containsExactlyElementsOf(inListOrder(expected));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "startDate=2024-03-01&endDate=2024-03-31 | B03/E1 B04/G1 B05/G1 B06/W1 B08/E2 B09/E1 B09/W1 B11/E2",
      "startDate=2024-03-01 | B03/E1 B04/G1 B05/G1 B06/W1 B07/W1 B08/E2 B09/E1 B09/W1 B10/G1 B11/E2",
      "endDate=2024-03-31   | B01/E1 B02/E1 B03/E1 B04/G1 B05/G1 B06/W1 B08/E2 B09/E1 B09/W1 B11/E2",
      "startDate=2024-03-01&endDate=2024-03-01 | B03/E1 B04/G1 B08/E2 B09/E1 B09/W1",
      // B09's water row ends on March 19: the day before is in, the day after is out
      "startDate=2024-03-19&endDate=2024-03-19 | B05/G1 B08/E2 B09/E1 B09/W1 B11/E2",
      "startDate=2024-03-20&endDate=2024-03-20 | B05/G1 B06/W1 B08/E2 B09/E1 B11/E2",
      "startDate=2024-03-25&endDate=2024-03-25 | B05/G1 B06/W1 B08/E2 B09/E1 B11/E2",
      // and it starts on February 20
      "startDate=2024-02-19&endDate=2024-02-19 | B02/E1 B03/E1 B04/G1 B08/E2",
      "startDate=2024-02-20&endDate=2024-02-20 | B02/E1 B03/E1 B04/G1 B08/E2 B09/W1",
      "startDate=2024-02-29&endDate=2024-02-29 | B02/E1 B03/E1 B04/G1 B08/E2 B09/W1",
      "startDate=2024-07-01                    | "})
  void usagePeriodMatchesEachRowsOwnPeriodOverlappingTheRangeInclusively(String query, String expected) {
    assertThat(rows("dateType=USAGE_PERIOD&" + query.trim())).containsExactlyElementsOf(inListOrder(expected));
  }

  @Test
  void createdDateComparesWholeUtcDays() {
    LocalDate before = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);
    FixtureCompany company = FixtureCompany.create(server, live.key(), "Created Co");
    LocalDate after = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);
    Map<String, LocalDate> created = days(company, "created");
    assertThat(created.values()).allSatisfy(day -> assertThat(day).isBetween(before, after));
    LocalDate first = created.values().stream().min(Comparator.naturalOrder()).orElseThrow();
    LocalDate last = created.values().stream().max(Comparator.naturalOrder()).orElseThrow();
    String path = "/v2.2/usage/company/" + company.companyId();

    assertThat(rows(company, path, "dateType=CREATED_DATE&startDate=" + first + "&endDate=" + last))
        .containsExactlyElementsOf(inListOrder(company, all()));
    assertThat(rows(company, path, "dateType=CREATED_DATE&endDate=" + last)).hasSize(FixtureProvider.USAGE.size());
    assertThat(rows(company, path, "dateType=CREATED_DATE&startDate=" + first)).hasSize(FixtureProvider.USAGE.size());
    assertThat(rows(company, path, "dateType=CREATED_DATE&startDate=" + last.plusDays(1))).isEmpty();
    assertThat(rows(company, path, "dateType=CREATED_DATE&endDate=" + first.minusDays(1))).isEmpty();
    assertThat(rows(company, path, "dateType=CREATED_DATE&startDate=2024-03-01&endDate=2024-03-31")).isEmpty();
  }

  @Test
  void updatedDateFollowsEachRowsOwnLastChange() {
    FixtureCompany company = FixtureCompany.create(server, live.key(), "Updated Co");
    String path = "/v2.2/usage/company/" + company.companyId();
    LocalDate created = days(company, "created").values().stream().max(Comparator.naturalOrder()).orElseThrow();

    server.clock().advance(Duration.ofDays(2));
    Response patch = server.patchJson("/v2.2/usage/" + company.usageRow("B09/E1"), live.key(),
        "{\"tariff\": \"E-19\"}");
    assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
    LocalDate updated = days(company, "updated").get("B09/E1");
    assertThat(updated).isAfter(created);

    // only the corrected row, not the other row of the same bill
    assertThat(rows(company, path, "dateType=UPDATED_DATE&startDate=" + updated + "&endDate=" + updated))
        .containsExactly("B09/E1");
    assertThat(rows(company, path, "dateType=UPDATED_DATE&startDate=" + updated)).containsExactly("B09/E1");
    List<String> others = new ArrayList<>(FixtureProvider.USAGE);
    others.remove("B09/E1");
    assertThat(rows(company, path, "dateType=UPDATED_DATE&endDate=" + updated.minusDays(1)))
        .containsExactlyElementsOf(inListOrder(company, String.join(" ", others)));
    assertThat(rows(company, path, "dateType=CREATED_DATE&startDate=" + updated)).isEmpty();
  }

  /** The UTC day of each row's {@code created} or {@code updated} (read through v2.1, which shows both). */
  private static Map<String, LocalDate> days(FixtureCompany company, String field) {
    Map<String, LocalDate> days = new HashMap<>();
    server.get("/v2.1/usage/company/" + company.companyId(), live.key()).json().get("usageData")
        .forEach(u -> days.put(company.usageOf(u.get("id").asText()),
            LocalDate.ofInstant(Instant.parse(u.get(field).asText()), ZoneOffset.UTC)));
    assertThat(days).hasSize(FixtureProvider.USAGE.size());
    return days;
  }

  // ---------------------------------------------------------------- types and identifiers

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "datasourceType=GAS&datasourceType=WATER | B04/G1 B05/G1 B06/W1 B07/W1 B09/W1 B10/G1",
      "datasourceType=ELECTRICITY              | B01/E1 B02/E1 B03/E1 B08/E2 B09/E1 B11/E2",
      "datasourceType=WATER                    | B06/W1 B07/W1 B09/W1",
      "datasourceType=GAS                      | B04/G1 B05/G1 B10/G1",
      "datasourceType=SOLAR                    | "})
  void repeatedDatasourceTypesMatchEachRowsOwnType(String query, String expected) {
    assertThat(rows(query.trim())).containsExactlyElementsOf(inListOrder(expected));
  }

  @ParameterizedTest(name = "identifier={0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "0137746423   | B01/E1 B02/E1 B03/E1 B09/E1",
      "137746423    | B01/E1 B02/E1 B03/E1 B09/E1",
      "013 774 6423 | B01/E1 B02/E1 B03/E1 B09/E1",
      "12/34-56     | B04/G1 B05/G1 B10/G1",
      "00 12_34/56  | B04/G1 B05/G1 B10/G1",
      "a1b          | B06/W1 B07/W1 B09/W1",
      "A-1,B        | B06/W1 B07/W1 B09/W1",
      "42           | B08/E2 B11/E2",
      "7700-1       | B08/E2 B11/E2",
      "999          | "})
  void theIdentifierIsNormalisedAndMatchesOnlyTheRowsOfThatMeter(String identifier, String expected) {
    assertThat(rows("identifier=" + identifier.trim())).containsExactlyElementsOf(inListOrder(expected));
  }

  // ---------------------------------------------------------------- combined

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "startDate=2024-03-01&endDate=2024-03-31&datasourceType=GAS&datasourceType=WATER | B04/G1 B05/G1 B09/W1",
      "startDate=2024-03-01&endDate=2024-03-31&datasourceType=WATER | B09/W1",
      "startDate=2024-03-01&endDate=2024-03-31&identifier=12/34-56 | B04/G1 B05/G1",
      "dateType=USAGE_PERIOD&startDate=2024-03-01&endDate=2024-03-31&datasourceType=GAS&datasourceType=WATER&identifier=a1b | B06/W1 B09/W1",
      "dateType=USAGE_PERIOD&startDate=2024-03-25&endDate=2024-03-25&datasourceType=ELECTRICITY&identifier=0137746423 | B09/E1",
      "dateType=USAGE_PERIOD&startDate=2024-03-25&endDate=2024-03-25&identifier=a1b | B06/W1",
      "datasourceType=ELECTRICITY&identifier=A-1,B | "})
  void filtersCombineAsAnAndOnEachRow(String query, String expected) {
    assertThat(rows(query.trim())).containsExactlyElementsOf(inListOrder(expected));
  }

  @Test
  void theSiteConnectionAndDocumentListsTakeTheSameFilters() {
    String march = "dateType=USAGE_PERIOD&startDate=2024-03-01&endDate=2024-03-31";

    assertThat(rows(fixture, "/v2.2/usage/site/" + fixture.site1(), "datasourceType=WATER"))
        .containsExactlyElementsOf(inListOrder("B06/W1 B07/W1 B09/W1"));
    assertThat(rows(fixture, "/v2.2/usage/site/" + fixture.site2(), march))
        .containsExactlyElementsOf(inListOrder("B04/G1 B05/G1 B08/E2 B11/E2"));
    assertThat(rows(fixture, "/v2.1/usage/connection/" + fixture.connectionId(), "identifier=42"))
        .containsExactlyElementsOf(inListOrder("B08/E2 B11/E2"));
    assertThat(rows(fixture, "/v2/company/" + fixture.companyId() + "/usage", "startDate=2024-03-01&endDate=2024-03-31"))
        .containsExactlyElementsOf(inListOrder("B03/E1 B04/G1 B05/G1 B09/E1 B09/W1"));

    String b09 = "/v2.2/usage/document/" + fixture.document("B09");
    assertThat(rows(fixture, b09, "")).containsExactly("B09/E1", "B09/W1");
    // BILL_DATE is the default here too: both rows are on a bill dated March 31
    assertThat(rows(fixture, b09, "startDate=2024-03-20")).containsExactly("B09/E1", "B09/W1");
    assertThat(rows(fixture, b09, "dateType=USAGE_PERIOD&startDate=2024-03-20")).containsExactly("B09/E1");
    assertThat(rows(fixture, b09, "datasourceType=WATER")).containsExactly("B09/W1");
    assertThat(rows(fixture, b09, "identifier=a1b")).containsExactly("B09/W1");
    assertThat(rows(fixture, b09, "startDate=2024-04-01")).isEmpty();
  }

  // ---------------------------------------------------------------- bad parameters

  @ParameterizedTest(name = "{0} is rejected naming {1}")
  @CsvSource(delimiter = '|', value = {
      "isDeleted=true                           | isDeleted",
      "isDeleted=false                          | isDeleted",
      "dateType=BILLDATE                        | dateType",
      "dateType=DUE_DATE                        | dateType",
      "datasourceType=STEAM                     | datasourceType",
      "datasourceType=GAS&datasourceType=PLASMA | datasourceType",
      "startDate=2024-13-01                     | startDate",
      "startDate=01/03/2024                     | startDate",
      "startDate=2024-3-1                       | startDate",
      "endDate=2024-02-30                       | endDate",
      "endDate=tomorrow                         | endDate",
      "identifier=- _/,                         | identifier",
      "page=0                                   | page",
      "page=abc                                 | page"})
  void anUnknownEnumValueMalformedParameterOrIsDeletedIs400NamingIt(String query, String parameter) {
    for (String path : List.of("/v2.2/usage/company/" + fixture.companyId(),
        "/v2/company/" + fixture.companyId() + "/usage", "/v2.1/usage/site/" + fixture.site1(),
        "/v2.2/usage/connection/" + fixture.connectionId(), "/v2.2/usage/document/" + fixture.document("B09"))) {
      assertRejected(server.get(Query.path(path, query.trim()), live.key()), parameter.trim());
    }
  }

  // ---------------------------------------------------------------- empty results and pages

  @ParameterizedTest
  @ValueSource(strings = {"", "&page=1", "&page=4"})
  void anEmptyResultIsOneEmptyPage(String page) {
    Response response = server.get("/v2.2/usage/company/" + fixture.companyId() + "?datasourceType=REFRIGERANT" + page,
        live.key());

    assertThat(response.status()).isEqualTo(200);
    JsonNode json = response.json();
    assertThat(json.get("totalUsageData").asInt()).isZero();
    assertThat(json.get("perPage").asInt()).isEqualTo(100);
    assertThat(json.get("totalPages").asInt()).isEqualTo(1);
    assertThat(json.get("currentPage").asInt()).isEqualTo(1);
    assertThat(json.get("hasNext").asBoolean()).isFalse();
    assertThat(json.get("hasPrevious").asBoolean()).isFalse();
    assertThat(json.get("usageData")).isEmpty();
  }

  @Test
  void pagingThroughMoreThanAHundredRowsReturnsEachExactlyOnceInBillDateThenIdOrder() {
    String path = "/v2.2/usage/company/" + big.companyId();
    JsonNode first = server.get(path, sandbox.key()).json();
    long total = first.get("totalUsageData").asLong();
    int pages = first.get("totalPages").asInt();
    assertThat(total).isGreaterThan(100);
    assertThat(pages).isEqualTo((int) ((total + 99) / 100));

    List<JsonNode> all = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      JsonNode json = server.get(path + "?page=" + page, sandbox.key()).json();
      assertThat(json.get("currentPage").asInt()).isEqualTo(page);
      assertThat(json.get("hasPrevious").asBoolean()).isEqualTo(page > 1);
      assertThat(json.get("hasNext").asBoolean()).isEqualTo(page < pages);
      assertThat(json.get("totalUsageData").asLong()).isEqualTo(total);
      assertThat(json.get("usageData").size()).isEqualTo(page < pages ? 100 : (int) (total - 100L * (pages - 1)));
      json.get("usageData").forEach(all::add);
    }

    List<String> ids = all.stream().map(u -> u.get("id").asText()).toList();
    assertThat(new HashSet<>(ids)).hasSize(ids.size()).isEqualTo(databaseIds(big.companyId()));
    assertThat(all).isSortedAccordingTo(Comparator
        .comparing((JsonNode u) -> u.get("document").get("billDate").asText())
        .thenComparing(u -> u.get("id").asText()));
  }

  @Test
  void aPagePastTheEndIsTheLastPage() {
    String path = "/v2.2/usage/company/" + big.companyId();
    int pages = server.get(path, sandbox.key()).json().get("totalPages").asInt();
    assertThat(pages).isGreaterThan(1);
    JsonNode last = server.get(path + "?page=" + pages, sandbox.key()).json();

    for (String page : List.of(Integer.toString(pages + 1), "500", "99999999999999999999")) {
      JsonNode past = server.get(path + "?page=" + page, sandbox.key()).json();
      assertThat(past.get("currentPage").asInt()).as("page " + page).isEqualTo(pages);
      assertThat(past.get("hasNext").asBoolean()).isFalse();
      assertThat(past.get("hasPrevious").asBoolean()).isTrue();
      assertThat(ids(past)).isEqualTo(ids(last));
    }
    JsonNode small = server.get("/v2.2/usage/company/" + fixture.companyId() + "?page=2", live.key()).json();
    assertThat(small.get("currentPage").asInt()).isEqualTo(1);
    assertThat(small.get("usageData")).hasSize(FixtureProvider.USAGE.size());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("usageData").forEach(u -> ids.add(u.get("id").asText()));
    return ids;
  }

  private static Set<String> databaseIds(String companyId) {
    return new HashSet<>(server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select id from usage_data where company_id = :id and not is_deleted")
        .bind("id", UUID.fromString(companyId)).mapTo(UUID.class).map(UUID::toString).list()));
  }
}

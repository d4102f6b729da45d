package io.nectar.intervals;

import static io.nectar.testing.Fixtures.assertForbidden;
import static io.nectar.testing.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.meters.DatasourceType;
import io.nectar.providers.Collection;
import io.nectar.providers.ProviderAccount;
import io.nectar.providers.ProviderInterval;
import io.nectar.providers.ProviderMeter;
import io.nectar.providers.ProviderRegistry;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import io.nectar.testing.WrappedSandbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /interval/connection/{id}} (nectar-api.md §10.2): a connection's hourly readings in
 * time order, in the {@code totalIntervals}/{@code intervals} envelope, filtered by
 * {@code startDate}/{@code endDate} (overlap; date-times or plain dates), {@code datasourceType}
 * and {@code identifier} (normalised as in §1.6).
 *
 * <p>The sandbox here prints electricity meter numbers with two leading zeros ("00" + its serial),
 * so that "leading zeros stripped" is exercised on every run.
 */
class IntervalApiTest {
  private static final Duration HOUR = Duration.ofHours(1);

  static WrappedSandbox provider = new WrappedSandbox(IntervalApiTest::padElectricityMeterNumbers);
  static TestServer server;
  static Fixtures fixtures;
  static TestServer.Tenant owner;
  static TestServer.Tenant otherOrganization;
  static TestServer.Tenant productionOfSameOrganization;

  static String connectionId;
  static String otherConnectionId;
  static Collection collected;
  /** The API's meters of the connection by datasource type. */
  static Map<String, JsonNode> meterByType = new HashMap<>();
  static Map<String, String> accountByType = new HashMap<>();
  /** What the provider delivered, by "account id|start". */
  static Map<String, ProviderInterval> delivered = new HashMap<>();
  static List<Expected> expected = new ArrayList<>();
  static Instant firstStart;

  /** A delivered interval with the datasource type of its meter. */
  record Expected(String type, Instant start, Instant end) {}

  static Collection padElectricityMeterNumbers(io.nectar.providers.CollectionRequest request, Collection c) {
    List<ProviderAccount> accounts = new ArrayList<>();
    for (ProviderAccount account : c.accounts()) {
      List<ProviderMeter> meters = new ArrayList<>();
      for (ProviderMeter m : account.meters()) {
        List<ProviderMeter.Identifier> identifiers = new ArrayList<>(m.identifiers());
        if (m.datasourceType() == DatasourceType.ELECTRICITY) {
          ProviderMeter.Identifier serial = identifiers.get(0);
          identifiers.set(0, new ProviderMeter.Identifier(serial.rawName(), "00" + serial.value(), serial.name()));
        }
        meters.add(new ProviderMeter(m.key(), m.siteId(), m.datasourceType(), m.address(), identifiers,
            m.subtypes()));
      }
      accounts.add(new ProviderAccount(account.accountNumber(), meters));
    }
    return new Collection(accounts, c.bills(), c.intervals());
  }

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of(), new ProviderRegistry(provider), TestDatabase.freshDatabaseUrl());
    fixtures = new Fixtures(server);
    owner = server.tenant("Interval Org", Environment.SANDBOX);
    otherOrganization = server.tenant("Other Interval Org", Environment.SANDBOX);
    productionOfSameOrganization = server.tenant("Interval Org", Environment.PRODUCTION);

    String company = fixtures.company(owner.key(), "Hourly");
    String site = fixtures.site(owner.key(), company, "Plant");
    connectionId = fixtures.sandboxConnection(owner.key(), company, List.of(site), 2, "");
    otherConnectionId = fixtures.sandboxConnection(owner.key(), company, List.of(site), 1, "");
    JsonNode details = fixtures.collectedDetails(owner.key(), connectionId);
    fixtures.awaitCollected(otherConnectionId);
    collected = provider.result(UUID.fromString(connectionId));

    for (JsonNode meter : server.get("/v2.2/meter/connection/" + connectionId, owner.key()).json().get("meters")) {
      meterByType.put(meter.get("datasourceType").asText(), meter);
      accountByType.put(meter.get("datasourceType").asText(), meter.get("account").asText());
    }
    Map<String, String> accountIdByNumber = new HashMap<>();
    details.get("accounts").forEach(a -> accountIdByNumber.put(a.get("accountNumber").asText(), a.get("id").asText()));
    Map<String, String> accountIdByMeterKey = new HashMap<>();
    Map<String, String> typeByMeterKey = new HashMap<>();
    for (ProviderAccount account : collected.accounts()) {
      for (ProviderMeter meter : account.meters()) {
        accountIdByMeterKey.put(meter.key(), accountIdByNumber.get(account.accountNumber()));
        typeByMeterKey.put(meter.key(), meter.datasourceType().name());
      }
    }
    for (ProviderInterval interval : collected.intervals()) {
      delivered.put(accountIdByMeterKey.get(interval.meterKey()) + "|" + interval.start(), interval);
      expected.add(new Expected(typeByMeterKey.get(interval.meterKey()), interval.start(), interval.end()));
    }
    firstStart = YearMonth.from(Fixtures.monthsAgo(2)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode ok(String query) {
    Response response = server.get("/v2.2/interval/connection/" + connectionId + query, owner.key());
    assertThat(response.status()).as(query + " " + response).isEqualTo(200);
    return response.json();
  }

  private static long total(String query) {
    return ok(query).get("totalIntervals").asLong();
  }

  /** Every interval of every page for the query, in the order served. */
  private static List<JsonNode> all(String query) {
    List<JsonNode> items = new ArrayList<>();
    JsonNode page = ok(query);
    int pages = page.get("totalPages").asInt();
    page.get("intervals").forEach(items::add);
    for (int p = 2; p <= pages; p++) {
      ok(query + (query.isEmpty() ? "?" : "&") + "page=" + p).get("intervals").forEach(items::add);
    }
    assertThat(items).hasSize((int) page.get("totalIntervals").asLong());
    return items;
  }

  private static long expectedCount(Predicate<Expected> which) {
    return expected.stream().filter(which).count();
  }

  /** Half-open readings [start, end) overlapping the closed range [from, to]. */
  private static Predicate<Expected> overlapping(Instant from, Instant to) {
    return e -> (to == null || !e.start().isAfter(to)) && (from == null || e.end().isAfter(from));
  }

  // ---------------------------------------------------------------- envelope and items

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theListHasTheIntervalEnvelopeCountingEveryHourOfTheElectricityAndSolarMeters(String prefix) {
    Response response = server.get(prefix + "/interval/connection/" + connectionId, owner.key());

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode page = response.json();
    List<String> fields = new ArrayList<>();
    page.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("totalIntervals", "perPage", "totalPages", "currentPage", "hasNext",
        "hasPrevious", "intervals");
    long hours = 0;
    for (YearMonth m = YearMonth.from(Fixtures.monthsAgo(2)); m.isBefore(YearMonth.now(ZoneOffset.UTC)); m = m.plusMonths(1)) {
      hours += m.lengthOfMonth() * 24L;
    }
    assertThat(page.get("totalIntervals").asLong()).isEqualTo(2 * hours).isEqualTo(collected.intervals().size());
    assertThat(page.get("perPage").asInt()).isEqualTo(100);
    assertThat(page.get("totalPages").asLong()).isEqualTo((2 * hours + 99) / 100);
    assertThat(page.get("currentPage").asInt()).isEqualTo(1);
    assertThat(page.get("hasNext").asBoolean()).isTrue();
    assertThat(page.get("hasPrevious").asBoolean()).isFalse();
    assertThat(page.get("intervals")).hasSize(100);
  }

  @Test
  void everyIntervalHasItsFieldsWithUsageAsADecimalString() {
    JsonNode page = ok("?page=3");
    Map<String, JsonNode> meterByAccount = new HashMap<>();
    meterByType.values().forEach(m -> meterByAccount.put(m.get("account").asText(), m));

    for (JsonNode interval : page.get("intervals")) {
      List<String> fields = new ArrayList<>();
      interval.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactlyInAnyOrder("id", "created", "identifiers", "account", "start", "end", "usage",
          "usageUnits", "quality", "updated");
      assertThat(UUID.fromString(interval.get("id").asText()).toString()).isEqualTo(interval.get("id").asText());
      for (String time : List.of("created", "updated", "start", "end")) {
        assertThat(interval.get(time).asText()).as(time).endsWith("Z");
        Instant.parse(interval.get(time).asText());
      }
      Instant start = Instant.parse(interval.get("start").asText());
      assertThat(Instant.parse(interval.get("end").asText())).isEqualTo(start.plus(HOUR));
      assertThat(interval.get("usage").isTextual()).as("usage is a JSON string").isTrue();
      assertThat(interval.get("usage").asText()).matches("\\d+(\\.\\d+)?");
      assertThat(interval.get("usageUnits").asText()).isEqualTo("kWh");
      assertThat(interval.get("quality").asText()).isIn("ACTUAL", "ESTIMATED");

      String account = interval.get("account").asText();
      assertThat(account).isIn(accountByType.get("ELECTRICITY"), accountByType.get("SOLAR"));
      assertThat(interval.get("identifiers")).isEqualTo(meterByAccount.get(account).get("identifiers"));

      ProviderInterval source = delivered.get(account + "|" + start);
      assertThat(source).as("the provider delivered %s at %s", account, start).isNotNull();
      assertThat(new BigDecimal(interval.get("usage").asText())).isEqualByComparingTo(source.usage());
      assertThat(interval.get("quality").asText()).isEqualTo(source.quality());
    }
  }

  @Test
  void pagingThroughEveryIntervalGivesEachOnceInTimeOrder() {
    List<JsonNode> items = all("");

    Set<String> ids = new HashSet<>();
    Set<String> readings = new HashSet<>();
    Instant previous = Instant.MIN;
    for (JsonNode interval : items) {
      ids.add(interval.get("id").asText());
      Instant start = Instant.parse(interval.get("start").asText());
      readings.add(interval.get("account").asText() + "|" + start);
      assertThat(start).as("time order").isAfterOrEqualTo(previous);
      previous = start;
    }
    assertThat(ids).hasSize(collected.intervals().size());
    assertThat(readings).isEqualTo(delivered.keySet());
    assertThat(Instant.parse(items.get(0).get("start").asText())).isEqualTo(firstStart);
  }

  // ---------------------------------------------------------------- dates

  @Test
  void dateTimesInsideHoursSelectTheHoursTheyOverlap() {
    Instant from = firstStart.plus(Duration.ofDays(5)).plus(Duration.ofMinutes(10 * 60 + 30));
    Instant to = from.plus(Duration.ofHours(2));

    List<JsonNode> items = all("?startDate=" + from + "&endDate=" + to);

    assertThat(items).hasSize(6); // 10:00, 11:00 and 12:00 of both meters
    assertThat((long) items.size()).isEqualTo(expectedCount(overlapping(from, to)));
    for (JsonNode interval : items) {
      assertThat(Instant.parse(interval.get("start").asText())).isBetween(from.minus(Duration.ofMinutes(30)), to);
    }
  }

  @Test
  void anIntervalEndingExactlyAtStartDateIsNotIncluded() {
    Instant from = firstStart.plus(Duration.ofDays(9)).plus(Duration.ofHours(6));

    JsonNode first = ok("?startDate=" + from);

    assertThat(first.get("totalIntervals").asLong()).isEqualTo(expectedCount(overlapping(from, null)));
    assertThat(first.get("intervals").get(0).get("start").asText()).isEqualTo(from.toString());
  }

  @Test
  void anIntervalStartingExactlyAtEndDateIsIncluded() {
    Instant hour = firstStart.plus(Duration.ofDays(9)).plus(Duration.ofHours(6));
    Instant from = hour.plus(Duration.ofMinutes(30));
    Instant to = hour.plus(Duration.ofHours(2));

    List<JsonNode> items = all("?startDate=" + from + "&endDate=" + to);

    assertThat(items).extracting(i -> i.get("start").asText()).containsExactlyInAnyOrder(
        hour.toString(), hour.toString(), hour.plus(HOUR).toString(), hour.plus(HOUR).toString(), to.toString(),
        to.toString());
  }

  @Test
  void nectarsExampleEndDateOneSecondBeforeMidnightSelectsExactlyThatDay() {
    LocalDate day = LocalDate.ofInstant(firstStart, ZoneOffset.UTC).plusDays(12);
    Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1);

    List<JsonNode> items = all("?startDate=" + from + "&endDate=" + to);

    assertThat(items).hasSize(48);
    items.forEach(i -> assertThat(LocalDate.ofInstant(Instant.parse(i.get("start").asText()), ZoneOffset.UTC))
        .isEqualTo(day));
  }

  @Test
  void aPlainDateRangeIncludesEveryHourOfBothDays() {
    LocalDate first = LocalDate.ofInstant(firstStart, ZoneOffset.UTC).plusDays(14);
    LocalDate last = first.plusDays(1);

    List<JsonNode> items = all("?startDate=" + first + "&endDate=" + last);

    assertThat(items).hasSize(2 * 48);
    items.forEach(i -> assertThat(LocalDate.ofInstant(Instant.parse(i.get("start").asText()), ZoneOffset.UTC))
        .isBetween(first, last));
  }

  @Test
  void aPlainStartDateBeginsAtThatDaysFirstHour() {
    LocalDate day = LocalDate.ofInstant(firstStart, ZoneOffset.UTC).plusDays(20);
    Instant midnight = day.atStartOfDay().toInstant(ZoneOffset.UTC);

    JsonNode page = ok("?startDate=" + day);

    assertThat(page.get("totalIntervals").asLong()).isEqualTo(expectedCount(overlapping(midnight, null)));
    assertThat(page.get("intervals").get(0).get("start").asText()).isEqualTo(midnight.toString());
  }

  @Test
  void aRangeBeforeTheHistoryIsEmpty() {
    JsonNode page = ok("?startDate=2001-01-01T00:00:00Z&endDate=2001-12-31");

    assertThat(page.get("totalIntervals").asLong()).isZero();
    assertThat(page.get("intervals")).isEmpty();
    assertThat(page.get("totalPages").asInt()).isEqualTo(1);
  }

  @Test
  void anOffsetOtherThanUtcIsTheSameInstant() {
    Instant from = firstStart.plus(Duration.ofDays(3)).plus(Duration.ofHours(12));

    long utc = total("?startDate=" + from + "&endDate=" + from.plus(Duration.ofHours(3)));
    long offset = total("?startDate=" + from.atOffset(ZoneOffset.ofHours(2)).toString().replace("+", "%2B")
        + "&endDate=" + from.plus(Duration.ofHours(3)).atOffset(ZoneOffset.ofHours(-5)));

    assertThat(offset).isEqualTo(utc).isGreaterThan(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-13-01", "yesterday", "2024-01-31T25:00:00Z", "31/01/2024", "1706745600"})
  void aBadDateIsA400NamingTheParameter(String date) {
    assertRejected(server.get("/v2.2/interval/connection/" + connectionId + "?startDate=" + date, owner.key()), 400,
        "startDate");
    assertRejected(server.get("/v2.2/interval/connection/" + connectionId + "?endDate=" + date, owner.key()), 400,
        "endDate");
  }

  // ---------------------------------------------------------------- datasource type

  @Test
  void theDatasourceTypeFilterKeepsOnlyThatTypesMeters() {
    long electricity = expectedCount(e -> e.type().equals("ELECTRICITY"));
    long solar = expectedCount(e -> e.type().equals("SOLAR"));

    JsonNode page = ok("?datasourceType=ELECTRICITY");

    assertThat(page.get("totalIntervals").asLong()).isEqualTo(electricity).isGreaterThan(0);
    page.get("intervals").forEach(i ->
        assertThat(i.get("account").asText()).isEqualTo(accountByType.get("ELECTRICITY")));
    assertThat(total("?datasourceType=SOLAR")).isEqualTo(solar).isGreaterThan(0);
    assertThat(total("?datasourceType=ELECTRICITY&datasourceType=SOLAR")).isEqualTo(electricity + solar);
  }

  @ParameterizedTest
  @ValueSource(strings = {"WATER", "GAS", "FUEL", "DISTRICT", "WATER&datasourceType=GAS"})
  void aTypeWithoutIntervalsGivesNone(String type) {
    JsonNode page = ok("?datasourceType=" + type);

    assertThat(page.get("totalIntervals").asLong()).isZero();
    assertThat(page.get("intervals")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"STEAM", "electric", "1", "SEWER"})
  void anUnknownDatasourceTypeIsA400(String type) {
    assertRejected(server.get("/v2.2/interval/connection/" + connectionId + "?datasourceType=" + type, owner.key()),
        400, "datasourceType");
    assertRejected(server.get("/v2.2/interval/connection/" + connectionId + "?datasourceType=ELECTRICITY"
        + "&datasourceType=" + type, owner.key()), 400, "datasourceType");
  }

  @Test
  void filtersCombine() {
    Instant from = firstStart.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(30));
    Instant to = from.plus(Duration.ofHours(3)); // overlaps the hours starting 00:00 to 03:00

    JsonNode page = ok("?datasourceType=SOLAR&startDate=" + from + "&endDate=" + to);

    assertThat(page.get("totalIntervals").asLong()).isEqualTo(4);
    page.get("intervals").forEach(i -> assertThat(i.get("account").asText()).isEqualTo(accountByType.get("SOLAR")));
  }

  // ---------------------------------------------------------------- identifier

  private static String electricityMeterNumber() {
    String value = meterByType.get("ELECTRICITY").get("identifiers").get(0).get("value").asText();
    assertThat(value).as("the padded meter number").startsWith("00").contains("-");
    return value;
  }

  @Test
  void theMeterNumberMatchesInEverySpelling() {
    String stored = electricityMeterNumber();
    String digits = stored.replace("-", "");
    String stripped = digits.replaceFirst("^0+", "");
    long electricity = expectedCount(e -> e.type().equals("ELECTRICITY"));

    for (String spelling : List.of(stored, digits, stripped, stored.replaceFirst("^0+", ""), "000" + digits,
        stored.replace("-", "%20"), stored.replace("-", "_"), stored.replace("-", "/"), stored.replace("-", ","))) {
      JsonNode page = ok("?identifier=" + spelling);

      assertThat(page.get("totalIntervals").asLong()).as(spelling).isEqualTo(electricity);
      page.get("intervals").forEach(i ->
          assertThat(i.get("account").asText()).isEqualTo(accountByType.get("ELECTRICITY")));
    }
  }

  @Test
  void theAccountNumberIdentifierMatchesToo() {
    String accountNumber = meterByType.get("SOLAR").get("identifiers").get(1).get("value").asText();

    assertThat(total("?identifier=" + accountNumber)).isEqualTo(expectedCount(e -> e.type().equals("SOLAR")));
    assertThat(total("?identifier=" + accountNumber.toLowerCase())).isEqualTo(expectedCount(e -> e.type().equals("SOLAR")));
  }

  @Test
  void anIdentifierNoMeterOfTheConnectionHasMatchesNothing() {
    String water = meterByType.get("WATER").get("identifiers").get(0).get("value").asText();
    String otherConnections = server.get("/v2.2/meter/connection/" + otherConnectionId, owner.key()).json()
        .get("meters").get(0).get("identifiers").get(0).get("value").asText();

    assertThat(total("?identifier=999999999999")).isZero();
    assertThat(total("?identifier=" + electricityMeterNumber() + "1")).isZero();
    assertThat(total("?identifier=" + water)).isZero();
    assertThat(total("?identifier=" + otherConnections)).isZero();
    assertThat(total("?identifier=" + electricityMeterNumber() + "&datasourceType=SOLAR")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "---", "%20"})
  void anIdentifierWithNothingLeftAfterNormalisationIsA400(String identifier) {
    assertRejected(server.get("/v2.2/interval/connection/" + connectionId + "?identifier=" + identifier, owner.key()),
        400, "identifier");
  }

  // ---------------------------------------------------------------- pages, ids and tenancy

  @Test
  void aPagePastTheEndIsTheLastPage() {
    JsonNode first = ok("");
    int last = first.get("totalPages").asInt();

    JsonNode past = ok("?page=" + (last + 7));

    assertThat(past.get("currentPage").asInt()).isEqualTo(last);
    assertThat(past.get("hasNext").asBoolean()).isFalse();
    assertThat(past).isEqualTo(ok("?page=" + last));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "one"})
  void anInvalidPageIsA400(String page) {
    assertRejected(server.get("/v2.2/interval/connection/" + connectionId + "?page=" + page, owner.key()), 400,
        "page");
  }

  @Test
  void anotherTenantIsForbidden() {
    for (TestServer.Tenant intruder : List.of(otherOrganization, productionOfSameOrganization)) {
      for (String prefix : Fixtures.PREFIXES) {
        Response response = server.get(prefix + "/interval/connection/" + connectionId, intruder.key());
        assertForbidden(response);
        assertThat(response.body()).doesNotContain("usage");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "42", "0e984725-c51c-4bf4-9960-e1c80e27aba"})
  void aMalformedConnectionIdIsA404(String id) {
    Response response = server.get("/v2.2/interval/connection/" + id, owner.key());

    assertRejected(response, 404, null);
    assertThat(response.detail()).isEqualTo("Connection not found.");
  }

  @Test
  void anUnknownConnectionIsA404() {
    assertRejected(server.get("/v2.2/interval/connection/" + UUID.randomUUID(), owner.key()), 404, null);
    assertRejected(server.get("/v2.2/interval/connection/" + UUID.randomUUID(), otherOrganization.key()), 404, null);
  }
}

package io.nectar.connections;

import static io.nectar.testing.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dataCollectionStartDate}, of a connection and of a company (its connections' default), lies
 * between the configured earliest date ({@code NECTAR_EARLIEST_COLLECTION_DATE}, default 2000-01-01)
 * and today by the server's clock in UTC: each month of history is a bill and a PDF per account, and
 * a sandbox connection from 1900 once wrote 7,615 documents in 30 seconds.
 */
class DataCollectionStartDateTest {
  static final String FIELD = "dataCollectionStartDate";
  /** A utility no collector serves: the connection is saved PENDING and nothing is collected. */
  static final String UNSERVED_URL = "https://utility.example.com";

  /** With the default earliest date. */
  static TestServer server;
  static Fixtures fixtures;
  static TestServer.Tenant sandbox;
  static TestServer.Tenant production;
  static String sandboxCompany;
  static String sandboxSite;
  static String productionCompany;
  static String productionSite;

  /**
   * With an earliest date on the 10th of the month two months back: later than any company's default
   * (January 1 of last year), and with two months of bills after it.
   */
  static TestServer recent;
  static Fixtures recentFixtures;
  static TestServer.Tenant recentTenant;
  static LocalDate recentEarliest;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    sandbox = server.tenant("Start Org", Environment.SANDBOX);
    production = server.tenant("Start Org", Environment.PRODUCTION);
    sandboxCompany = fixtures.company(sandbox.key(), "Sandboxed");
    sandboxSite = fixtures.site(sandbox.key(), sandboxCompany, "Sandbox site");
    productionCompany = fixtures.company(production.key(), "Produced");
    productionSite = fixtures.site(production.key(), productionCompany, "Production site");

    recentEarliest = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(2).plusDays(9);
    recent = TestServer.start(Map.of("NECTAR_EARLIEST_COLLECTION_DATE", recentEarliest.toString()));
    recentFixtures = new Fixtures(recent);
    recentTenant = recent.tenant("Recent Org", Environment.SANDBOX);
  }

  @AfterAll
  static void stop() {
    server.close();
    recent.close();
  }

  private static String sandboxBody(String site, String start) {
    return Fixtures.connectionBody(Fixtures.USERNAME, Fixtures.PASSWORD, List.of(site),
        start == null ? "" : ", \"" + FIELD + "\": \"" + start + "\"");
  }

  private static String unservedBody(String start) {
    return "{\"url\": \"" + UNSERVED_URL + "\", \"username\": \"u\", \"password\": \"p\", \"sites\": [\""
        + productionSite + "\"], \"country\": \"US\", \"" + FIELD + "\": \"" + start + "\"}";
  }

  /** Today by the server's clock, in UTC. */
  private static LocalDate today(TestServer on) {
    return LocalDate.ofInstant(on.clock().instant(), ZoneOffset.UTC);
  }

  /**
   * Sends a request built from tomorrow's date, again if midnight (UTC) passed meanwhile, so that
   * "tomorrow" is still in the future when the server judges it.
   */
  private static Response withTomorrow(TestServer on, Function<LocalDate, Response> send) {
    while (true) {
      LocalDate today = today(on);
      Response response = send.apply(today.plusDays(1));
      if (today(on).equals(today)) {
        return response;
      }
    }
  }

  private static void assertOutOfBounds(Response response, String... named) {
    assertRejected(response, 400, FIELD);
    String message = response.json().get("errors").get(FIELD).get(0).asText();
    assertThat(message).contains(named);
  }

  // ------------------------------------------------------------------------------------ connections

  @ParameterizedTest
  @ValueSource(strings = {"0001-01-01", "1900-01-01", "1999-12-31"})
  void aConnectionStartBeforeTheEarliestDateIsA400NamingThatDateAndCreatesNothing(String start) {
    for (String path : List.of("/v2.2/connection/company/" + sandboxCompany, "/v2/company/" + sandboxCompany
        + "/connection")) {
      assertOutOfBounds(server.postJson(path, sandbox.key(), sandboxBody(sandboxSite, start)), "2000-01-01");
    }
    assertThat(fixtures.count("connection", "company_id", sandboxCompany)).isZero();
  }

  @Test
  void aConnectionStartInTheFutureIsA400NamingTodayAndCreatesNothing() {
    Response response = withTomorrow(server, tomorrow -> fixtures.connect(sandbox.key(), sandboxCompany,
        sandboxBody(sandboxSite, tomorrow.toString())));

    assertOutOfBounds(response, "future", today(server).toString());
    assertOutOfBounds(fixtures.connect(sandbox.key(), sandboxCompany, sandboxBody(sandboxSite, "9999-12-31")),
        "future");
    assertThat(fixtures.count("connection", "company_id", sandboxCompany)).isZero();
  }

  @Test
  void theEarliestDateAndTodayAreAccepted() {
    for (String start : List.of("2000-01-01", today(server).toString())) {
      Response created = fixtures.connect(production.key(), productionCompany, unservedBody(start));

      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      assertThat(created.json().get(FIELD).asText()).isEqualTo(start);
    }
  }

  // -------------------------------------------------------------------------------------- companies

  @Test
  void aCompanyStartOutOfBoundsIsA400OnCreateAndOnUpdateAndChangesNothing() {
    assertOutOfBounds(server.postJson("/v2.2/company", sandbox.key(),
        "{\"name\": \"Refused\", \"" + FIELD + "\": \"1999-12-31\"}"), "2000-01-01");
    assertOutOfBounds(withTomorrow(server, tomorrow -> server.postJson("/v2.2/company", sandbox.key(),
        "{\"name\": \"Refused\", \"" + FIELD + "\": \"" + tomorrow + "\"}")), "future");
    assertThat(fixtures.count("select count(*) from company where name = 'Refused'")).isZero();

    String companyId = fixtures.company(sandbox.key(), "Patched");
    String before = server.get("/v2.2/company/" + companyId, sandbox.key()).json().get(FIELD).asText();
    assertOutOfBounds(server.patchJson("/v2.2/company/" + companyId, sandbox.key(),
        "{\"" + FIELD + "\": \"0001-01-01\"}"), "2000-01-01");
    assertOutOfBounds(withTomorrow(server, tomorrow -> server.patchJson("/v2.2/company/" + companyId,
        sandbox.key(), "{\"" + FIELD + "\": \"" + tomorrow + "\"}")), "future");
    assertThat(server.get("/v2.2/company/" + companyId, sandbox.key()).json().get(FIELD).asText()).isEqualTo(before);

    Response patched = server.patchJson("/v2.2/company/" + companyId, sandbox.key(),
        "{\"" + FIELD + "\": \"2000-01-01\"}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().get(FIELD).asText()).isEqualTo("2000-01-01");
  }

  @Test
  void anOutOfBoundsDateIsReportedWithTheOtherMistakesOfTheBody() {
    Response response = server.postJson("/v2.2/company", sandbox.key(),
        "{\"name\": \"\", \"" + FIELD + "\": \"1999-12-31\"}");

    assertRejected(response, 400, FIELD);
    assertThat(response.json().get("errors").has("name")).isTrue();
  }

  // --------------------------------------------------------------------------- the configured bound

  @Test
  void theEarliestDateIsASetting() {
    String companyId = recentFixtures.company(recentTenant.key(), "Recent");

    assertOutOfBounds(recent.patchJson("/v2.2/company/" + companyId, recentTenant.key(),
        "{\"" + FIELD + "\": \"" + recentEarliest.minusDays(1) + "\"}"), recentEarliest.toString());
    Response atTheBound = recent.patchJson("/v2.2/company/" + companyId, recentTenant.key(),
        "{\"" + FIELD + "\": \"" + recentEarliest + "\"}");
    assertThat(atTheBound.status()).as(atTheBound.toString()).isEqualTo(200);
  }

  @Test
  void aCompanysDefaultStartIsNoEarlierThanTheEarliestDate() {
    // The default is January 1 of last year, which lies before this server's earliest date.
    Response created = recent.postJson("/v2.2/company", recentTenant.key(), "{\"name\": \"Defaulted\"}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get(FIELD).asText()).isEqualTo(recentEarliest.toString());
  }

  @Test
  void todayIsTheServersClocksToday() {
    TestServer ahead = TestServer.start();
    try {
      ahead.clock().advance(Duration.ofDays(10));
      TestServer.Tenant tenant = ahead.tenant("Ahead Org", Environment.SANDBOX);
      LocalDate tomorrowByTheWallClock = LocalDate.now(ZoneOffset.UTC).plusDays(1);

      Response created = ahead.postJson("/v2.2/company", tenant.key(),
          "{\"name\": \"Ahead\", \"" + FIELD + "\": \"" + tomorrowByTheWallClock + "\"}");

      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    } finally {
      ahead.close();
    }
  }

  // ------------------------------------------------------------ dates stored before the bound existed

  @Test
  void aCompanyStartStoredBeforeTheBoundIsMovedUpToItForANewConnection() {
    String companyId = recentFixtures.company(recentTenant.key(), "Legacy company");
    String site = recentFixtures.site(recentTenant.key(), companyId, "Legacy site");
    storeStart("company", companyId, "1900-01-01");

    Response created = recentFixtures.connect(recentTenant.key(), companyId, sandboxBody(site, null));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get(FIELD).asText()).isEqualTo(recentEarliest.toString());
    recentFixtures.awaitCollected(created.json().get("id").asText());
    assertThat(earliestBillStart(created.json().get("id").asText()))
        .isEqualTo(YearMonth.from(recentEarliest).atDay(1));
  }

  @Test
  void aSandboxBillForAConnectionStoredWithAnEarlierStartIsForTheEarliestMonth() {
    String companyId = recentFixtures.company(recentTenant.key(), "Legacy connection");
    String site = recentFixtures.site(recentTenant.key(), companyId, "Legacy site");
    Response created = recentFixtures.connect(recentTenant.key(), companyId,
        sandboxBody(site, recentEarliest.toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String connectionId = created.json().get("id").asText();
    recentFixtures.awaitCollected(connectionId);
    // A connection saved before the bound existed, with no bill yet: its stored start is where bills begin.
    recent.server().database().jdbi().useHandle(h -> h.execute("delete from document where connection_id = ?",
        UUID.fromString(connectionId)));
    storeStart("connection", connectionId, "1900-01-01");

    Response bill = recent.send("POST", "/v2.2/sandbox/connection/" + connectionId + "/bill", recentTenant.key(),
        null, null, Map.of());

    assertThat(bill.status()).as(bill.toString()).isEqualTo(201);
    JsonNode bills = bill.json().get("bills");
    assertThat(bills).isNotEmpty();
    bills.forEach(b -> assertThat(b.get("startDate").asText())
        .isEqualTo(YearMonth.from(recentEarliest).atDay(1).toString()));
  }

  private static void storeStart(String table, String id, String start) {
    recent.server().database().jdbi().useHandle(h -> h.execute(
        "update " + table + " set data_collection_start_date = ?::date where id = ?", start, UUID.fromString(id)));
  }

  private static LocalDate earliestBillStart(String connectionId) {
    return recent.server().database().jdbi().withHandle(h -> h.createQuery(
            "select min(start_date) from document where connection_id = :id")
        .bind("id", UUID.fromString(connectionId)).mapTo(LocalDate.class).one());
  }
}

package io.nectar.collection;

import static io.nectar.testing.Fixtures.assertForbidden;
import static io.nectar.testing.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /sandbox/connection/{id}/bill} (CONTRACT §11): the sandbox utility issues the next
 * month's bills of a collected sandbox connection at once, one per account, stored as documents.
 */
class SandboxBillTest {
  static TestServer server;
  static Fixtures fixtures;
  static TestServer.Tenant owner;
  static TestServer.Tenant otherOrganization;
  static TestServer.Tenant productionOfSameOrganization;
  static String companyId;
  static String siteId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    owner = server.tenant("Bill Org", Environment.SANDBOX);
    otherOrganization = server.tenant("Other Bill Org", Environment.SANDBOX);
    productionOfSameOrganization = server.tenant("Bill Org", Environment.PRODUCTION);
    companyId = fixtures.company(owner.key(), "Billed");
    siteId = fixtures.site(owner.key(), companyId, "Billed site");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A collected sandbox connection with two months of bills; returns its id and its account numbers. */
  private static Collected collected() {
    String id = fixtures.sandboxConnection(owner.key(), companyId, List.of(siteId), 2, "");
    JsonNode details = fixtures.collectedDetails(owner.key(), id);
    List<String> numbers = new ArrayList<>();
    details.get("accounts").forEach(a -> numbers.add(a.get("accountNumber").asText()));
    assertThat(numbers).hasSize(5);
    assertThat(documents(id)).isEqualTo(10);
    return new Collected(id, numbers);
  }

  record Collected(String id, List<String> accountNumbers) {}

  private static long documents(String connectionId) {
    return fixtures.count("document", "connection_id", connectionId);
  }

  private static LocalDate latestBillDate(String connectionId) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select max(bill_date) from document where connection_id = :id")
        .bind("id", UUID.fromString(connectionId)).mapTo(LocalDate.class).one());
  }

  private static long documentsBilledOn(String connectionId, LocalDate billDate) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select count(*) from document where connection_id = :id and bill_date = :date")
        .bind("id", UUID.fromString(connectionId)).bind("date", billDate).mapTo(Long.class).one());
  }

  private static Response bill(String connectionId, String key) {
    return server.send("POST", "/v2.2/sandbox/connection/" + connectionId + "/bill", key, null, null, Map.of());
  }

  private static void assertBillsFor(JsonNode body, String connectionId, List<String> accountNumbers, YearMonth month) {
    assertThat(body.get("connection").asText()).isEqualTo(connectionId);
    JsonNode bills = body.get("bills");
    assertThat(bills).hasSize(accountNumbers.size());
    List<String> numbers = new ArrayList<>();
    for (JsonNode bill : bills) {
      numbers.add(bill.get("accountNumber").asText());
      assertThat(bill.get("startDate").asText()).isEqualTo(month.atDay(1).toString());
      assertThat(bill.get("endDate").asText()).isEqualTo(month.atEndOfMonth().toString());
      assertThat(bill.get("billDate").asText()).isEqualTo(month.atEndOfMonth().toString());
      assertThat(bill.get("totalCharges").isTextual()).isTrue();
      assertThat(bill.get("totalCharges").asText()).matches("-?\\d+\\.\\d{2}");
      assertThat(bill.get("chargesUnits").asText()).isEqualTo("USD");
    }
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(accountNumbers);
  }

  @Test
  void aCollectedConnectionGetsOneBillPerAccountForTheMonthAfterItsLatestBill() {
    Collected c = collected();
    YearMonth next = YearMonth.from(latestBillDate(c.id())).plusMonths(1);
    assertThat(next).isEqualTo(YearMonth.now(ZoneOffset.UTC));
    long usageBefore = fixtures.count("usage_data", "connection_id", c.id());

    Response response = bill(c.id(), owner.key());

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertBillsFor(response.json(), c.id(), c.accountNumbers(), next);
    assertThat(documents(c.id())).isEqualTo(15);
    assertThat(documentsBilledOn(c.id(), next.atEndOfMonth())).isEqualTo(5);
    assertThat(latestBillDate(c.id())).isEqualTo(next.atEndOfMonth());
    assertThat(fixtures.count("usage_data", "connection_id", c.id())).isEqualTo(usageBefore + 5);
    long lineItems = server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select count(*) from line_item l join document d on d.id = l.document_id "
                + "where d.connection_id = :id and d.bill_date = :date")
        .bind("id", UUID.fromString(c.id())).bind("date", next.atEndOfMonth()).mapTo(Long.class).one());
    assertThat(lineItems).isGreaterThanOrEqualTo(10);
  }

  @Test
  void aConnectionWhoseFirstCollectionHasNotFiledItsAccountsYetStillGetsItsBills() {
    Collected c = collected();
    // The state right after creation, before the first collection has filed anything.
    server.server().database().jdbi().useHandle(h -> {
      for (String table : List.of("document", "meter", "account")) {
        h.createUpdate("delete from " + table + " where connection_id = :id").bind("id", UUID.fromString(c.id()))
            .execute();
      }
    });

    Response response = bill(c.id(), owner.key());

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(documents(c.id())).isEqualTo(5);
    long withAccountAndUsage = server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select count(*) from document d where d.connection_id = :id and d.account_id is not null "
                + "and exists (select 1 from usage_data u where u.document_id = d.id and u.meter_id is not null)")
        .bind("id", UUID.fromString(c.id())).mapTo(Long.class).one());
    assertThat(withAccountAndUsage).isEqualTo(5);
  }

  @Test
  void callingItTwiceIssuesTwoConsecutiveMonths() {
    Collected c = collected();
    YearMonth first = YearMonth.from(latestBillDate(c.id())).plusMonths(1);

    Response one = bill(c.id(), owner.key());
    Response two = bill(c.id(), owner.key());

    assertThat(one.status()).as(one.toString()).isEqualTo(201);
    assertThat(two.status()).as(two.toString()).isEqualTo(201);
    assertBillsFor(one.json(), c.id(), c.accountNumbers(), first);
    assertBillsFor(two.json(), c.id(), c.accountNumbers(), first.plusMonths(1));
    assertThat(documents(c.id())).isEqualTo(20);
    assertThat(documentsBilledOn(c.id(), first.atEndOfMonth())).isEqualTo(5);
    assertThat(documentsBilledOn(c.id(), first.plusMonths(1).atEndOfMonth())).isEqualTo(5);
  }

  @Test
  void billsRunAtMostTwelveMonthsPastTheCurrentOneSoRepeatedCallsCannotFillTheDisk() {
    Collected c = collected();
    YearMonth last = YearMonth.now(ZoneOffset.UTC).plusMonths(12);
    for (YearMonth month = YearMonth.now(ZoneOffset.UTC); !month.isAfter(last); month = month.plusMonths(1)) {
      Response issued = bill(c.id(), owner.key());
      assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
      assertBillsFor(issued.json(), c.id(), c.accountNumbers(), month);
    }
    long before = documents(c.id());

    Response refused = bill(c.id(), owner.key());

    assertRejected(refused, 409, null);
    assertThat(refused.json().get("detail").asText()).contains("12 months ahead").contains(last.toString());
    assertThat(documents(c.id())).isEqualTo(before);
    assertThat(latestBillDate(c.id())).isEqualTo(last.atEndOfMonth());
  }

  @Test
  void theNewBillsAreNotIssuedToOtherConnections() {
    Collected a = collected();
    Collected b = collected();

    assertThat(bill(a.id(), owner.key()).status()).isEqualTo(201);

    assertThat(documents(a.id())).isEqualTo(15);
    assertThat(documents(b.id())).isEqualTo(10);
  }

  @Test
  void anAccountWhoseTrackingIsDisabledGetsNoNewDocument() {
    Collected c = collected();
    JsonNode untracked = server.get("/v2.2/connection/" + c.id() + "/details", owner.key()).json()
        .get("accounts").get(0);
    String untrackedId = untracked.get("id").asText();
    Response patch = server.patchJson("/v2.2/account/" + untrackedId, owner.key(), "{\"isTracked\": false}");
    assertThat(patch.json().get("trackingStatus").asText()).isEqualTo("DISABLED");
    long before = fixtures.count("document", "account_id", untrackedId);

    Response response = bill(c.id(), owner.key());

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(fixtures.count("document", "account_id", untrackedId))
        .as("documents of the DISABLED account (nectar-api.md §6.1: DISABLED stops collection)").isEqualTo(before);
    assertThat(documents(c.id())).isEqualTo(14);
  }

  @ParameterizedTest
  @CsvSource({
      "nectar-sandbox-username, wrong-password, INCORRECT_PASSWORD",
      "nectar-sandbox-website-down, nectar-sandbox-password, WEBSITE_DOWN",
      "nectar-sandbox-mfa, nectar-sandbox-password, MFA_TOKEN_EXPIRED",
      "nectar-sandbox-no-accounts, nectar-sandbox-password, NO_ACCOUNTS_FOUND"})
  void aConnectionThatIsNotConnectedIsA409AndGetsNoBill(String username, String password, String status) {
    String id = fixtures.connection(owner.key(), companyId, username, password, List.of(siteId), 2, "");
    assertThat(server.get("/v2.2/connection/" + id + "/details", owner.key()).json().get("status").asText())
        .isEqualTo(status);

    Response response = bill(id, owner.key());

    assertRejected(response, 409, null);
    assertThat(response.detail()).contains(status);
    assertThat(documents(id)).isZero();
  }

  @Test
  void anotherTenantIsForbiddenAndNoBillIsIssued() {
    Collected c = collected();

    for (TestServer.Tenant intruder : List.of(otherOrganization, productionOfSameOrganization)) {
      for (String prefix : Fixtures.PREFIXES) {
        Response response = server.send("POST", prefix + "/sandbox/connection/" + c.id() + "/bill", intruder.key(),
            null, null, Map.of());
        assertForbidden(response);
      }
    }
    assertThat(documents(c.id())).isEqualTo(10);
  }

  @Test
  void anotherTenantIsForbiddenEvenWithABody() {
    Collected c = collected();

    Response response = server.postJson("/v2.2/sandbox/connection/" + c.id() + "/bill", otherOrganization.key(),
        "{\"month\": \"2030-01\"}");

    assertForbidden(response);
    assertThat(documents(c.id())).isEqualTo(10);
  }

  @Test
  void anUnknownConnectionIsA404EvenWithABody() {
    Response response = server.postJson("/v2.2/sandbox/connection/" + UUID.randomUUID() + "/bill", owner.key(),
        "{\"month\": \"2030-01\"}");

    assertRejected(response, 404, null);
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstResponseWithoutIssuingASecondBill() {
    Collected c = collected();
    Map<String, String> headers = Map.of("Idempotency-Key", "bill-" + c.id());

    Response first = server.send("POST", "/v2.2/sandbox/connection/" + c.id() + "/bill", owner.key(), null, null,
        headers);
    Response replay = server.send("POST", "/v2.2/sandbox/connection/" + c.id() + "/bill", owner.key(), null, null,
        headers);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(first.json());
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(documents(c.id())).isEqualTo(15);

    Response other = server.send("POST", "/v2.2/sandbox/connection/" + c.id() + "/bill", owner.key(), null, null,
        Map.of("Idempotency-Key", "another-" + c.id()));
    assertThat(other.status()).isEqualTo(201);
    assertThat(documents(c.id())).isEqualTo(20);
  }

  @Test
  void theSameIdempotencyKeyWithAnotherBodyIsA409AndIssuesNothing() {
    Collected c = collected();
    Map<String, String> headers = Map.of("Idempotency-Key", "body-" + c.id());
    assertThat(server.send("POST", "/v2.2/sandbox/connection/" + c.id() + "/bill", owner.key(), null, null, headers)
        .status()).isEqualTo(201);

    Response conflict = server.send("POST", "/v2.2/sandbox/connection/" + c.id() + "/bill", owner.key(),
        TestServer.JSON, "{\"extra\": true}", headers);

    assertRejected(conflict, 409, null);
    assertThat(documents(c.id())).isEqualTo(15);
  }

  @Test
  void anUnknownBodyFieldIsA400AndIssuesNothing() {
    Collected c = collected();

    Response response = server.postJson("/v2.2/sandbox/connection/" + c.id() + "/bill", owner.key(),
        "{\"month\": \"2030-01\"}");

    assertRejected(response, 400, "month");
    assertThat(documents(c.id())).isEqualTo(10);
  }

  @Test
  void aMalformedOrUnknownConnectionIsA404() {
    for (String id : List.of("not-a-uuid", "1", UUID.randomUUID().toString())) {
      Response response = bill(id, owner.key());
      assertRejected(response, 404, null);
      assertThat(response.detail()).isEqualTo("Connection not found.");
    }
  }

  @Test
  void aProductionConnectionToAnotherUtilityCannotBeBilled() {
    String liveCompany = fixtures.company(productionOfSameOrganization.key(), "Live");
    String liveSite = fixtures.site(productionOfSameOrganization.key(), liveCompany, "Live site");
    Response created = server.postJson("/v2.2/connection/company/" + liveCompany, productionOfSameOrganization.key(),
        """
        {"url": "https://www.ladwp.com", "username": "u", "password": "p", "sites": ["%s"], "country": "US"}"""
            .formatted(liveSite));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();

    Response response = bill(id, productionOfSameOrganization.key());

    assertThat(response.status()).as(response.toString()).isIn(400, 409);
    assertThat(documents(id)).isZero();
  }
}

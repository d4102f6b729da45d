package io.nectar.accounts;

import static io.nectar.testing.Fixtures.assertForbidden;
import static io.nectar.testing.Fixtures.assertRejected;
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
 * Tracking accounts on and off (nectar-api.md §6.2): {@code PATCH /account/{id}} with
 * {@code isTracked} and {@code updateMeters}, and the all-or-nothing bulk update
 * {@code PATCH /account/company/{id}} (alias {@code /company/{id}/account}).
 */
class AccountApiTest {
  static TestServer server;
  static Fixtures fixtures;
  static TestServer.Tenant owner;
  static TestServer.Tenant otherOrganization;
  static TestServer.Tenant productionOfSameOrganization;
  static String otherCompanyAccount;
  static String otherOrganizationAccount;
  /** Shared by tests that must change nothing (each compares before and after itself). */
  static Collected untouched;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    owner = server.tenant("Account Org", Environment.SANDBOX);
    otherOrganization = server.tenant("Other Account Org", Environment.SANDBOX);
    productionOfSameOrganization = server.tenant("Account Org", Environment.PRODUCTION);

    String otherCompany = fixtures.company(owner.key(), "Sister company");
    otherCompanyAccount = firstAccount(owner.key(), otherCompany);
    String strangerCompany = fixtures.company(otherOrganization.key(), "Stranger company");
    otherOrganizationAccount = firstAccount(otherOrganization.key(), strangerCompany);
    untouched = collected();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String firstAccount(String key, String company) {
    String connection = fixtures.sandboxConnection(key, company, List.of(fixtures.site(key, company, "S")), 1,
        ", \"datasourceTypes\": [\"WATER\"]");
    return fixtures.collectedDetails(key, connection).get("accounts").get(0).get("id").asText();
  }

  /** A company with one collected sandbox connection: one site, five accounts with one meter each. */
  record Collected(String companyId, String connectionId, List<JsonNode> accounts) {
    List<String> accountIds() {
      List<String> ids = new ArrayList<>();
      accounts.forEach(a -> ids.add(a.get("id").asText()));
      return ids;
    }

    String meterOf(int account) {
      return accounts.get(account).get("meters").get(0).asText();
    }
  }

  private static Collected collected() {
    String company = fixtures.company(owner.key(), "Tracked company");
    String connection = fixtures.sandboxConnection(owner.key(), company, List.of(fixtures.site(owner.key(), company,
        "HQ")), 1, "");
    JsonNode details = fixtures.collectedDetails(owner.key(), connection);
    List<JsonNode> accounts = new ArrayList<>();
    details.get("accounts").forEach(accounts::add);
    assertThat(accounts).hasSize(5);
    accounts.forEach(a -> {
      assertThat(a.get("isTracked").asBoolean()).isTrue();
      assertThat(a.get("meters")).hasSize(1);
    });
    return new Collected(company, connection, accounts);
  }

  private static JsonNode meter(String meterId) {
    Response meter = server.get("/v2.2/meter/" + meterId, owner.key());
    assertThat(meter.status()).as(meter.toString()).isEqualTo(200);
    return meter.json();
  }

  private static boolean meterTracked(String meterId) {
    return meter(meterId).get("isTracked").asBoolean();
  }

  /** Tracking state of every account of the connection and of every meter, as the API shows it. */
  private static Map<String, String> trackingState(Collected c) {
    Map<String, String> state = new HashMap<>();
    JsonNode details = server.get("/v2.2/connection/" + c.connectionId() + "/details", owner.key()).json();
    for (JsonNode account : details.get("accounts")) {
      state.put(account.get("id").asText(), account.get("trackingStatus").asText() + "/"
          + account.get("isTracked").asBoolean());
      for (JsonNode meterId : account.get("meters")) {
        state.put(meterId.asText(), Boolean.toString(meterTracked(meterId.asText())));
      }
    }
    return state;
  }

  private static String bulkBody(List<String> accounts, String rest) {
    return "{\"accounts\": " + Fixtures.array(accounts) + rest + "}";
  }

  // ---------------------------------------------------------------- one account

  @Test
  void untrackingAnAccountDisablesItAndItsMeters() {
    Collected c = collected();
    String account = c.accountIds().get(0);

    Response response = server.patchJson("/v2.2/account/" + account, owner.key(), "{\"isTracked\": false}");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("id").asText()).isEqualTo(account);
    assertThat(body.get("trackingStatus").asText()).isEqualTo("DISABLED");
    assertThat(body.get("isTracked").asBoolean()).isFalse();
    assertThat(body.get("meters")).containsExactlyElementsOf(c.accounts().get(0).get("meters"));
    assertThat(body.get("accountNumber").asText()).isEqualTo(c.accounts().get(0).get("accountNumber").asText());
    assertThat(meterTracked(c.meterOf(0))).isFalse();
    for (int other = 1; other < 5; other++) {
      assertThat(meterTracked(c.meterOf(other))).as("meter of another account").isTrue();
    }
    JsonNode listed = server.get("/v2.2/connection/" + c.connectionId() + "/details", owner.key()).json()
        .get("accounts").get(0);
    assertThat(listed.get("trackingStatus").asText()).isEqualTo("DISABLED");
    assertThat(listed.get("isTracked").asBoolean()).isFalse();
  }

  @Test
  void trackingItAgainEnablesTheAccountAndItsMeters() {
    Collected c = collected();
    String account = c.accountIds().get(1);
    assertThat(server.patchJson("/v2.2/account/" + account, owner.key(), "{\"isTracked\": false}").status())
        .isEqualTo(200);

    Response response = server.patchJson("/v2.1/account/" + account, owner.key(), "{\"isTracked\": true}");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("trackingStatus").asText()).isEqualTo("ENABLED");
    assertThat(response.json().get("isTracked").asBoolean()).isTrue();
    assertThat(meterTracked(c.meterOf(1))).isTrue();
  }

  @Test
  void updateMetersFalseLeavesTheMetersTracked() {
    Collected c = collected();
    String account = c.accountIds().get(2);

    Response response = server.patchJson("/v2.2/account/" + account, owner.key(),
        "{\"isTracked\": false, \"updateMeters\": false}");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("trackingStatus").asText()).isEqualTo("DISABLED");
    assertThat(response.json().get("isTracked").asBoolean()).isFalse();
    assertThat(meterTracked(c.meterOf(2))).isTrue();
  }

  @Test
  void updateMetersTrueIsTheSameAsLeavingItOut() {
    Collected c = collected();

    Response response = server.patchJson("/v2.2/account/" + c.accountIds().get(3), owner.key(),
        "{\"isTracked\": false, \"updateMeters\": true}");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(meterTracked(c.meterOf(3))).isFalse();
  }

  // ---------------------------------------------------------------- bulk

  @ParameterizedTest
  @ValueSource(strings = {"/account/company/%s", "/company/%s/account"})
  void aBulkUpdateChangesEveryListedAccountAndReturnsThem(String template) {
    Collected c = collected();
    List<String> chosen = c.accountIds().subList(0, 3);

    Response response = server.patchJson("/v2.2" + template.formatted(c.companyId()), owner.key(),
        bulkBody(chosen, ", \"isTracked\": false"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.isArray()).isTrue();
    assertThat(Fixtures.ids(body)).containsExactlyInAnyOrderElementsOf(chosen);
    body.forEach(a -> {
      assertThat(a.get("trackingStatus").asText()).isEqualTo("DISABLED");
      assertThat(a.get("isTracked").asBoolean()).isFalse();
      assertThat(a.get("meters")).hasSize(1);
    });
    for (int i = 0; i < 5; i++) {
      assertThat(meterTracked(c.meterOf(i))).as("meter of account %d", i).isEqualTo(i >= 3);
    }
    Map<String, String> state = trackingState(c);
    assertThat(state.get(c.accountIds().get(3))).isEqualTo("UNSET/true");
    assertThat(state.get(c.accountIds().get(4))).isEqualTo("UNSET/true");
  }

  @Test
  void aBulkUpdateWithUpdateMetersFalseLeavesTheMetersTracked() {
    Collected c = collected();

    Response response = server.patchJson("/v2.2/account/company/" + c.companyId(), owner.key(),
        bulkBody(c.accountIds(), ", \"isTracked\": false, \"updateMeters\": false"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(meterTracked(c.meterOf(i))).isTrue();
    }
  }

  @Test
  void aBulkUpdateListingAnAccountTwiceUpdatesItOnce() {
    Collected c = collected();
    String account = c.accountIds().get(0);

    Response response = server.patchJson("/v2.2/account/company/" + c.companyId(), owner.key(),
        bulkBody(List.of(account, account), ", \"isTracked\": false"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(Fixtures.ids(response.json())).containsExactly(account);
  }

  @Test
  void aBulkUpdateWithAnUnknownAccountUpdatesNothing() {
    Collected c = collected();
    Map<String, String> before = trackingState(c);
    List<String> ids = new ArrayList<>(c.accountIds());
    ids.add(UUID.randomUUID().toString());

    Response response = server.patchJson("/v2.2/account/company/" + c.companyId(), owner.key(),
        bulkBody(ids, ", \"isTracked\": false"));

    assertRejected(response, 400, "accounts");
    assertThat(trackingState(c)).isEqualTo(before);
  }

  @Test
  void aBulkUpdateWithAnAccountOfAnotherCompanyUpdatesNothingInEither() {
    Collected c = collected();
    Map<String, String> before = trackingState(c);

    Response response = server.patchJson("/v2.2/account/company/" + c.companyId(), owner.key(),
        bulkBody(List.of(c.accountIds().get(0), otherCompanyAccount), ", \"isTracked\": false"));

    assertRejected(response, 400, "accounts");
    assertThat(trackingState(c)).isEqualTo(before);
    assertThat(accountTrackingInDatabase(otherCompanyAccount)).isEqualTo("UNSET");
  }

  @Test
  void aBulkUpdateWithAnAccountOfAnotherOrganizationUpdatesNothingAndRevealsNothing() {
    Collected c = collected();
    Map<String, String> before = trackingState(c);

    Response response = server.patchJson("/v2.2/account/company/" + c.companyId(), owner.key(),
        bulkBody(List.of(c.accountIds().get(0), otherOrganizationAccount), ", \"isTracked\": false"));

    assertThat(response.status()).as(response.toString()).isIn(400, 403);
    assertThat(response.body()).doesNotContain("Stranger");
    assertThat(trackingState(c)).isEqualTo(before);
    assertThat(accountTrackingInDatabase(otherOrganizationAccount)).isEqualTo("UNSET");
  }

  private static String accountTrackingInDatabase(String accountId) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select tracking_status from account where id = :id")
        .bind("id", UUID.fromString(accountId)).mapTo(String.class).one());
  }

  // ---------------------------------------------------------------- bad input

  @ParameterizedTest
  @ValueSource(strings = {
      "{}|isTracked",
      "{\"updateMeters\": false}|isTracked",
      "{\"isTracked\": null}|isTracked",
      "{\"isTracked\": \"false\"}|isTracked",
      "{\"isTracked\": 0}|isTracked",
      "{\"isTracked\": [true]}|isTracked",
      "{\"isTracked\": false, \"updateMeters\": \"no\"}|updateMeters",
      "{\"isTracked\": false, \"updateMeters\": null}|updateMeters",
      "{\"isTracked\": false, \"trackingStatus\": \"DISABLED\"}|trackingStatus",
      "{\"isTracked\": false, \"accountNumber\": \"1\"}|accountNumber"})
  void aBadSingleUpdateIsA400NamingTheFieldAndChangesNothing(String input) {
    String[] parts = input.split("\\|");
    Collected c = untouched;
    Map<String, String> before = trackingState(c);

    Response response = server.patchJson("/v2.2/account/" + c.accountIds().get(0), owner.key(), parts[0]);

    assertRejected(response, 400, parts[1]);
    assertThat(trackingState(c)).isEqualTo(before);
  }

  @Test
  void aBadBulkUpdateIsA400NamingTheFieldAndChangesNothing() {
    Collected c = collected();
    Map<String, String> before = trackingState(c);
    String account = c.accountIds().get(0);
    String path = "/v2.2/account/company/" + c.companyId();
    Map<String, String> bodies = new java.util.LinkedHashMap<>();
    bodies.put("{\"isTracked\": false}", "accounts");
    bodies.put(bulkBody(List.of(account), ""), "isTracked");
    bodies.put(bulkBody(List.of(), ", \"isTracked\": false"), "accounts");
    bodies.put("{\"accounts\": \"" + account + "\", \"isTracked\": false}", "accounts");
    bodies.put("{\"accounts\": null, \"isTracked\": false}", "accounts");
    bodies.put("{\"accounts\": [42], \"isTracked\": false}", "accounts");
    bodies.put(bulkBody(List.of(account, "not-a-uuid"), ", \"isTracked\": false"), "accounts");
    bodies.put(bulkBody(List.of(account, account.toUpperCase() + "0"), ", \"isTracked\": false"), "accounts");
    bodies.put(bulkBody(List.of(account), ", \"isTracked\": \"no\""), "isTracked");
    bodies.put(bulkBody(List.of(account), ", \"isTracked\": false, \"updateMeters\": 1"), "updateMeters");
    bodies.put(bulkBody(List.of(account), ", \"isTracked\": false, \"company\": \"x\""), "company");

    for (var entry : bodies.entrySet()) {
      Response response = server.patchJson(path, owner.key(), entry.getKey());
      assertRejected(response, 400, entry.getValue());
    }
    assertThat(trackingState(c)).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsA400() {
    Collected c = collected();

    for (String body : List.of("[]", "false", "not json", "{\"isTracked\": false")) {
      Response single = server.patchJson("/v2.2/account/" + c.accountIds().get(0), owner.key(), body);
      Response bulk = server.patchJson("/v2.2/account/company/" + c.companyId(), owner.key(), body);
      assertRejected(single, 400, null);
      assertRejected(bulk, 400, null);
    }
    assertThat(accountTrackingInDatabase(c.accountIds().get(0))).isEqualTo("UNSET");
  }

  // ---------------------------------------------------------------- ids and tenancy

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "123", "0e984725-c51c-4bf4-9960-e1c80e27aba0x"})
  void aMalformedIdInThePathIsA404(String id) {
    Response single = server.patchJson("/v2.2/account/" + id, owner.key(), "{\"isTracked\": false}");
    Response bulk = server.patchJson("/v2.2/account/company/" + id, owner.key(),
        bulkBody(List.of(UUID.randomUUID().toString()), ", \"isTracked\": false"));
    Response alias = server.patchJson("/v2.2/company/" + id + "/account", owner.key(),
        bulkBody(List.of(UUID.randomUUID().toString()), ", \"isTracked\": false"));

    assertRejected(single, 404, null);
    assertThat(single.detail()).isEqualTo("Account not found.");
    assertRejected(bulk, 404, null);
    assertThat(bulk.detail()).isEqualTo("Company not found.");
    assertRejected(alias, 404, null);
  }

  @Test
  void anUnknownIdInThePathIsA404() {
    String unknown = UUID.randomUUID().toString();

    assertRejected(server.patchJson("/v2.2/account/" + unknown, owner.key(), "{\"isTracked\": false}"), 404, null);
    assertRejected(server.patchJson("/v2.2/account/company/" + unknown, owner.key(),
        bulkBody(List.of(otherCompanyAccount), ", \"isTracked\": false")), 404, null);
    assertThat(accountTrackingInDatabase(otherCompanyAccount)).isEqualTo("UNSET");
  }

  @Test
  void anotherTenantIsForbiddenFromUpdatingAnAccountAndChangesNothing() {
    Collected c = collected();
    Map<String, String> before = trackingState(c);

    for (TestServer.Tenant intruder : List.of(otherOrganization, productionOfSameOrganization)) {
      for (String prefix : Fixtures.PREFIXES) {
        assertForbidden(server.patchJson(prefix + "/account/" + c.accountIds().get(0), intruder.key(),
            "{\"isTracked\": false}"));
        assertForbidden(server.patchJson(prefix + "/account/company/" + c.companyId(), intruder.key(),
            bulkBody(c.accountIds(), ", \"isTracked\": false")));
        assertForbidden(server.patchJson(prefix + "/company/" + c.companyId() + "/account", intruder.key(),
            bulkBody(c.accountIds(), ", \"isTracked\": false")));
      }
    }
    assertThat(trackingState(c)).isEqualTo(before);
  }

  @Test
  void anotherTenantGets403EvenWhenItsBodyIsInvalid() {
    Collected c = collected();
    Map<String, String> before = trackingState(c);
    String invalid = "{\"isTracked\": \"maybe\", \"bogus\": true}";
    Map<String, Integer> statuses = new java.util.TreeMap<>();

    for (TestServer.Tenant intruder : List.of(otherOrganization, productionOfSameOrganization)) {
      String who = intruder == otherOrganization ? "other organization: " : "production key: ";
      for (String path : List.of("/account/" + c.accountIds().get(0), "/account/company/" + c.companyId(),
          "/company/" + c.companyId() + "/account")) {
        statuses.put(who + "PATCH " + path, server.patchJson("/v2.2" + path, intruder.key(), invalid).status());
      }
    }

    assertThat(statuses).allSatisfy((route, status) -> assertThat(status).as(route).isEqualTo(403));
    assertThat(trackingState(c)).isEqualTo(before);
  }

  @Test
  void aMissingIdIsA404EvenWhenTheBodyIsInvalid() {
    String unknown = UUID.randomUUID().toString();
    String invalid = "{\"isTracked\": \"maybe\", \"bogus\": true}";
    Map<String, Integer> statuses = new java.util.TreeMap<>();

    for (String path : List.of("/account/" + unknown, "/account/company/" + unknown, "/company/" + unknown
        + "/account")) {
      statuses.put("PATCH " + path, server.patchJson("/v2.2" + path, owner.key(), invalid).status());
    }

    assertThat(statuses).allSatisfy((route, status) -> assertThat(status).as(route).isEqualTo(404));
  }

  @Test
  void anotherTenantCannotReachForeignAccountsThroughItsOwnCompany() {
    Collected c = collected();
    Map<String, String> before = trackingState(c);
    String intruderCompany = fixtures.company(otherOrganization.key(), "Intruder's own");

    Response response = server.patchJson("/v2.2/account/company/" + intruderCompany, otherOrganization.key(),
        bulkBody(c.accountIds(), ", \"isTracked\": false"));

    assertRejected(response, 400, "accounts");
    assertThat(response.body()).doesNotContain("Tracked company");
    assertThat(trackingState(c)).isEqualTo(before);
  }
}

package io.nectar.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Nectar's sandbox guide, word for word over HTTP: company, sites, sandbox connection, data within seconds. */
class SandboxGuideTest {
  static TestServer server;
  static TestServer.Tenant tenant;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    tenant = server.tenant("Sandbox Org", Environment.SANDBOX);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String company(String prefix) {
    Response company = server.postJson(prefix + "/company", tenant.key(), "{\"name\": \"Guide Co\"}");
    assertThat(company.status()).isEqualTo(201);
    return company.json().get("id").asText();
  }

  private static List<String> sites(String prefix, String companyId, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Response site = server.postJson(prefix + "/company/" + companyId + "/site", tenant.key(),
          "{\"name\": \"Site " + i + "\", \"address\": \"" + (i + 1) + " Main St\"}");
      assertThat(site.status()).isEqualTo(201);
      ids.add(site.json().get("id").asText());
    }
    return ids;
  }

  private static Response connect(String prefix, String companyId, String username, String password, List<String> siteIds) {
    String sites = siteIds.stream().map(s -> "\"" + s + "\"").reduce((a, b) -> a + "," + b).orElse("");
    return server.postJson(prefix + "/connection/company/" + companyId, tenant.key(), """
        {"url": "https://nectarclimate.com", "username": "%s", "password": "%s", "sites": [%s], "country": "US"}"""
        .formatted(username, password, sites));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theSandboxConnectionValidatesAtOnceAndItsDataArrivesWithinSeconds(String prefix) {
    String companyId = company(prefix);
    List<String> siteIds = sites(prefix, companyId, 3);

    Response created = connect(prefix, companyId, "nectar-sandbox-username", "nectar-sandbox-password", siteIds);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode connection = created.json();
    assertThat(connection.get("status").asText()).isEqualTo("CONNECTED");
    assertThat(connection.get("url").asText()).isEqualTo("https://nectarclimate.com");
    assertThat(connection.get("username").asText()).isEqualTo("nectar-sandbox-username");
    assertThat(connection.toString()).doesNotContain("nectar-sandbox-password");
    assertThat(connection.get("country").asText()).isEqualTo("US");
    assertThat(connection.get("company").get("id").asText()).isEqualTo(companyId);
    assertThat(connection.get("datasource").get("url").asText()).isEqualTo("https://nectarclimate.com");
    assertThat(connection.get("statusFirstSeenTime").asText()).endsWith("Z");
    assertThat(connection.get("statusErrorDetail").isNull()).isTrue();
    assertThat(connection.get("initialSites")).hasSize(3);
    assertThat(connection.get("isActive").asBoolean()).isTrue();
    String connectionId = connection.get("id").asText();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode details = server.get(prefix + "/connection/" + connectionId + "/details", tenant.key()).json();
      assertThat(details.get("accounts")).hasSize(15); // 3 sites × ELECTRICITY, SOLAR, WATER, GAS, FUEL
      assertThat(documents(connectionId)).isGreaterThanOrEqualTo(15L * 12); // at least the 12 months of last year
      assertThat(server.get(prefix + "/interval/connection/" + connectionId, tenant.key()).json()
          .get("totalIntervals").asLong()).isGreaterThan(1000);
    });

    JsonNode meters = server.get(prefix + "/meter/connection/" + connectionId, tenant.key()).json();
    assertThat(meters.get("totalMeters").asInt()).isEqualTo(15);
    JsonNode meter = meters.get("meters").get(0);
    assertThat(siteIds).contains(meter.get("site").asText());
    assertThat(meter.get("identifiers").get(0).get("value").asText()).isNotBlank();
    JsonNode account = server.get(prefix + "/connection/" + connectionId + "/details", tenant.key()).json()
        .get("accounts").get(0);
    assertThat(account.get("meters")).hasSize(1);
    assertThat(account.get("lastServiceDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(server.get(prefix + "/meter/" + meter.get("id").asText(), tenant.key()).json().get("id").asText())
        .isEqualTo(meter.get("id").asText());
  }

  @Test
  void aWrongPasswordGivesIncorrectPasswordWithADetail() {
    String companyId = company("/v2.2");
    Response created = connect("/v2.2", companyId, "nectar-sandbox-username", "wrong", sites("/v2.2", companyId, 1));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("status").asText()).isEqualTo("INCORRECT_PASSWORD");
    assertThat(created.json().get("statusErrorDetail").asText()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({
      "nectar-sandbox-website-down, WEBSITE_DOWN",
      "nectar-sandbox-mfa, MFA_TOKEN_EXPIRED",
      "nectar-sandbox-no-accounts, NO_ACCOUNTS_FOUND",
      "nectar-sandbox-password-change, CONNECTED"})
  void eachFailureScenarioUsernameGivesItsStatus(String username, String status) {
    String companyId = company("/v2.2");
    Response created = connect("/v2.2", companyId, username, "nectar-sandbox-password", sites("/v2.2", companyId, 1));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("status").asText()).isEqualTo(status);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4})
  void theSandboxTakesOneToThreeSites(int count) {
    String companyId = company("/v2.2");
    Response created = connect("/v2.2", companyId, "nectar-sandbox-username", "nectar-sandbox-password",
        sites("/v2.2", companyId, count));

    assertThat(created.status()).isEqualTo(400);
    assertThat(created.json().get("errors").has("sites")).isTrue();
    assertThat(connectionCount(companyId)).isZero();
  }

  @Test
  void sitesOfAnotherCompanyOrOrganizationAreRefused() {
    String companyId = company("/v2.2");
    String otherCompany = company("/v2.2");
    List<String> foreign = sites("/v2.2", otherCompany, 1);
    var stranger = server.tenant("Stranger Org", Environment.SANDBOX);
    String strangerCompany = server.postJson("/v2.2/company", stranger.key(), "{\"name\":\"S\"}").json().get("id").asText();
    String strangerSite = server.postJson("/v2.2/site/company/" + strangerCompany, stranger.key(), "{\"name\":\"X\"}")
        .json().get("id").asText();

    assertThat(connect("/v2.2", companyId, "nectar-sandbox-username", "nectar-sandbox-password", foreign).status())
        .isEqualTo(400);
    assertThat(connect("/v2.2", companyId, "nectar-sandbox-username", "nectar-sandbox-password",
        List.of(strangerSite)).status()).isEqualTo(400);
    assertThat(connectionCount(companyId)).isZero();
  }

  @Test
  void aSandboxKeyCannotConnectToARealUtilityAndAnUnknownUtilityStaysPendingForAProductionKey() {
    String companyId = company("/v2.2");
    String site = sites("/v2.2", companyId, 1).get(0);
    Response refused = server.postJson("/v2.2/connection/company/" + companyId, tenant.key(), """
        {"url": "https://www.ladwp.com", "username": "u", "password": "p", "sites": ["%s"], "country": "US"}"""
        .formatted(site));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").has("url")).isTrue();

    var live = server.tenant("Sandbox Org", Environment.PRODUCTION);
    String liveCompany = server.postJson("/v2.2/company", live.key(), "{\"name\":\"Live\"}").json().get("id").asText();
    String liveSite = server.postJson("/v2.2/site/company/" + liveCompany, live.key(), "{\"name\":\"HQ\"}")
        .json().get("id").asText();
    Response pending = server.postJson("/v2.2/connection/company/" + liveCompany, live.key(), """
        {"url": "https://www.ladwp.com", "username": "u", "password": "p", "sites": ["%s"], "country": "US"}"""
        .formatted(liveSite));
    assertThat(pending.status()).isEqualTo(201);
    assertThat(pending.json().get("status").asText()).isEqualTo("PENDING");
    assertThat(pending.json().get("statusErrorDetail").asText()).contains("https://www.ladwp.com");
  }

  @Test
  void theStoredPasswordIsEncrypted() {
    String companyId = company("/v2.2");
    String id = connect("/v2.2", companyId, "nectar-sandbox-username", "nectar-sandbox-password",
        sites("/v2.2", companyId, 1)).json().get("id").asText();

    byte[] sealed = server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select password_sealed from connection where id = :id").bind("id", UUID.fromString(id)).mapTo(byte[].class).one());

    assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("nectar-sandbox-password");
  }

  static long documents(String connectionId) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select count(*) from document where connection_id = :id").bind("id", UUID.fromString(connectionId))
        .mapTo(Long.class).one());
  }

  static long connectionCount(String companyId) {
    return server.get("/v2.2/connection/company/" + companyId, tenant.key()).json().get("totalConnections").asLong();
  }
}

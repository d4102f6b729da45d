package io.nectar.connections;

import static io.nectar.testing.Fixtures.PASSWORD;
import static io.nectar.testing.Fixtures.USERNAME;
import static io.nectar.testing.Fixtures.assertRejected;
import static io.nectar.testing.Fixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /connection/company/{id}} (nectar-api.md §5.2, CONTRACT §5): the envelope, a stable
 * creation order, {@code limit} 1–500, and the filters {@code connectionOwnerEmail}, repeatable
 * {@code sites} and {@code status} (with {@code PASSWORD_INCORRECT} as a synonym).
 */
class ConnectionListTest {
  static TestServer server;
  static Fixtures fixtures;
  static String key;
  static String companyId;
  static String emptyCompanyId;
  static String siteA;
  static String siteB;
  static String siteC;

  /** The six connections, in creation order. */
  static String connected;      // siteA, alice (mixed case), CONNECTED
  static String websiteDown;    // siteB, bob, WEBSITE_DOWN
  static String mfa;            // siteA + siteC, alice, MFA_TOKEN_EXPIRED
  static String noAccounts;     // siteC, no owner, NO_ACCOUNTS_FOUND
  static String wrongPassword;  // siteB, alice, INCORRECT_PASSWORD
  static String wrongPassword2; // siteA, bob, INCORRECT_PASSWORD
  static List<String> all;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    key = server.tenant("List Org", Environment.SANDBOX).key();
    companyId = fixtures.company(key, "Listed");
    emptyCompanyId = fixtures.company(key, "Nothing here");
    List<String> sites = fixtures.sites(key, companyId, 3);
    siteA = sites.get(0);
    siteB = sites.get(1);
    siteC = sites.get(2);

    connected = create(USERNAME, PASSWORD, List.of(siteA), "Alice@Example.com", "CONNECTED");
    websiteDown = create("nectar-sandbox-website-down", PASSWORD, List.of(siteB), "bob@example.com", "WEBSITE_DOWN");
    mfa = create("nectar-sandbox-mfa", PASSWORD, List.of(siteA, siteC), "alice@example.com", "MFA_TOKEN_EXPIRED");
    noAccounts = create("nectar-sandbox-no-accounts", PASSWORD, List.of(siteC), null, "NO_ACCOUNTS_FOUND");
    wrongPassword = create(USERNAME, "not-the-password", List.of(siteB), "alice@example.com", "INCORRECT_PASSWORD");
    wrongPassword2 = create("someone-else", PASSWORD, List.of(siteA), "bob@example.com", "INCORRECT_PASSWORD");
    all = List.of(connected, websiteDown, mfa, noAccounts, wrongPassword, wrongPassword2);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String create(String username, String password, List<String> sites, String owner, String status) {
    String extra = ", \"dataCollectionStartDate\": \"" + Fixtures.monthsAgo(1) + "\""
        + (owner == null ? "" : ", \"workflowOwnerEmail\": \"" + owner + "\"");
    Response created = fixtures.connect(key, companyId, Fixtures.connectionBody(username, password, sites, extra));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("status").asText()).isEqualTo(status);
    return created.json().get("id").asText();
  }

  private static Response list(String query) {
    return server.get("/v2.2/connection/company/" + companyId + query, key);
  }

  private static JsonNode listOk(String query) {
    Response response = list(query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static void assertEnvelope(JsonNode page, long total, int perPage, int totalPages, int currentPage) {
    List<String> fields = new ArrayList<>();
    page.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("totalConnections", "perPage", "totalPages", "currentPage", "hasNext",
        "hasPrevious", "connections");
    assertThat(page.get("totalConnections").asLong()).isEqualTo(total);
    assertThat(page.get("perPage").asInt()).isEqualTo(perPage);
    assertThat(page.get("totalPages").asInt()).isEqualTo(totalPages);
    assertThat(page.get("currentPage").asInt()).isEqualTo(currentPage);
    assertThat(page.get("hasNext").asBoolean()).isEqualTo(currentPage < totalPages);
    assertThat(page.get("hasPrevious").asBoolean()).isEqualTo(currentPage > 1);
    assertThat(page.get("connections").isArray()).isTrue();
  }

  // ---------------------------------------------------------------- envelope, order, paging

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theListHasNectarsEnvelopeAndEveryConnectionInCreationOrder(String prefix) {
    Response response = server.get(prefix + "/connection/company/" + companyId, key);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode page = response.json();
    assertEnvelope(page, 6, 100, 1, 1);
    assertThat(ids(page.get("connections"))).containsExactlyElementsOf(all);
    JsonNode first = page.get("connections").get(0);
    assertThat(first.get("status").asText()).isEqualTo("CONNECTED");
    assertThat(first.get("company").get("id").asText()).isEqualTo(companyId);
    assertThat(first.get("workflowOwnerEmail").asText()).isEqualToIgnoringCase("alice@example.com");
    assertThat(page.toString()).doesNotContain(PASSWORD, "not-the-password");
  }

  @Test
  void theGuideStyleAliasAnswersExactlyAsTheCanonicalPath() {
    // The sandbox collection may still be filing bills (lastServiceDate moves) between the two reads, so
    // the pair is read again until it is taken at one moment; answers that always differ still fail.
    for (String query : List.of("", "?limit=2&page=2", "?status=INCORRECT_PASSWORD", "?sites=" + siteB)) {
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
        Response canonical = list(query);
        Response alias = server.get("/v2.2/company/" + companyId + "/connection" + query, key);

        assertThat(alias.status()).as(alias.toString()).isEqualTo(200);
        assertThat(alias.json()).as(query).isEqualTo(canonical.json());
      });
    }
  }

  @Test
  void pagingWithLimitTwoReturnsEveryConnectionExactlyOnceInOrder() {
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonNode body = listOk("?limit=2&page=" + page);
      assertEnvelope(body, 6, 2, 3, page);
      assertThat(body.get("connections")).hasSize(2);
      seen.addAll(ids(body.get("connections")));
    }

    assertThat(seen).containsExactlyElementsOf(all).doesNotHaveDuplicates();
  }

  @Test
  void anUnevenLastPageHoldsTheRemainder() {
    JsonNode last = listOk("?limit=4&page=2");

    assertEnvelope(last, 6, 4, 2, 2);
    assertThat(ids(last.get("connections"))).containsExactly(wrongPassword, wrongPassword2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4", "99", "2147483648", "99999999999999999999"})
  void aPagePastTheEndReturnsTheLastPage(String page) {
    JsonNode body = listOk("?limit=2&page=" + page);

    assertEnvelope(body, 6, 2, 3, 3);
    assertThat(ids(body.get("connections"))).containsExactly(wrongPassword, wrongPassword2);
  }

  @Test
  void anEmptyCompanyHasOneEmptyPage() {
    for (String query : List.of("", "?page=3", "?limit=1&page=2")) {
      Response response = server.get("/v2.2/connection/company/" + emptyCompanyId + query, key);

      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      JsonNode body = response.json();
      assertEnvelope(body, 0, query.contains("limit=1") ? 1 : 100, 1, 1);
      assertThat(body.get("connections")).isEmpty();
    }
  }

  @Test
  void connectionsCreatedAtTheSameInstantAreOrderedByIdAndPageWithoutGapsOrRepeats() {
    String company = fixtures.company(key, "Same instant");
    String site = fixtures.site(key, company, "Only site");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(fixtures.connection(key, company, "tie-" + i, "wrong", List.of(site), 1, ""));
    }
    server.server().database().jdbi().useHandle(h -> h.createUpdate(
            "update connection set created_at = timestamptz '2025-01-01 00:00:00+00' where company_id = :company")
        .bind("company", UUID.fromString(company)).execute());
    List<String> byId = created.stream().map(UUID::fromString).sorted(ConnectionListTest::compareAsPostgres)
        .map(UUID::toString).toList();

    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonNode body = server.get("/v2.2/connection/company/" + company + "?limit=2&page=" + page, key).json();
      seen.addAll(ids(body.get("connections")));
    }

    assertThat(seen).containsExactlyElementsOf(byId);
  }

  /** PostgreSQL orders uuids by their bytes, unsigned; Java's UUID.compareTo is signed. */
  private static int compareAsPostgres(UUID a, UUID b) {
    return a.toString().compareTo(b.toString());
  }

  // ---------------------------------------------------------------- limit

  @ParameterizedTest
  @ValueSource(strings = {"0", "501", "-1", "abc", "1.5", "1e2", "99999999999"})
  void aLimitOutsideOneToFiveHundredIsA400NamingLimit(String limit) {
    assertRejected(list("?limit=" + limit), 400, "limit");
  }

  @Test
  void limitOneGivesOneConnectionPerPage() {
    JsonNode body = listOk("?limit=1&page=3");

    assertEnvelope(body, 6, 1, 6, 3);
    assertThat(ids(body.get("connections"))).containsExactly(mfa);
  }

  @Test
  void limitFiveHundredIsAccepted() {
    JsonNode body = listOk("?limit=500");

    assertEnvelope(body, 6, 500, 1, 1);
    assertThat(ids(body.get("connections"))).containsExactlyElementsOf(all);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-2", "x"})
  void anInvalidPageIsA400NamingPage(String page) {
    assertRejected(list("?page=" + page), 400, "page");
  }

  // ---------------------------------------------------------------- filters

  @ParameterizedTest
  @ValueSource(strings = {"alice@example.com", "ALICE@EXAMPLE.COM", "Alice@Example.com"})
  void theOwnerEmailFilterMatchesWorkflowOwnerEmailWhateverItsCase(String email) {
    JsonNode body = listOk("?connectionOwnerEmail=" + email);

    assertEnvelope(body, 3, 100, 1, 1);
    assertThat(ids(body.get("connections"))).containsExactly(connected, mfa, wrongPassword);
    body.get("connections").forEach(c ->
        assertThat(c.get("workflowOwnerEmail").asText()).isEqualToIgnoringCase("alice@example.com"));
  }

  @Test
  void anOwnerNobodyHasMatchesNothing() {
    JsonNode body = listOk("?connectionOwnerEmail=carol@example.com");

    assertEnvelope(body, 0, 100, 1, 1);
    assertThat(body.get("connections")).isEmpty();
  }

  @Test
  void oneSiteMatchesTheConnectionsThatServeIt() {
    assertThat(ids(listOk("?sites=" + siteB).get("connections"))).containsExactly(websiteDown, wrongPassword);
    assertThat(ids(listOk("?sites=" + siteC).get("connections"))).containsExactly(mfa, noAccounts);
  }

  @Test
  void repeatedSitesMatchConnectionsServingAnyOfThem() {
    JsonNode body = listOk("?sites=" + siteB + "&sites=" + siteC);

    assertEnvelope(body, 4, 100, 1, 1);
    assertThat(ids(body.get("connections"))).containsExactly(websiteDown, mfa, noAccounts, wrongPassword);
  }

  @Test
  void aSiteNoConnectionServesMatchesNothing() {
    String lonely = fixtures.site(key, companyId, "Lonely");

    JsonNode body = listOk("?sites=" + lonely);

    assertEnvelope(body, 0, 100, 1, 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "12345", "0e984725-c51c-4bf4-9960-e1c80e27aba", "%20"})
  void aMalformedSiteIdIsA400NamingSites(String site) {
    assertRejected(list("?sites=" + siteA + "&sites=" + site), 400, "sites");
  }

  @Test
  void theStatusFilterMatchesOneStatus() {
    assertThat(ids(listOk("?status=CONNECTED").get("connections"))).containsExactly(connected);
    assertThat(ids(listOk("?status=WEBSITE_DOWN").get("connections"))).containsExactly(websiteDown);
    assertThat(ids(listOk("?status=MFA_TOKEN_EXPIRED").get("connections"))).containsExactly(mfa);
    assertThat(ids(listOk("?status=NO_ACCOUNTS_FOUND").get("connections"))).containsExactly(noAccounts);
    assertThat(ids(listOk("?status=PENDING").get("connections"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"INCORRECT_PASSWORD", "PASSWORD_INCORRECT"})
  void wrongCredentialsAreFoundUnderEitherSpellingOfTheirStatus(String status) {
    JsonNode body = listOk("?status=" + status);

    assertEnvelope(body, 2, 100, 1, 1);
    assertThat(ids(body.get("connections"))).containsExactly(wrongPassword, wrongPassword2);
    body.get("connections").forEach(c -> assertThat(c.get("status").asText()).isEqualTo("INCORRECT_PASSWORD"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NOT_A_STATUS", "ACTIVE", "42"})
  void anUnknownStatusIsA400NamingStatus(String status) {
    assertRejected(list("?status=" + status), 400, "status");
  }

  @Test
  void filtersCombineWithAnd() {
    assertThat(ids(listOk("?connectionOwnerEmail=alice@example.com&status=INCORRECT_PASSWORD")
        .get("connections"))).containsExactly(wrongPassword);
    assertThat(ids(listOk("?connectionOwnerEmail=alice@example.com&sites=" + siteA)
        .get("connections"))).containsExactly(connected, mfa);
    assertThat(ids(listOk("?connectionOwnerEmail=bob@example.com&sites=" + siteA + "&sites=" + siteB
        + "&status=PASSWORD_INCORRECT").get("connections"))).containsExactly(wrongPassword2);
    assertThat(ids(listOk("?connectionOwnerEmail=alice@example.com&status=WEBSITE_DOWN")
        .get("connections"))).isEmpty();
  }

  @Test
  void theTotalAndPagesCountTheFilteredSet() {
    JsonNode first = listOk("?connectionOwnerEmail=alice@example.com&limit=2");
    JsonNode second = listOk("?connectionOwnerEmail=alice@example.com&limit=2&page=2");

    assertEnvelope(first, 3, 2, 2, 1);
    assertEnvelope(second, 3, 2, 2, 2);
    assertThat(ids(first.get("connections"))).containsExactly(connected, mfa);
    assertThat(ids(second.get("connections"))).containsExactly(wrongPassword);
  }
}

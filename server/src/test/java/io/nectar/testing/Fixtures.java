package io.nectar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The set-up most API tests share, over real HTTP: companies, sites and sandbox connections, and
 * waiting for a connection's background collection to finish.
 */
public final class Fixtures {
  public static final String SANDBOX_URL = "https://nectarclimate.com";
  public static final String USERNAME = "nectar-sandbox-username";
  public static final String PASSWORD = "nectar-sandbox-password";
  public static final String FORBIDDEN = "You do not have permission to perform this action.";
  public static final List<String> PREFIXES = List.of("/v2", "/v2.1", "/v2.2");

  private final TestServer server;

  public Fixtures(TestServer server) {
    this.server = server;
  }

  public TestServer server() {
    return server;
  }

  public String company(String key, String name) {
    Response company = server.postJson("/v2.2/company", key, "{\"name\": \"" + name + "\"}");
    assertThat(company.status()).as(company.toString()).isEqualTo(201);
    return company.json().get("id").asText();
  }

  public String site(String key, String companyId, String name) {
    Response site = server.postJson("/v2.2/site/company/" + companyId, key,
        "{\"name\": \"" + name + "\", \"address\": \"1 Main St\"}");
    assertThat(site.status()).as(site.toString()).isEqualTo(201);
    return site.json().get("id").asText();
  }

  public List<String> sites(String key, String companyId, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(site(key, companyId, "Site " + (i + 1)));
    }
    return ids;
  }

  /** A JSON array of strings, e.g. {@code ["a", "b"]}. */
  public static String array(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  /** A create body; {@code extra} is more JSON members, e.g. {@code , "workflowOwnerEmail": "a@b.com"}, or "". */
  public static String connectionBody(String username, String password, List<String> sites, String extra) {
    return "{\"url\": \"" + SANDBOX_URL + "\", \"username\": \"" + username + "\", \"password\": \"" + password
        + "\", \"sites\": " + array(sites) + ", \"country\": \"US\"" + extra + "}";
  }

  public Response connect(String key, String companyId, String body) {
    return server.postJson("/v2.2/connection/company/" + companyId, key, body);
  }

  /**
   * Creates a sandbox connection with the given credentials and returns its id. History starts
   * {@code months} months back, so that collection stays small.
   */
  public String connection(String key, String companyId, String username, String password, List<String> sites,
      int months, String extra) {
    Response created = connect(key, companyId, connectionBody(username, password, sites,
        ", \"dataCollectionStartDate\": \"" + monthsAgo(months) + "\"" + extra));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  /** A working sandbox connection with {@code months} months of history. */
  public String sandboxConnection(String key, String companyId, List<String> sites, int months, String extra) {
    return connection(key, companyId, USERNAME, PASSWORD, sites, months, extra);
  }

  /** The first day of the month {@code months} months before the current one (UTC). */
  public static LocalDate monthsAgo(int months) {
    return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(months);
  }

  /** Waits until the connection's background collection has finished (its collected_at is set). */
  public void awaitCollected(String connectionId) {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> server.server()
        .database().jdbi().withHandle(h -> h.createQuery("select collected_at is not null from connection where id = :id")
            .bind("id", UUID.fromString(connectionId)).mapTo(Boolean.class).one()));
  }

  /** Collects a sandbox connection and returns its details (with its accounts). */
  public JsonNode collectedDetails(String key, String connectionId) {
    awaitCollected(connectionId);
    Response details = server.get("/v2.2/connection/" + connectionId + "/details", key);
    assertThat(details.status()).as(details.toString()).isEqualTo(200);
    return details.json();
  }

  /** Rows of {@code table} whose {@code column} is {@code id}. */
  public long count(String table, String column, String id) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select count(*) from " + table + " where " + column + " = :id")
        .bind("id", UUID.fromString(id)).mapTo(Long.class).one());
  }

  /** Rows a query without parameters counts. */
  public long count(String sql) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  /** A 4xx with a JSON detail and, for a field at fault, {@code errors} naming it with messages. */
  public static void assertRejected(Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
    JsonNode json = response.json();
    assertThat(json.path("detail").isTextual()).as(response.toString()).isTrue();
    assertThat(json.get("detail").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception", "at io.", "at org.", "<html");
    if (field != null) {
      JsonNode errors = json.path("errors");
      assertThat(errors.isObject()).as(response.toString()).isTrue();
      assertThat(errors.has(field)).as("errors names %s in %s", field, response).isTrue();
      assertThat(errors.get(field).isArray()).as(response.toString()).isTrue();
      assertThat(errors.get(field)).isNotEmpty();
      errors.get(field).forEach(message -> assertThat(message.asText()).isNotBlank());
    }
  }

  /** A 403 with the standard detail. */
  public static void assertForbidden(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.detail()).isEqualTo(FORBIDDEN);
  }

  /** The ids of a JSON array of objects, in order. */
  public static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}

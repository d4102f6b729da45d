package io.nectar.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nectar.keys.Environment;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.testing.Response;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one database answer every read alike, whichever of them took the write: nothing one
 * server keeps in memory (list totals, page anchors, period bounds) outlives a write made through the
 * other. The servers share the secret and the public URL, as servers behind one load balancer must.
 */
class TwoServersAnswerAlikeTest {
  private static final Map<String, String> SHARED = Map.of(
      "NECTAR_SECRET_KEY", "two-servers-answer-alike-secret-0123456789abcdef",
      "NECTAR_PUBLIC_URL", "http://nectar.example");
  private static String database;
  private static TestServer a;
  private static TestServer b;

  @BeforeAll
  static void start() {
    database = TestDatabase.freshDatabaseUrl();
    a = TestServer.start(SHARED, new ProviderRegistry(new SandboxProvider()), database);
    b = TestServer.start(SHARED, new ProviderRegistry(new SandboxProvider()), database);
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  @Test
  void listsTotalsAndPagesAgreeAfterWritesOnEitherServer() {
    String key = a.tenant("Alike Org", Environment.SANDBOX).key();
    String company = created(a.postJson("/v2.2/company", key, "{\"name\": \"Alike Co\"}"));
    String site = created(a.postJson("/v2.2/site/company/" + company, key, "{\"name\": \"HQ\"}"));
    List<String> reads = List.of(
        "/v2.2/document/company/" + company,
        "/v2.2/document/company/" + company + "?page=2",
        "/v2.2/document/company/" + company + "?datasourceType=ELECTRICITY",
        "/v2.2/document/site/" + site,
        "/v2.2/usage/company/" + company,
        "/v2.2/usage/company/" + company + "?page=2",
        "/v2.2/usage/company/" + company + "?page=3",
        "/v2.2/usage/company/" + company + "?datasourceType=GAS",
        "/v2.2/usage/site/" + site + "?dateType=USAGE_PERIOD&startDate=2000-01-01&endDate=2100-01-01");
    // B counts the empty company first: the totals it keeps must not survive A's writes.
    assertSame(key, reads);
    assertThat(total(b, key, reads.get(0), "totalDocuments")).isZero();

    String connection = created(a.postJson("/v2.2/connection/company/" + company, key, """
        {"url": "https://nectarclimate.com", "username": "nectar-sandbox-username",
         "password": "nectar-sandbox-password", "sites": ["%s"], "country": "US",
         "dataCollectionStartDate": "%s"}""".formatted(site,
        YearMonth.from(LocalDate.now(ZoneOffset.UTC)).minusMonths(24).atDay(1))));
    await().atMost(Duration.ofSeconds(60)).until(() -> collectedAt(connection) != null);
    assertSame(key, reads);
    long documents = total(b, key, reads.get(0), "totalDocuments");
    assertThat(documents).isEqualTo(count("select count(*) from document where deleted_at is null"))
        .isGreaterThan(100);

    // B walks the usage pages (remembering where each ends), then a write through A removes rows before them.
    for (int page = 1; page <= 3; page++) {
      b.get("/v2.2/usage/company/" + company + "?page=" + page, key);
    }
    String first = b.get(reads.get(0), key).json().get("documents").get(0).get("id").asText();
    assertThat(a.delete("/v2.2/document/" + first, key).status()).isEqualTo(204);
    assertSame(key, reads);
    assertThat(total(b, key, reads.get(0), "totalDocuments")).isEqualTo(documents - 1);

    // A correction through B moves a usage row's period; A's period filters see it.
    String usage = a.get(reads.get(4), key).json().get("usageData").get(0).get("id").asText();
    Response patch = b.patchJson("/v2.2/usage/" + usage, key,
        "{\"startDate\": \"2001-01-01\", \"endDate\": \"2001-01-31\", \"tariff\": \"MOVED\"}");
    assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
    String moved = "/v2.2/usage/site/" + site + "?dateType=USAGE_PERIOD&startDate=2001-01-01&endDate=2001-01-31";
    assertSame(key, List.of(moved, "/v2.2/usage/" + usage));
    assertThat(total(a, key, moved, "totalUsageData")).isEqualTo(1);
    assertSame(key, reads);
  }

  private static void assertSame(String key, List<String> paths) {
    for (String path : paths) {
      Response fromA = a.get(path, key);
      Response fromB = b.get(path, key);
      assertThat(fromA.status()).as(path + " " + fromA).isEqualTo(200);
      assertThat(withoutSignatures(fromB.body())).as("B's answer to " + path)
          .isEqualTo(withoutSignatures(fromA.body()));
    }
  }

  /** Signed links carry their expiry in epoch seconds, which two requests a second apart differ in. */
  private static String withoutSignatures(String body) {
    return body.replaceAll("expires=\\d+&signature=[A-Za-z0-9_\\-%=]+", "expires=…");
  }

  private static long total(TestServer server, String key, String path, String field) {
    return server.get(path, key).json().get(field).asLong();
  }

  private static String created(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private static long count(String sql) {
    return Jdbi.create(database).withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static Instant collectedAt(String connectionId) {
    return Jdbi.create(database).withHandle(h -> h.createQuery("select collected_at from connection where id = :id")
        .bind("id", UUID.fromString(connectionId)).mapTo(Instant.class).findOne().orElse(null));
  }
}

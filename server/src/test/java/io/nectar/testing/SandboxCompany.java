package io.nectar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A company with a one-site sandbox connection whose first collection has finished: 24 months of
 * bills for each of the five sandbox utility types, so 120 documents and at least as many usage
 * rows whatever the date (the start date is set 24 months back rather than left to the company's
 * default, which gives only 60 bills in January).
 */
public record SandboxCompany(String companyId, String siteId, String connectionId) {

  /** Creates it with {@code key} (a SANDBOX key) and waits until the collection has been written. */
  public static SandboxCompany create(TestServer server, String key, String name) {
    Response company = server.postJson("/v2.2/company", key, "{\"name\": \"" + name + "\"}");
    assertThat(company.status()).as(company.toString()).isEqualTo(201);
    String companyId = company.json().get("id").asText();
    Response site = server.postJson("/v2.2/site/company/" + companyId, key, "{\"name\": \"" + name + " HQ\"}");
    assertThat(site.status()).as(site.toString()).isEqualTo(201);
    String siteId = site.json().get("id").asText();
    LocalDate start = YearMonth.from(LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC)).minusMonths(24)
        .atDay(1);
    Response connection = server.postJson("/v2.2/connection/company/" + companyId, key, """
        {"url": "https://nectarclimate.com", "username": "nectar-sandbox-username",
         "password": "nectar-sandbox-password", "sites": ["%s"], "country": "US",
         "dataCollectionStartDate": "%s"}""".formatted(siteId, start));
    assertThat(connection.status()).as(connection.toString()).isEqualTo(201);
    String connectionId = connection.json().get("id").asText();
    await().atMost(Duration.ofSeconds(60)).until(() -> collectedAt(server, connectionId) != null);
    return new SandboxCompany(companyId, siteId, connectionId);
  }

  /** When the connection's last collection finished writing, or null. */
  private static Instant collectedAt(TestServer server, String connectionId) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select collected_at from connection where id = :id").bind("id", UUID.fromString(connectionId))
        .mapTo(Instant.class).findOne().orElse(null));
  }
}

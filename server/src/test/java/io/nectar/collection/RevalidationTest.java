package io.nectar.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The weekly re-validation moves a connection through the statuses of nectar-api.md §9.1. */
class RevalidationTest {
  static TestServer server;
  static TestServer.Tenant tenant;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    tenant = server.tenant("Revalidation Org", Environment.SANDBOX);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private String connect(String username) {
    String company = server.postJson("/v2.2/company", tenant.key(), "{\"name\":\"R\"}").json().get("id").asText();
    String site = server.postJson("/v2.2/site/company/" + company, tenant.key(), "{\"name\":\"S\"}").json().get("id").asText();
    return server.postJson("/v2.2/connection/company/" + company, tenant.key(), """
        {"url": "https://nectarclimate.com", "username": "%s", "password": "nectar-sandbox-password",
         "sites": ["%s"], "country": "US"}""".formatted(username, site)).json().get("id").asText();
  }

  private JsonNode details(String id) {
    return server.get("/v2.2/connection/" + id + "/details", tenant.key()).json();
  }

  @Test
  void aPasswordChangedAtTheUtilityShowsAtTheNextWeeklyCheck() {
    String changing = connect("nectar-sandbox-password-change");
    String steady = connect("nectar-sandbox-username");
    JsonNode before = details(changing);
    assertThat(before.get("status").asText()).isEqualTo("CONNECTED");

    server.clock().advance(Duration.ofDays(8));
    try {
      server.server().jobs().queueDueValidations();

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(details(changing).get("status").asText()).isEqualTo("INCORRECT_PASSWORD"));
      JsonNode after = details(changing);
      assertThat(after.get("statusErrorDetail").asText()).isNotBlank();
      assertThat(after.get("statusFirstSeenTime").asText()).isGreaterThan(before.get("statusFirstSeenTime").asText());
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        JsonNode ok = details(steady);
        assertThat(ok.get("status").asText()).isEqualTo("CONNECTED");
        assertThat(ok.get("statusLastUpdateTime").asText()).isGreaterThan(ok.get("statusFirstSeenTime").asText());
      });
    } finally {
      server.clock().advance(Duration.ofDays(-8));
    }
  }
}

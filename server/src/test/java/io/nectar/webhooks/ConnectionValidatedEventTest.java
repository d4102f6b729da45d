package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Receiver;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A weekly re-validation that changes a connection's status announces it twice: validated, and updated with the old status. */
class ConnectionValidatedEventTest {

  @Test
  void aStatusChangeFoundByTheWeeklyCheckIsAnnouncedAsValidatedAndAsAnUpdate() {
    try (TestServer server = TestServer.start(Map.of("NECTAR_ALLOW_PRIVATE_TARGETS", "true"));
         Receiver receiver = new Receiver()) {
      TestServer.Tenant tenant = server.tenant("Validation Org", Environment.SANDBOX);
      Response endpoint = server.postJson("/v2.2/webhook/endpoint", tenant.key(), "{\"url\": \"" + receiver.url()
          + "\", \"eventTypes\": [\"connection.validated.v2\", \"connection.updated.v2\"]}");
      assertThat(endpoint.status()).isEqualTo(201);
      String company = server.postJson("/v2.2/company", tenant.key(), "{\"name\": \"V\"}").json().get("id").asText();
      String site = server.postJson("/v2.2/site/company/" + company, tenant.key(), "{\"name\": \"S\"}").json()
          .get("id").asText();
      String connection = server.postJson("/v2.2/connection/company/" + company, tenant.key(), """
          {"url": "https://nectarclimate.com", "username": "nectar-sandbox-password-change",
           "password": "nectar-sandbox-password", "sites": ["%s"], "country": "US"}""".formatted(site))
          .json().get("id").asText();
      // The first collection announces the accounts it found; the status has not changed yet.
      receiver.await("connection.updated.v2", 1);
      assertThat(receiver.deliveries(d -> d.eventType().equals("connection.validated.v2"))).isEmpty();

      server.clock().advance(Duration.ofDays(8));
      try {
        server.server().jobs().queueDueValidations();
        JsonNode validated = receiver.await("connection.validated.v2", 1).get(0).json();
        assertThat(validated.get("id").asText()).isEqualTo(connection);
        assertThat(validated.get("status").asText()).isEqualTo("INCORRECT_PASSWORD");
        assertThat(validated.has("old")).isFalse();

        JsonNode updated = receiver.await(d -> d.eventType().equals("connection.updated.v2")
            && d.json().get("old").has("status"), 1).get(0).json();
        List<String> changed = new ArrayList<>();
        updated.get("protectedChanges").forEach(f -> changed.add(f.asText()));
        assertThat(changed).contains("status", "statusErrorDetail").doesNotContain("updated", "statusLastUpdateTime");
        assertThat(updated.get("old").get("status").asText()).isEqualTo("CONNECTED");
        assertThat(updated.get("status").asText()).isEqualTo("INCORRECT_PASSWORD");
      } finally {
        server.clock().advance(Duration.ofDays(-8));
      }
    }
  }
}

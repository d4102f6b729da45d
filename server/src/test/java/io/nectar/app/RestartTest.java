package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.config.Config;
import io.nectar.db.Database;
import io.nectar.db.IdGenerator;
import io.nectar.http.Json;
import io.nectar.keys.Environment;
import io.nectar.keys.KeyService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default set-up: the server on the embedded PostgreSQL of its data folder, stopped and started again. */
class RestartTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dataDir;

  @Test
  void dataWrittenBeforeARestartIsReadBackAfterIt() throws Exception {
    Config config = Config.from(Map.of("NECTAR_DATA_DIR", dataDir.toString(), "NECTAR_PORT", "0"));
    String key;
    String companyId;
    try (NectarServer first = NectarServer.start(config, Clock.systemUTC())) {
      key = first.firstKey().orElseThrow().secret();
      JsonNode company = call(first, "POST", "/v2.2/company", key, "{\"name\": \"Survives restarts\"}");
      companyId = company.get("id").asText();
      call(first, "POST", "/v2.2/site/company/" + companyId, key, "{\"name\": \"Main office\", \"occupancyPercent\": \"87.5\"}");
    }
    assertThat(Files.exists(dataDir.resolve("pg/postmaster.pid"))).as("database stopped with the server").isFalse();

    try (NectarServer second = NectarServer.start(config, Clock.systemUTC())) {
      assertThat(second.firstKey()).as("no second first-start key").isEmpty();
      JsonNode company = call(second, "GET", "/v2.2/company/" + companyId, key, null);
      assertThat(company.get("name").asText()).isEqualTo("Survives restarts");
      assertThat(company.get("sites").get(0).get("name").asText()).isEqualTo("Main office");
      assertThat(company.get("sites").get(0).get("occupancyPercent").asText()).isEqualTo("87.5000");
    }
  }

  @Test
  void anAdminCommandWorksOnTheDatabaseOfTheRunningServer() throws Exception {
    Config config = Config.from(Map.of("NECTAR_DATA_DIR", dataDir.toString(), "NECTAR_PORT", "0"));
    try (NectarServer server = NectarServer.start(config, Clock.systemUTC())) {
      String secret;
      try (Database attached = Database.open(config, null, 1)) {
        KeyService keys = new KeyService(attached.jdbi(), Clock.systemUTC(), new IdGenerator(Clock.systemUTC())::next);
        secret = keys.create(keys.organization("Admin Org"), "from the CLI", Environment.PRODUCTION,
            Optional.empty(), Optional.empty()).secret();
      }

      JsonNode ping = call(server, "GET", "/v2.2/ping", secret, null);

      assertThat(ping.get("organization").get("name").asText()).isEqualTo("Admin Org");
      assertThat(ping.get("environment").asText()).isEqualTo("PRODUCTION");
    }
  }

  @Test
  void aStartThatFailsOnceTheDatabaseRunsStopsWhatItStarted() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      Config busyPort = Config.from(Map.of("NECTAR_DATA_DIR", dataDir.toString(),
          "NECTAR_PORT", Integer.toString(taken.getLocalPort())));

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> NectarServer.start(busyPort, Clock.systemUTC()))
          .isInstanceOf(RuntimeException.class);
    }

    assertThat(Files.exists(dataDir.resolve("pg/postmaster.pid"))).as("database stopped after the failed start")
        .isFalse();
    Config config = Config.from(Map.of("NECTAR_DATA_DIR", dataDir.toString(), "NECTAR_PORT", "0"));
    try (NectarServer server = NectarServer.start(config, Clock.systemUTC())) {
      assertThat(call(server, "GET", "/v2.2/ping", server.firstKey().orElseThrow().secret(), null)
          .get("status").asText()).isEqualTo("ok");
    }
  }

  private JsonNode call(NectarServer server, String method, String path, String key, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
        .header("X-API-Key", key)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return Json.MAPPER.readTree(response.body());
  }
}

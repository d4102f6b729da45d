package io.nectar.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void pingTellsTheVersionOrganizationAndEnvironmentOfTheKey(String prefix) {
    var tenant = server.tenant("Ping Org", Environment.PRODUCTION);

    Response response = server.get(prefix + "/ping", tenant.key());

    assertThat(response.status()).isEqualTo(200);
    var json = response.json();
    assertThat(json.get("status").asText()).isEqualTo("ok");
    assertThat(json.get("apiVersion").asText()).isEqualTo(prefix.substring(1));
    assertThat(json.get("serverVersion").asText()).isNotBlank();
    assertThat(json.get("organization").get("id").asText()).isEqualTo(tenant.organizationId().toString());
    assertThat(json.get("organization").get("name").asText()).isEqualTo("Ping Org");
    assertThat(json.get("environment").asText()).isEqualTo("PRODUCTION");
  }

  @Test
  void theKeyHeaderNameIsCaseInsensitive() {
    var tenant = server.tenant("Case Org", Environment.SANDBOX);

    Response response = server.send("GET", "/v2.2/ping", null, null, null, Map.of("x-api-KEY", tenant.key()));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void aMissingKeyIs401WithDetail() {
    Response response = server.get("/v2.2/company", null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.detail()).isEqualTo("Authentication credentials were not provided.");
  }

  @Test
  void anUnknownKeyIs401() {
    Response response = server.get("/v2.2/company", "nk_test_doesnotexist");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.detail()).isEqualTo("Invalid API key.");
  }

  @Test
  void aRevokedKeyFailsOnItsVeryNextRequest() {
    var tenant = server.tenant("Revoke Org", Environment.SANDBOX);
    assertThat(server.get("/v2.2/company", tenant.key()).status()).isEqualTo(200);

    assertThat(server.server().keys().revoke(tenant.keyId())).isTrue();

    Response response = server.get("/v2.2/company", tenant.key());
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.detail()).isEqualTo("Invalid API key.");
  }

  @Test
  void anExpiredKeyIs401() {
    var keys = server.server().keys();
    LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    var created = keys.create(keys.organization("Expiry Org"), "short-lived", Environment.SANDBOX,
        Optional.of(tomorrow), Optional.empty());
    assertThat(server.get("/v2.2/ping", created.secret()).status()).isEqualTo(200);

    server.clock().advance(Duration.ofDays(2));
    try {
      assertThat(server.get("/v2.2/ping", created.secret()).status()).isEqualTo(401);
    } finally {
      server.clock().advance(Duration.ofDays(-2));
    }
  }

  @Test
  void lastUseIsRecorded() {
    var tenant = server.tenant("Usage Org", Environment.SANDBOX);
    server.get("/v2.2/ping", tenant.key());

    var key = server.server().keys().list().stream().filter(k -> k.id().equals(tenant.keyId())).findFirst().orElseThrow();

    assertThat(key.lastUsed()).isNotNull();
    assertThat(key.secretHint()).isEqualTo(tenant.key().substring(0, 12));
  }
}

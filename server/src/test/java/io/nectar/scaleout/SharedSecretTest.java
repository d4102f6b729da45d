package io.nectar.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.config.ConfigException;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Servers on one database must share the secret that encrypts stored credentials and signs links: one
 * started with another stops at once, naming the setting, instead of failing request by request.
 */
class SharedSecretTest {
  private static final String FIRST = "shared-secret-test-first-0123456789abcdef";

  @Test
  void aServerWithAnotherSecretThanTheDatabasesStopsNamingTheSetting() {
    String database = TestDatabase.freshDatabaseUrl();
    try (TestServer first = start(database, FIRST);
        TestServer same = start(database, FIRST)) {
      assertThat(same.get("/readyz", null).status()).isEqualTo(200);

      assertThatThrownBy(() -> start(database, "shared-secret-test-other-0123456789abcdef").close())
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("NECTAR_SECRET_KEY: differs from the secret of the servers already using this")
          .hasMessageNotContaining(FIRST);
      assertThat(first.get("/readyz", null).status()).isEqualTo(200);
    }
  }

  private static TestServer start(String database, String secret) {
    return TestServer.start(Map.of("NECTAR_SECRET_KEY", secret), new ProviderRegistry(new SandboxProvider()), database);
  }
}

package io.nectar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

  @Test
  void defaultsServeOnPort8080WithTheDataFolderBesideTheLauncher() {
    Config config = Config.from(Map.of());

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(java.nio.file.Path.of("data").toAbsolutePath());
    assertThat(config.databaseUrl()).isEmpty();
    assertThat(config.publicUrl()).isEqualTo("http://localhost:8080");
    assertThat(config.maxConcurrentRequestsPerKey()).isEqualTo(20);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "NECTAR_PORT | eighty",
      "NECTAR_PORT | 70000",
      "DATABASE_URL | mysql://localhost/db",
      "DATABASE_URL | postgres://",
      "NECTAR_PUBLIC_URL | ftp://example.com",
      "NECTAR_PUBLIC_URL | not a url",
      "NECTAR_SECRET_KEY | too-short",
      "NECTAR_BOOTSTRAP_KEY | short",
      "NECTAR_BOOTSTRAP_KEY | has spaces inside it ok",
      "NECTAR_MAX_BODY_BYTES | 10",
      "NECTAR_MAX_CONCURRENT_REQUESTS_PER_KEY | 0"})
  void aBadValueStopsStartUpWithAMessageNamingTheSetting(String setting, String value) {
    assertThatThrownBy(() -> Config.from(Map.of(setting, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(setting + ": ");
  }

  @Test
  void aHerokuStyleDatabaseUrlBecomesJdbcWithCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://nectar:s%40cret@db.example.com:6543/utility?sslmode=require");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/utility?sslmode=require");
    assertThat(url.user()).isEqualTo("nectar");
    assertThat(url.password()).isEqualTo("s@cret");
    assertThat(url.toString()).doesNotContain("s@cret");
  }

  @Test
  void aJdbcUrlIsTakenAsIs() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/nectar?user=a&password=b");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/nectar?user=a&password=b");
    assertThat(url.user()).isNull();
  }

  @Test
  void anEmptyDataFolderSettingMeansTheDefaultNotTheCurrentFolder() {
    assertThat(Config.from(Map.of("NECTAR_DATA_DIR", "")).dataDir())
        .isEqualTo(java.nio.file.Path.of("data").toAbsolutePath());
  }

  @Test
  void thePublicUrlLosesItsTrailingSlash() {
    assertThat(Config.from(Map.of("NECTAR_PUBLIC_URL", "https://nectar.example.com/")).publicUrl())
        .isEqualTo("https://nectar.example.com");
  }
}

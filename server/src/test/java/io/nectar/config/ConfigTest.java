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
    assertThat(config.earliestCollectionDate()).isEqualTo(java.time.LocalDate.of(2000, 1, 1));
  }

  @Test
  void ocrReadsEnglishUnlessToldOtherLanguagesAndTakesOnlyLanguageNames() {
    assertThat(Config.from(Map.of()).billReading().ocrLanguages()).isEqualTo("eng");
    assertThat(Config.from(Map.of("NECTAR_OCR_LANGUAGES", "eng+por")).billReading().ocrLanguages())
        .isEqualTo("eng+por");
    assertThatThrownBy(() -> Config.from(Map.of("NECTAR_OCR_LANGUAGES", "eng --psm 0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("NECTAR_OCR_LANGUAGES");
  }

  @Test
  void theEarliestCollectionDateIsADate() {
    assertThat(Config.from(Map.of("NECTAR_EARLIEST_COLLECTION_DATE", " 2015-07-01 ")).earliestCollectionDate())
        .isEqualTo(java.time.LocalDate.of(2015, 7, 1));
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
      "NECTAR_MAX_CONCURRENT_REQUESTS_PER_KEY | 0",
      "NECTAR_EARLIEST_COLLECTION_DATE | 2000-13-01",
      "NECTAR_EARLIEST_COLLECTION_DATE | 2001-02-29",
      "NECTAR_EARLIEST_COLLECTION_DATE | 01/01/2000",
      "NECTAR_EARLIEST_COLLECTION_DATE | 2000-1-1",
      "NECTAR_EARLIEST_COLLECTION_DATE | +12000-01-01",
      "NECTAR_TRUSTED_PROXIES | lb.internal",
      "NECTAR_TRUSTED_PROXIES | 10.0.0.0/40"})
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

  @Test
  void webhookDeliveryDefaultsToSvixsScheduleFiveDaysFifteenSecondsAndNoPrivateTargets() {
    Config.Webhooks webhooks = Config.from(Map.of()).webhooks();

    assertThat(webhooks.retrySchedule()).containsExactly(java.time.Duration.ZERO, java.time.Duration.ofSeconds(5),
        java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(2),
        java.time.Duration.ofHours(5), java.time.Duration.ofHours(10), java.time.Duration.ofHours(10));
    assertThat(webhooks.disableAfter()).isEqualTo(java.time.Duration.ofDays(5));
    assertThat(webhooks.timeout()).isEqualTo(java.time.Duration.ofSeconds(15));
    assertThat(webhooks.allowPrivateTargets()).isFalse();
  }

  @Test
  void webhookSettingsAreReadAndABadOneNamesItself() {
    Config.Webhooks webhooks = Config.from(Map.of("NECTAR_WEBHOOK_RETRY_SCHEDULE", " 0s, 250ms ,1m",
        "NECTAR_WEBHOOK_DISABLE_AFTER", "2h", "NECTAR_WEBHOOK_TIMEOUT", "3s", "NECTAR_ALLOW_PRIVATE_TARGETS", "TRUE"))
        .webhooks();
    assertThat(webhooks.retrySchedule()).containsExactly(java.time.Duration.ZERO, java.time.Duration.ofMillis(250),
        java.time.Duration.ofMinutes(1));
    assertThat(webhooks.disableAfter()).isEqualTo(java.time.Duration.ofHours(2));
    assertThat(webhooks.timeout()).isEqualTo(java.time.Duration.ofSeconds(3));
    assertThat(webhooks.allowPrivateTargets()).isTrue();

    for (var bad : Map.of("NECTAR_WEBHOOK_RETRY_SCHEDULE", "0s,,5s", "NECTAR_WEBHOOK_DISABLE_AFTER", "five days",
        "NECTAR_WEBHOOK_TIMEOUT", "-1s", "NECTAR_ALLOW_PRIVATE_TARGETS", "sometimes").entrySet()) {
      assertThatThrownBy(() -> Config.from(Map.of(bad.getKey(), bad.getValue())))
          .isInstanceOf(ConfigException.class).hasMessageContaining(bad.getKey());
    }
  }
}

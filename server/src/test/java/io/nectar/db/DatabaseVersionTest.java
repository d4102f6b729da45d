package io.nectar.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseVersionTest {

  @Test
  void postgresql13IsRefusedWithAMessageNamingTheSettingAndTheVersion() {
    assertThat(Database.versionRefusal(130018, "13.18"))
        .isEqualTo("PostgreSQL 14 or newer is needed; DATABASE_URL points at PostgreSQL 13.18");
  }

  @Test
  void postgresql14AndNewerAreAccepted() {
    assertThat(Database.versionRefusal(140000, "14.0")).isNull();
    assertThat(Database.versionRefusal(170006, "17.6")).isNull();
  }
}

package io.nectar.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.testing.ServerProcess;
import io.nectar.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Several servers started at once on a new database (a fresh deployment, or a roll-out with a new
 * migration): Flyway's advisory lock lets one migrate while the others wait, then all serve.
 */
class ConcurrentStartTest {
  private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.+\\.sql$");

  @Test
  void threeServersStartedAtOnceOnANewDatabaseMigrateItOnceMakeOneFirstKeyAndAllBecomeReady() throws IOException {
    String database = TestDatabase.freshDatabaseUrl();
    Map<String, String> settings = Map.of("DATABASE_URL", database,
        "NECTAR_SECRET_KEY", "concurrent-start-test-secret-0123456789abcdef");
    List<ServerProcess> servers = new ArrayList<>();
    try {
      for (int i = 1; i <= 3; i++) {
        servers.add(ServerProcess.start("server-" + i, settings));
      }
      for (ServerProcess server : servers) {
        server.awaitReady(Duration.ofSeconds(90));
      }

      Jdbi jdbi = Jdbi.create(database);
      List<String> applied = jdbi.withHandle(h -> h.createQuery(
          "select version from flyway_schema_history where version is not null and success order by installed_rank")
          .mapTo(String.class).list());
      assertThat(applied).as("each migration applied once, in order").containsExactlyElementsOf(shippedVersions());
      int failed = jdbi.withHandle(h -> h.createQuery("select count(*) from flyway_schema_history where not success")
          .mapTo(Integer.class).one());
      assertThat(failed).isZero();
      long migrators = servers.stream().filter(s -> s.log().contains("database migration(s)")).count();
      assertThat(migrators).as("servers that applied migrations (the others waited, then found none)").isEqualTo(1);
      int keys = jdbi.withHandle(h -> h.createQuery("select count(*) from api_key").mapTo(Integer.class).one());
      assertThat(keys).as("the first start's key, made by one server and found by the others").isEqualTo(1);
    } finally {
      servers.forEach(ServerProcess::close);
    }
  }

  private static List<String> shippedVersions() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
      return files.map(f -> VERSION.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .sorted()
          .map(String::valueOf)
          .toList();
    }
  }
}

package io.nectar.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.nectar.config.Config;
import io.nectar.config.DatabaseUrl;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the server runs on: the embedded PostgreSQL of the data folder, or the external one
 * named by {@code DATABASE_URL}; pooled by HikariCP, migrated by Flyway on open, used through JDBI.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final EmbeddedDatabase embedded;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final String description;

  private Database(EmbeddedDatabase embedded, HikariDataSource dataSource, String description) {
    this.embedded = embedded;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.description = description;
  }

  /** Opens the configured database and applies pending migrations. */
  public static Database open(Config config, MeterRegistry meters, int poolSize) throws IOException {
    EmbeddedDatabase embedded = null;
    HikariConfig hikari = new HikariConfig();
    String description;
    if (config.databaseUrl().isPresent()) {
      DatabaseUrl url = config.databaseUrl().get();
      hikari.setJdbcUrl(url.jdbcUrl());
      if (url.user() != null) {
        hikari.setUsername(url.user());
      }
      if (url.password() != null) {
        hikari.setPassword(url.password());
      }
      description = "external PostgreSQL at " + url;
    } else {
      embedded = EmbeddedDatabase.open(config.dataDir());
      hikari.setJdbcUrl(embedded.jdbcUrl());
      hikari.setUsername(embedded.user());
      description = embedded.toString();
    }
    hikari.setPoolName("nectar");
    // A batch of inserts (a bill's usage rows, line items, meter identifiers) goes as multi-row INSERTs:
    // fewer round trips, and V19's statement-level rollup triggers fire once per statement, not per row.
    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    hikari.setMaximumPoolSize(Math.max(2, poolSize)); // Flyway holds one connection for its lock and uses another
    hikari.setMinimumIdle(Math.min(2, poolSize));
    hikari.setConnectionTimeout(10_000);
    hikari.setInitializationFailTimeout(15_000);
    if (meters != null) {
      hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
    }
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw new IOException("cannot connect to the database (" + description + "): " + rootMessage(e), e);
    }
    Database database = new Database(embedded, dataSource, description);
    try {
      database.requireSupportedVersion();
      database.migrate();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  /** The oldest PostgreSQL the migrations run on: V19's monthly rollups use multiranges (PostgreSQL 14). */
  static final int OLDEST_SUPPORTED = 140000;

  private void requireSupportedVersion() throws IOException {
    record Version(int number, String text) {}
    Version version = jdbi.withHandle(h -> h.createQuery(
            "select current_setting('server_version_num')::int, current_setting('server_version')")
        .map((rs, ctx) -> new Version(rs.getInt(1), rs.getString(2))).one());
    String refusal = versionRefusal(version.number(), version.text());
    if (refusal != null) {
      throw new IOException(refusal + " (" + description + ")");
    }
  }

  /** Why a server of this version cannot hold the schema, or null when it can. */
  static String versionRefusal(int versionNumber, String versionText) {
    return versionNumber >= OLDEST_SUPPORTED ? null
        : "PostgreSQL 14 or newer is needed; DATABASE_URL points at PostgreSQL " + versionText;
  }

  private void migrate() {
    var result = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        // Servers starting together wait for the one migrating; a long migration must not make them give up
        // after Flyway's default 50 one-second tries.
        .lockRetryCount(-1)
        .load()
        .migrate();
    if (result.migrationsExecuted > 0) {
      log.info("Applied {} database migration(s), schema now at version {}", result.migrationsExecuted,
          result.targetSchemaVersion);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** True when a connection can be taken and answers a trivial query within a second. */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  public String description() {
    return description;
  }

  @Override
  public void close() throws IOException {
    dataSource.close();
    if (embedded != null) {
      embedded.close();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}

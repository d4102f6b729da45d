package io.nectar.db;

import io.nectar.config.ConfigException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup PostgreSQL 17 kept in {@code <data dir>/pg}, shared by the server and the admin
 * commands.
 *
 * <p>Whoever holds {@code <data dir>/nectar.lock} owns the database process: it starts it and stops
 * it on close. Anyone else (an admin command while the server runs) attaches to the running
 * postmaster through the port recorded in {@code postmaster.pid}. A postmaster left behind by a
 * killed owner is stopped and restarted by the next owner, so a crash never wedges the data folder.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final Path pgDir;
  private final EmbeddedPostgres postgres;
  private final FileLock lock;
  private final int port;

  private EmbeddedDatabase(Path pgDir, EmbeddedPostgres postgres, FileLock lock, int port) {
    this.pgDir = pgDir;
    this.postgres = postgres;
    this.lock = lock;
    this.port = port;
  }

  /** Starts (or attaches to) the embedded database of {@code dataDir}. */
  public static EmbeddedDatabase open(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path pgDir = dataDir.resolve("pg");
    FileChannel channel = FileChannel.open(dataDir.resolve("nectar.lock"),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // held by this very process (a server and an admin command in one JVM, as in tests)
    }
    if (lock == null) {
      channel.close();
      int port = runningPort(pgDir).orElseThrow(() -> new IOException(
          "another Nectar process holds " + dataDir + " but its database is not running; try again"));
      return new EmbeddedDatabase(pgDir, null, null, port);
    }
    try {
      stopOrphan(pgDir);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgDir)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          // zonky favours test speed; a product database must not lose committed data on a crash.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("max_connections", "100")
          .setServerConfig("listen_addresses", "localhost")
          .start();
      return new EmbeddedDatabase(pgDir, postgres, lock, postgres.getPort());
    } catch (IllegalStateException e) {
      lock.release();
      channel.close();
      // The container image leaves the PostgreSQL binaries out: production runs on an external database.
      if (String.valueOf(e.getMessage()).contains("Missing embedded postgres binaries")) {
        throw new ConfigException("DATABASE_URL", "is needed: this build has no embedded PostgreSQL for "
            + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
      }
      throw e;
    } catch (IOException | RuntimeException e) {
      lock.release();
      channel.close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
      lock.release();
      lock.channel().close();
    }
  }

  /** The port of a live postmaster on {@code pgDir}, read from the 4th line of postmaster.pid. */
  static Optional<Integer> runningPort(Path pgDir) throws IOException {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() < 4 || !isAlive(lines.get(0))) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(lines.get(3).trim()));
  }

  private static boolean isAlive(String pidLine) {
    try {
      return ProcessHandle.of(Long.parseLong(pidLine.trim())).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Stops a postmaster whose owner died without stopping it (SIGTERM: PostgreSQL's smart shutdown). */
  private static void stopOrphan(Path pgDir) throws IOException {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String pidLine = Files.readAllLines(pidFile).stream().findFirst().orElse("");
    Optional<ProcessHandle> orphan;
    try {
      orphan = ProcessHandle.of(Long.parseLong(pidLine.trim())).filter(ProcessHandle::isAlive);
    } catch (NumberFormatException e) {
      orphan = Optional.empty();
    }
    if (orphan.isEmpty()) {
      return;
    }
    log.warn("Stopping the database process {} left running by an earlier server", orphan.get().pid());
    orphan.get().destroy();
    try {
      orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("could not stop the orphaned database process " + orphan.get().pid(), e);
    }
  }

  @Override
  public String toString() {
    return "embedded PostgreSQL in " + pgDir + " on port " + port;
  }
}

package io.nectar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real server in a child JVM, as {@code ./nectar serve} runs it: its own port and data folder, the
 * environment the test gives (DATABASE_URL, NECTAR_BLOB_URL, …), its log in {@code server.log} in
 * its data folder. Unlike an in-process {@link TestServer} it can die the hard way ({@link #kill()},
 * SIGKILL: no shutdown hook, no graceful stop), which is what tests of several servers need.
 */
public final class ServerProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** How quickly the server's background work recovers from a dead server. */
  public enum Timings {
    /** {@code nectar serve} itself (io.nectar.app.Main). */
    PRODUCTION,
    /** {@link QuickRecoveryServer}: claims and heartbeats of seconds, for tests that kill servers. */
    QUICK_RECOVERY
  }

  private final String name;
  private final Process process;
  private final int port;
  private final Path dataDir;

  private ServerProcess(String name, Process process, int port, Path dataDir) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
  }

  /**
   * Starts {@code nectar serve} with {@code settings} as its environment (on top of this JVM's) on a
   * free port and a new data folder; returns at once: {@link #awaitReady} waits for {@code /readyz}.
   */
  public static ServerProcess start(String name, Map<String, String> settings) {
    return start(name, settings, Timings.PRODUCTION);
  }

  /** As {@link #start(String, Map)}, with the given recovery timings. */
  public static ServerProcess start(String name, Map<String, String> settings, Timings timings) {
    try {
      // Under target/, so a failed run's logs stay for a look and a clean build removes them.
      Path parent = Files.createDirectories(Path.of("target", "server-processes"));
      Path data = Files.createTempDirectory(parent, name + "-").toAbsolutePath();
      int port = freePort();
      // The test classpath carries logback-test.xml, whose file appender would truncate the test
      // JVM's target/test.log: the child logs to its own console (server.log) instead.
      Path logConfig = data.resolve("logback.xml");
      Files.writeString(logConfig, """
          <configuration>
            <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
              <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n</pattern></encoder>
            </appender>
            <logger name="org.eclipse.jetty" level="WARN"/>
            <logger name="io.zonky" level="WARN"/>
            <logger name="com.zaxxer.hikari" level="WARN"/>
            <logger name="org.apache.pdfbox" level="ERROR"/>
            <logger name="org.apache.fontbox" level="ERROR"/>
            <root level="INFO"><appender-ref ref="OUT"/></root>
          </configuration>
          """);
      String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", // cheap JVMs: the machine is shared
          "-Dlogback.configurationFile=" + logConfig,
          "-cp", classpath)))
          .redirectErrorStream(true)
          .redirectOutput(data.resolve("server.log").toFile());
      if (timings == Timings.PRODUCTION) {
        builder.command().addAll(List.of("io.nectar.app.Main", "serve"));
      } else {
        builder.command().add(QuickRecoveryServer.class.getName());
      }
      Map<String, String> env = builder.environment();
      env.putAll(settings);
      env.put("NECTAR_PORT", String.valueOf(port));
      env.put("NECTAR_DATA_DIR", data.toString());
      return new ServerProcess(name, builder.start(), port, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code /readyz} answers 200; fails at once, with the log's end, if the process died. */
  public ServerProcess awaitReady(Duration atMost) {
    Awaitility.await(name + " ready").atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      return isReady();
    });
    return this;
  }

  /** True when {@code /readyz} answers 200 now. */
  public boolean isReady() {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz"))
          .timeout(Duration.ofSeconds(5)).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** {@code http://localhost:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the server logged so far. */
  public String log() {
    try {
      return Files.readString(dataDir.resolve("server.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String logTail() {
    String log = log();
    return log.length() > 4000 ? "…" + log.substring(log.length() - 4000) : log;
  }

  /** SIGKILL, as {@code kill -9}: nothing of the server runs after this; waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    waitGone();
  }

  /** A graceful stop (SIGTERM), forced after 30 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  private void waitGone() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", " + baseUrl() + ")";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

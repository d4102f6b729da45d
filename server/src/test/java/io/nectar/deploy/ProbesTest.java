package io.nectar.deploy;

import static io.nectar.deploy.DeployFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every health check the deployment examples name is a route a real server answers, and the container
 * health check (HealthCheck, run as Compose runs it) tells a ready server from an absent one.
 */
class ProbesTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyProbePathIsARouteAHealthyServerAnswers() {
    Set<String> paths = new LinkedHashSet<>();
    for (Map<String, Object> deployment : DeployFiles.kubernetes("Deployment")) {
      for (Map<String, Object> container : DeployFiles.list(deployment, "spec.template.spec.containers")) {
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
          paths.add((String) at(container, probe + ".httpGet.path")
              .orElseThrow(() -> new AssertionError("no " + probe + " with httpGet")));
        }
      }
    }
    Matcher caddy = Pattern.compile("health_uri (\\S+)").matcher(DeployFiles.read("Caddyfile"));
    assertThat(caddy.find()).isTrue();
    paths.add(caddy.group(1));

    assertThat(paths).contains("/readyz", "/healthz");
    for (String path : paths) {
      assertThat(server.get(path, null).status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void theComposeHealthCheckPassesOnAReadyServerAndFailsWithoutOne() throws Exception {
    for (String service : ComposeExampleTest.servers()) {
      List<String> command = ComposeExampleTest.healthCheckCommand(service);
      assertThat(command.get(0)).isEqualTo("CMD");
      // java -cp <the image's jar> io.nectar.app.HealthCheck: the jar Jib's packaged mode puts in the image.
      assertThat(command.subList(1, command.size()))
          .containsExactly("java", "-cp", "/app/classpath/nectar-server.jar", "io.nectar.app.HealthCheck");
    }

    int port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    assertThat(runHealthCheck(port).exitCode()).isZero();

    int nothingListening;
    try (ServerSocket socket = new ServerSocket(0)) {
      nothingListening = socket.getLocalPort();
    }
    Run absent = runHealthCheck(nothingListening);
    assertThat(absent.exitCode()).isEqualTo(1);
    assertThat(absent.output()).contains("/readyz");
  }

  private record Run(int exitCode, String output) {}

  /** HealthCheck in a JVM of its own, as the container runs it, with only the server's classes. */
  private static Run runHealthCheck(int port) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", Path.of("target", "classes").toAbsolutePath().toString(), "io.nectar.app.HealthCheck"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("NECTAR_PORT", Integer.toString(port));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}

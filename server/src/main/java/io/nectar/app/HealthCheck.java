package io.nectar.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check: {@code java -cp /app/classes io.nectar.app.HealthCheck [path]} asks the server
 * in the same container for {@code /readyz} (or {@code path}, e.g. {@code /healthz}) and exits 0 when it
 * answers 2xx within two seconds, 1 otherwise. The image has no shell and no curl, and Docker Compose's
 * {@code healthcheck} needs a command; it uses only {@code java.net.http} so that the class path is just
 * the server's own classes and the JVM starts fast. Kubernetes should use its own {@code httpGet} probes.
 */
public final class HealthCheck {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private HealthCheck() {}

  public static void main(String[] args) {
    String port = System.getenv().getOrDefault("NECTAR_PORT", "");
    String path = args.length > 0 ? args[0] : "/readyz";
    URI uri = URI.create("http://127.0.0.1:" + (port.isBlank() ? "8080" : port.trim()) + path);
    System.exit(check(uri));
  }

  /** 0 when {@code uri} answers 2xx in time, else 1; one line says what was seen (Docker keeps it). */
  static int check(URI uri) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      boolean healthy = response.statusCode() / 100 == 2;
      (healthy ? System.out : System.err).println(uri + " -> " + response.statusCode() + " " + response.body());
      return healthy ? 0 : 1;
    } catch (IOException e) {
      System.err.println(uri + " -> " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println(uri + " -> interrupted");
      return 1;
    }
  }
}

package io.nectar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Follows the signed links a response carries ({@code url}, {@code auditTrailUrl}). The server
 * writes them with its configured public URL, which in tests is not the port it listens on, so
 * the path and query are sent to the test server itself, without an API key.
 */
public final class Links {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Links() {}

  /** The path and query of a link, e.g. {@code /files/…?expires=…&signature=…}. */
  public static String pathAndQuery(String link) {
    URI uri = URI.create(link);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  public static HttpResponse<byte[]> get(TestServer server, String link) {
    return getPath(server, pathAndQuery(link));
  }

  public static HttpResponse<byte[]> getPath(TestServer server, String pathAndQuery) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

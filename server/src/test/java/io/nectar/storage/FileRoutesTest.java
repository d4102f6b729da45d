package io.nectar.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.http.HttpServer;
import io.nectar.http.Json;
import io.nectar.keys.KeyService;
import io.nectar.testing.TestClock;
import io.nectar.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed links fetched over real HTTP from a server that registers {@link FileRoutes}. */
class FileRoutesTest {
  private static final byte[] SECRET = "a server secret of at least 32 characters".getBytes(StandardCharsets.UTF_8);

  @TempDir
  static Path blobsFolder;

  private static final TestClock clock = new TestClock();
  private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static HttpServer server;
  private static FileBlobStore blobs;
  private static SignedLinks links;
  private static String baseUrl;

  @BeforeAll
  static void startServer() {
    Jdbi jdbi = Jdbi.create(TestDatabase.freshDatabaseUrl(), "postgres", "");
    blobs = new FileBlobStore(blobsFolder.resolve("blobs"));
    links = new SignedLinks(SECRET, clock);
    FileRoutes files = new FileRoutes(blobs, links);
    server = new HttpServer(new HttpServer.Settings(1024 * 1024, 20, 0), jdbi,
        new KeyService(jdbi, clock, UUID::randomUUID), clock, null, new byte[32],
        api -> { },
        files::register);
    server.start(0);
    baseUrl = "http://localhost:" + server.port();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @Test
  void aValidLinkReturnsTheExactBytesWithTheirContentTypeAndNoApiKey() {
    byte[] every = new byte[256];
    for (int i = 0; i < every.length; i++) {
      every[i] = (byte) i;
    }
    String key = "documents/" + UUID.randomUUID() + "/bill.pdf";
    blobs.put(key, every, "application/pdf");

    HttpResponse<byte[]> response = get(links.link(baseUrl, key, Duration.ofHours(24)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(every);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"bill.pdf\"");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void keysWithManySlashesWork() {
    String key = "a/b/c/d/e/" + UUID.randomUUID() + "/statement.v2.csv";
    blobs.put(key, "meter,kwh\n1,20.5\n".getBytes(StandardCharsets.UTF_8), null);

    HttpResponse<byte[]> response = get(links.link(baseUrl, key, Duration.ofMinutes(5)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("meter,kwh\n1,20.5\n");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"statement.v2.csv\"");
  }

  @Test
  void aBrowserMayCacheTheFileNoLongerThanTheLinkLasts() {
    String key = "documents/" + UUID.randomUUID() + "/bill.pdf";
    blobs.put(key, new byte[] {1, 2, 3}, "application/pdf");
    String link = links.link(baseUrl, key, Duration.ofHours(1));

    assertThat(maxAge(get(link))).isBetween(3590L, 3600L);

    clock.advance(Duration.ofMinutes(50));
    try {
      assertThat(maxAge(get(link))).isBetween(590L, 600L);
    } finally {
      clock.advance(Duration.ofMinutes(-50));
    }
  }

  @Test
  void aTamperedLinkIsA403WithAJsonDetail() {
    String key = "documents/" + UUID.randomUUID() + "/bill.pdf";
    blobs.put(key, new byte[] {1}, "application/pdf");
    SignedLinksTest.Link link = SignedLinksTest.Link.parse(links.link(baseUrl, key, Duration.ofHours(1)));

    String otherKey = link.path().replace("bill.pdf", "other.pdf");
    blobs.put(key.replace("bill.pdf", "other.pdf"), new byte[] {2}, "application/pdf");
    long later = Long.parseLong(link.expires()) + 3600;
    String flipped = (link.signature().startsWith("A") ? "B" : "A") + link.signature().substring(1);

    for (String tampered : new String[] {
        link.path() + "?expires=" + link.expires() + "&signature=" + flipped,
        otherKey + "?expires=" + link.expires() + "&signature=" + link.signature(),
        link.path() + "?expires=" + later + "&signature=" + link.signature()}) {
      HttpResponse<byte[]> response = get(baseUrl + tampered);
      assertThat(response.statusCode()).as(tampered).isEqualTo(403);
      assertThat(json(response).path("detail").asText()).isEqualTo("This link is not valid.");
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
  }

  @Test
  void aLinkWithoutItsQueryIsA403() {
    String key = "documents/" + UUID.randomUUID() + "/bill.pdf";
    blobs.put(key, new byte[] {1}, "application/pdf");
    SignedLinksTest.Link link = SignedLinksTest.Link.parse(links.link(baseUrl, key, Duration.ofHours(1)));

    for (String query : new String[] {"", "?expires=" + link.expires(), "?signature=" + link.signature(),
        "?expires=&signature="}) {
      HttpResponse<byte[]> response = get(baseUrl + link.path() + query);
      assertThat(response.statusCode()).as(query).isEqualTo(403);
      assertThat(json(response).path("detail").asText()).isEqualTo("This link is not valid.");
    }
  }

  @Test
  void anExpiredLinkIsA403() {
    String key = "documents/" + UUID.randomUUID() + "/bill.pdf";
    blobs.put(key, new byte[] {1}, "application/pdf");
    String link = links.link(baseUrl, key, SignedLinks.DOCUMENT_LINK_VALIDITY);

    clock.advance(Duration.ofHours(24).plusSeconds(1));
    HttpResponse<byte[]> response;
    try {
      response = get(link);
    } finally {
      clock.advance(Duration.ofHours(-24).minusSeconds(1));
    }

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).path("detail").asText()).isEqualTo("This link has expired.");
  }

  @Test
  void aValidLinkToABlobThatIsGoneIsA404() {
    String key = "documents/" + UUID.randomUUID() + "/bill.pdf";
    blobs.put(key, new byte[] {1}, "application/pdf");
    String link = links.link(baseUrl, key, Duration.ofHours(1));
    blobs.delete(key);

    HttpResponse<byte[]> response = get(link);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("detail").asText()).isEqualTo("File not found.");
  }

  @Test
  void aLinkFromAnotherServerSecretIsA403() {
    String key = "documents/" + UUID.randomUUID() + "/bill.pdf";
    blobs.put(key, new byte[] {1}, "application/pdf");
    SignedLinks foreign = new SignedLinks("another server's secret, 32 characters or more".getBytes(
        StandardCharsets.UTF_8), clock);

    HttpResponse<byte[]> response = get(foreign.link(baseUrl, key, Duration.ofHours(1)));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).path("detail").asText()).isEqualTo("This link is not valid.");
  }

  @Test
  void activeContentIsSentAsAnAttachmentNotShownInline() {
    // An uploaded HTML or SVG file shown inline would run its scripts with this server's origin.
    String key = "uploads/" + UUID.randomUUID() + "/page.html";
    blobs.put(key, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");

    HttpResponse<byte[]> response = get(links.link(baseUrl, key, Duration.ofHours(1)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"page.html\"");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void pathTricksNeverReachAFileOutsideTheStore() {
    String valid = links.link(baseUrl, "documents/x/bill.pdf", Duration.ofHours(1));
    String query = valid.substring(valid.indexOf('?'));

    for (String path : new String[] {"/files/../secret.key", "/files/documents/%2e%2e/%2e%2e/secret.key",
        "/files/documents%2F..%2F..%2Fsecret.key", "/files/documents/x/bill.pdf%00", "/files/documents%5Cx",
        "/files//documents/x/bill.pdf", "/files/"}) {
      HttpResponse<byte[]> response = get(baseUrl + path + query);
      assertThat(response.statusCode()).as(path).isIn(400, 403, 404);
      assertThat(json(response).has("detail")).as(path).isTrue();
    }
  }

  @Test
  void headChecksTheLinkLikeGetButSendsNoBody() {
    String key = "documents/" + UUID.randomUUID() + "/bill.pdf";
    blobs.put(key, new byte[] {1, 2, 3}, "application/pdf");
    String link = links.link(baseUrl, key, Duration.ofHours(1));

    HttpResponse<byte[]> valid = send("HEAD", link);
    HttpResponse<byte[]> forged = send("HEAD", link.replace("signature=", "signature=x"));

    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(valid.body()).isEmpty();
    assertThat(valid.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(valid.headers().firstValue("Content-Length")).hasValue("3");
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  private static long maxAge(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    String cacheControl = response.headers().firstValue("Cache-Control").orElseThrow();
    assertThat(cacheControl).matches("private, max-age=[0-9]+");
    return Long.parseLong(cacheControl.substring(cacheControl.indexOf('=') + 1));
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
    }
  }

  /** A link to a store that cannot be reached is a 503 with a detail and no stack trace, never a 404. */
  @Test
  void aStoreThatCannotBeReachedAnswers503WithADetail() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Jdbi jdbi = Jdbi.create(TestDatabase.freshDatabaseUrl(), "postgres", "");
    try (S3BlobStore unreachable = S3BlobStore.open((io.nectar.config.BlobSettings.S3) io.nectar.config.BlobSettings
        .from(java.util.Map.of("NECTAR_BLOB_URL", "s3://bucket-x/files", "AWS_REGION", "us-east-1",
            "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + closedPort, "NECTAR_S3_PATH_STYLE", "true",
            "AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret")))) {
      FileRoutes files = new FileRoutes(unreachable, links);
      HttpServer down = new HttpServer(new HttpServer.Settings(1024 * 1024, 20, 0), jdbi,
          new KeyService(jdbi, clock, UUID::randomUUID), clock, null, new byte[32], api -> { }, files::register);
      down.start(0);
      try {
        HttpResponse<byte[]> response = get(links.link("http://localhost:" + down.port(), "documents/d/bill.pdf",
            Duration.ofHours(24)));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(Json.MAPPER.readTree(response.body()).path("detail").asText())
            .isEqualTo("Stored files are unavailable right now; try again in a moment.");
      } finally {
        down.stop();
      }
    }
  }

  private static HttpResponse<byte[]> get(String url) {
    return send("GET", url);
  }

  private static HttpResponse<byte[]> send(String method, String url) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package io.nectar.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.app.StandardUploads;
import io.nectar.config.BlobSettings;
import io.nectar.config.ConfigException;
import io.nectar.keys.Environment;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.jobs.TestBills;
import io.nectar.meters.DatasourceType;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.S3Server;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server whose files live in an S3-compatible store (S3Proxy, checking signatures): an uploaded bill
 * and a collected one are stored in the bucket and not in the data folder, their documents' {@code url}
 * is the store's own presigned URL, which returns the exact bytes; a wrong bucket, refused credentials
 * or an unreachable endpoint stop the start with one line naming the setting; a store that goes away
 * at run time makes {@code /readyz} not ready and an upload a 503 with a detail.
 */
class S3StorageEndToEndTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String BOUNDARY = "----s3-end-to-end-boundary";

  private static S3Server s3;
  private static TestServer server;
  private static Fixtures fixtures;
  private static String key;

  @BeforeAll
  static void start() {
    s3 = S3Server.start();
    server = serverOn(s3.settings());
    fixtures = new Fixtures(server);
    key = server.tenant("S3 Org", Environment.SANDBOX).key();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void anUploadedBillIsStoredInTheBucketAndItsUrlIsTheStoresPresignedUrl() throws Exception {
    byte[] bill = TestBills.sandbox(DatasourceType.ELECTRICITY, 11).pdf();
    String company = fixtures.company(key, "Uploads to S3");
    String site = fixtures.site(key, company, "Plant");

    Response created = upload(server, key, company, "january.pdf", bill, site);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode job = finished(created.json().path("id").asText());
    assertThat(job.at("/files/0/outcome").asText()).as(job.toString()).isEqualTo("DOCUMENT");
    JsonNode document = server.get("/v2.2/document/" + job.path("parsedDocumentIds").get(0).asText(), key).json();
    String url = document.path("url").asText();

    assertThat(url).startsWith(s3.endpoint() + "/" + S3Server.BUCKET + "/files/uploads/" + company + "/")
        .contains("X-Amz-Signature=", "X-Amz-Expires=86400");
    HttpResponse<byte[]> download = fetch(url);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(bill);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String objectKey = URI.create(url).getPath().substring(("/" + S3Server.BUCKET + "/").length());
    assertThat(s3.objectKeys(S3Server.BUCKET, "files/uploads/" + company + "/")).containsExactly(objectKey);
    Path dataDir = server.server().config().dataDir();
    assertThat(filesIn(dataDir)).as("the folder store's files").isEmpty();
    assertThat(copiesOf(bill, dataDir)).as("copies of the bill in the data folder").isEmpty();
  }

  @Test
  void aCollectedBillIsStoredInTheBucketToo() throws Exception {
    String company = fixtures.company(key, "Collects to S3");
    String site = fixtures.site(key, company, "Office");
    String connection = fixtures.sandboxConnection(key, company, List.of(site), 2, "");
    fixtures.awaitCollected(connection);

    JsonNode documents = server.get("/v2.2/document/company/" + company, key).json().path("documents");
    assertThat(documents).isNotEmpty();
    for (JsonNode document : documents) {
      String url = document.path("url").asText();
      assertThat(url).startsWith(s3.endpoint() + "/" + S3Server.BUCKET + "/files/");
      HttpResponse<byte[]> download = fetch(url);
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(new String(download.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
    assertThat(filesIn(server.server().config().dataDir())).isEmpty();
  }

  @Test
  void readinessIncludesTheStoreOfFiles() {
    Response ready = server.get("/readyz", null);

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().path("files").asText()).isEqualTo("reachable");
  }

  @Test
  void aMissingBucketStopsTheStartNamingTheUrlSetting() {
    assertThatThrownBy(() -> serverOn(s3.settings("s3://no-such-bucket/files")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("NECTAR_BLOB_URL: bucket 'no-such-bucket' does not exist at " + s3.endpoint());
  }

  @Test
  void refusedCredentialsStopTheStartNamingTheSecretSetting() {
    Map<String, String> settings = new HashMap<>(s3.settings());
    settings.put(BlobSettings.SECRET_KEY_SETTING, "not-the-secret");

    assertThatThrownBy(() -> serverOn(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("AWS_SECRET_ACCESS_KEY: the store refused the credentials for bucket 'nectar-test'")
        .hasMessageNotContaining("not-the-secret")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anUnreachableEndpointStopsTheStartNamingTheEndpointSetting() throws IOException {
    Map<String, String> settings = new HashMap<>(s3.settings());
    settings.put(BlobSettings.ENDPOINT_S3_SETTING, "http://127.0.0.1:" + closedPort());

    assertThatThrownBy(() -> serverOn(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("AWS_ENDPOINT_URL_S3: could not reach the store at http://127.0.0.1:")
        .hasMessageNotContaining("\n");
  }

  /** Its own store and server: this test takes the store away. */
  @Test
  void aStoreThatGoesAwayMakesTheServerNotReadyAndUploadsA503WithADetail() {
    S3Server lost = S3Server.start();
    try (TestServer alone = serverOn(lost.settings())) {
      String tenant = alone.tenant("Outage Org", Environment.SANDBOX).key();
      String company = new Fixtures(alone).company(tenant, "Outage");
      assertThat(alone.get("/readyz", null).status()).isEqualTo(200);

      lost.close();
      Response refused = upload(alone, tenant, company, "bill.pdf", TestBills.sandbox(DatasourceType.ELECTRICITY, 12).pdf(), null);
      // The answer to readyz is kept a few seconds; on the server's clock they have passed.
      alone.clock().advance(Duration.ofSeconds(6));
      Response ready = alone.get("/readyz", null);

      assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
      assertThat(refused.json().path("detail").asText())
          .isEqualTo("Stored files are unavailable right now; try again in a moment.");
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().path("files").asText()).isEqualTo("unreachable");
      assertThat(ready.json().path("database").asText()).isEqualTo("reachable");
      assertThat(alone.get("/v2.2/job/company/" + company, tenant).json().path("totalJobs").asInt())
          .as("no job for a file that was not stored").isZero();
    } finally {
      lost.close();
    }
  }

  private static TestServer serverOn(Map<String, String> settings) {
    return TestServer.start(settings, new ProviderRegistry(new SandboxProvider()), TestDatabase.freshDatabaseUrl(),
        StandardUploads::of);
  }

  /** The sandbox utility's own statement for one account: a bill the engine reads. */
  private static Response upload(TestServer to, String apiKey, String company, String fileName, byte[] bytes,
      String siteId) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    if (siteId != null) {
      body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"siteId\"\r\n\r\n" + siteId
          + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return to.sendBytes("POST", "/v2.2/job/company/" + company, apiKey, "multipart/form-data; boundary=" + BOUNDARY,
        body.toByteArray(), Map.of());
  }

  private static JsonNode finished(String jobId) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> server.get("/v2.2/job/" + jobId, key).json(),
            job -> !job.path("status").asText().equals("PENDING"));
  }

  /** Regular files anywhere under the data folder's blobs folder (the folder store's place). */
  private static List<Path> filesIn(Path dataDir) throws IOException {
    Path blobs = dataDir.resolve("blobs");
    if (!Files.exists(blobs)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(blobs)) {
      return all.filter(Files::isRegularFile).toList();
    }
  }

  /** Files anywhere under {@code dataDir} with exactly these bytes. */
  private static List<Path> copiesOf(byte[] bytes, Path dataDir) throws IOException {
    try (Stream<Path> all = Files.walk(dataDir)) {
      return all.filter(Files::isRegularFile).filter(file -> {
        try {
          return Files.size(file) == bytes.length && java.util.Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
          return false; // gone meanwhile
        }
      }).toList();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}

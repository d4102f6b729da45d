package io.nectar.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nectar.config.BlobSettings;
import io.nectar.testing.S3Server;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract on the S3 store against a real S3-compatible server that checks signatures, plus what
 * only an object store does: presigned URLs, prefixes, and one-line failures naming the setting.
 */
class S3BlobStoreContractTest extends BlobStoreContract {
  private static S3Server s3;
  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<S3BlobStore> opened = new ArrayList<>();
  private String blobUrl;

  @BeforeAll
  static void startS3() {
    s3 = S3Server.start();
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(S3BlobStore::close);
  }

  /** Each test under a prefix of its own in the one bucket. */
  @Override
  protected BlobStore newStore() {
    blobUrl = "s3://" + S3Server.BUCKET + "/t-" + UUID.randomUUID();
    return open(s3.settings(blobUrl));
  }

  @Override
  protected BlobStore unusableStore() {
    return open(with(s3.settings(blobUrl), BlobSettings.SECRET_KEY_SETTING, "not-the-secret"));
  }

  @Override
  protected String settingOfUnusableStore() {
    return BlobSettings.SECRET_KEY_SETTING;
  }

  @Test
  void objectsLiveUnderTheUrlsPrefix() {
    store.put("documents/x/bill.pdf", bytes("x"), null);

    String prefix = URI.create(blobUrl).getPath().substring(1);
    assertThat(s3.hasObject(S3Server.BUCKET, prefix + "/documents/x/bill.pdf")).isTrue();
    assertThat(s3.hasObject(S3Server.BUCKET, "documents/x/bill.pdf")).isFalse();
  }

  @Test
  void anotherPrefixInTheSameBucketIsAnotherStore() {
    BlobStore neighbour = newStore();
    neighbour.put("a/theirs.pdf", bytes("theirs"), null);
    BlobStore mine = newStore();
    mine.put("a/mine.pdf", bytes("mine"), null);

    store = mine;
    assertThat(keysUnder("")).containsExactly("a/mine.pdf");
    assertThat(mine.get("a/theirs.pdf")).isEmpty();
  }

  @Test
  void aListingLongerThanOnePageIsWholeAndInOrder() {
    S3BlobStore small = S3BlobStore.open((BlobSettings.S3) BlobSettings.from(s3.settings(blobUrl)), 2);
    opened.add(small);
    List<String> keys = List.of("p/e.pdf", "p/a.pdf", "p/c.pdf", "p/b.pdf", "p/d.pdf", "q.pdf", "o.pdf");
    for (String key : keys) {
      small.put(key, bytes(key), null);
    }

    List<String> listed = new ArrayList<>();
    small.forEachKey("p/", listed::add);

    assertThat(listed).containsExactly("p/a.pdf", "p/b.pdf", "p/c.pdf", "p/d.pdf", "p/e.pdf");
  }

  @Test
  void aPresignedGetFetchesTheExactBytesStraightFromTheStore() throws Exception {
    byte[] bill = bytes("%PDF-1.7 " + "bill ".repeat(5_000));
    store.put("documents/d1/bill.pdf", bill, "application/pdf");

    String url = store.presignedGet("documents/d1/bill.pdf", Duration.ofHours(24)).orElseThrow();
    HttpResponse<byte[]> response = fetch(url);

    assertThat(url).startsWith(s3.endpoint().toString()).contains("X-Amz-Signature=").contains("X-Amz-Expires=86400");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(bill);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"bill.pdf\"");
  }

  @Test
  void aTypeABrowserWouldRunDownloadsInsteadOfShowing() throws Exception {
    store.put("uploads/c/page.html", bytes("<script>alert(1)</script>"), null);

    HttpResponse<byte[]> response = fetch(store.presignedGet("uploads/c/page.html", Duration.ofHours(1)).orElseThrow());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"page.html\"");
  }

  @Test
  void aTamperedPresignedUrlIsRefused() throws Exception {
    store.put("documents/d2/bill.pdf", bytes("secret bill"), null);
    String url = store.presignedGet("documents/d2/bill.pdf", Duration.ofHours(24)).orElseThrow();

    String otherSignature = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");
    String otherKey = url.replace("/documents/d2/bill.pdf", "/documents/d2/other.pdf");
    String longer = url.replace("X-Amz-Expires=86400", "X-Amz-Expires=604800");

    assertThat(fetch(otherSignature).statusCode()).isEqualTo(403);
    assertThat(fetch(otherKey).statusCode()).isEqualTo(403);
    assertThat(fetch(longer).statusCode()).isEqualTo(403);
    assertThat(fetch(url).statusCode()).isEqualTo(200);
  }

  /** The SDK's presigner reads the system clock, so the URL is made short-lived and waited out. */
  @Test
  void anExpiredPresignedUrlIsRefused() throws Exception {
    store.put("documents/d3/bill.pdf", bytes("bill"), null);
    String url = store.presignedGet("documents/d3/bill.pdf", Duration.ofSeconds(1)).orElseThrow();

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
        .until(() -> fetch(url).statusCode() == 403);
  }

  @Test
  void aMissingBucketFailsTheCheckNamingTheUrlSetting() {
    BlobStore missing = open(s3.settings("s3://no-such-bucket/files"));

    assertThatThrownBy(missing::check)
        .isInstanceOf(BlobStoreUnavailable.class)
        .hasMessage("NECTAR_BLOB_URL: bucket 'no-such-bucket' does not exist at " + s3.endpoint());
  }

  @Test
  void anUnknownAccessKeyFailsTheCheckNamingTheCredentials() {
    BlobStore stranger = open(with(s3.settings(blobUrl), BlobSettings.ACCESS_KEY_SETTING, "nobody"));

    assertThatThrownBy(stranger::check)
        .isInstanceOfSatisfying(BlobStoreUnavailable.class,
            e -> assertThat(e.setting()).isEqualTo(BlobSettings.SECRET_KEY_SETTING))
        .hasMessageContaining("AWS_ACCESS_KEY_ID")
        .hasMessageNotContaining(S3Server.SECRET_KEY);
  }

  /** Nothing in the settings, the environment or a profile: the check names the credentials to set. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void noCredentialsAnywhereFailsTheCheckNamingTheAccessKeySetting() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null
        && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
        && !java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".aws")),
        "this machine has AWS credentials of its own");
    Map<String, String> settings = new HashMap<>(s3.settings(blobUrl));
    settings.remove(BlobSettings.ACCESS_KEY_SETTING);
    settings.remove(BlobSettings.SECRET_KEY_SETTING);
    BlobStore anonymous = open(settings);

    assertThatThrownBy(anonymous::check)
        .isInstanceOf(BlobStoreUnavailable.class)
        .hasMessageStartingWith("AWS_ACCESS_KEY_ID: no AWS credentials were found for bucket 'nectar-test'")
        .hasMessageNotContaining("\n");
  }

  /** A port nobody listens on: refused at once; the timeout only guards against a hang. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anUnreachableEndpointFailsTheCheckNamingTheEndpointSetting() throws IOException {
    BlobStore nowhere = open(with(s3.settings(blobUrl), BlobSettings.ENDPOINT_S3_SETTING, "http://127.0.0.1:" + closedPort()));

    assertThatThrownBy(nowhere::check)
        .isInstanceOf(BlobStoreUnavailable.class)
        .hasMessageStartingWith("AWS_ENDPOINT_URL_S3: could not reach the store at http://127.0.0.1:")
        .hasMessageNotContaining("\n");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aStoreThatGoesAwayMakesReadsAndWritesUnavailableNotMissing() throws IOException {
    BlobStore nowhere = open(with(s3.settings(blobUrl), BlobSettings.ENDPOINT_S3_SETTING, "http://127.0.0.1:" + closedPort()));

    assertThatThrownBy(() -> nowhere.get("a/b.pdf")).isInstanceOf(BlobStoreUnavailable.class);
    assertThatThrownBy(() -> nowhere.get("a/b.pdf", 0, 1)).isInstanceOf(BlobStoreUnavailable.class);
    assertThatThrownBy(() -> nowhere.head("a/b.pdf")).isInstanceOf(BlobStoreUnavailable.class);
    assertThatThrownBy(() -> nowhere.put("a/b.pdf", bytes("x"), null)).isInstanceOf(BlobStoreUnavailable.class);
    assertThatThrownBy(() -> nowhere.delete("a/b.pdf")).isInstanceOf(BlobStoreUnavailable.class);
    assertThatThrownBy(() -> nowhere.forEachKey("", key -> {})).isInstanceOf(BlobStoreUnavailable.class);
    // Signing needs no round trip: links can still be handed out, and work once the store is back.
    assertThat(nowhere.presignedGet("a/b.pdf", Duration.ofHours(1))).isPresent();
  }

  @Test
  void anObjectWrittenByAnotherToolIsHashedOnHeadAndServedWithItsType() {
    // No SHA-256 metadata of ours: copied with another tool (aws s3 cp) into the store's prefix.
    byte[] content = bytes("copied by hand");
    s3.putObject(S3Server.BUCKET, URI.create(blobUrl).getPath().substring(1) + "/hand/copied.pdf", content,
        "application/pdf");

    assertThat(store.head("hand/copied.pdf"))
        .contains(new BlobStore.BlobInfo(content.length, "application/pdf", sha256(content)));
    assertThat(keysUnder("hand/")).containsExactly("hand/copied.pdf");
  }

  private S3BlobStore open(Map<String, String> settings) {
    S3BlobStore opened = S3BlobStore.open((BlobSettings.S3) BlobSettings.from(settings));
    this.opened.add(opened);
    return opened;
  }

  private static Map<String, String> with(Map<String, String> settings, String name, String value) {
    Map<String, String> changed = new HashMap<>(settings);
    changed.put(name, value);
    return changed;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}

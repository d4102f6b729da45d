package io.nectar.testing;

import io.nectar.config.BlobSettings;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A real S3-compatible server (S3Proxy, embedded) on a free port of 127.0.0.1 that checks every
 * request's signature, V2 or V4, presigned URLs included: a wrong secret or a tampered URL is a 403,
 * as on AWS. Objects live in memory ({@link #start()}) or in a folder ({@link #inFolder(Path)}, for
 * tests that stop and start the server). One bucket is made at start.
 *
 * <pre>{@code
 * try (S3Server s3 = S3Server.start()) {
 *   TestServer server = TestServer.start(s3.settings());
 *   ...
 * }
 * }</pre>
 */
public final class S3Server implements AutoCloseable {
  public static final String BUCKET = "nectar-test";
  public static final String ACCESS_KEY = "test-access-key";
  public static final String SECRET_KEY = "test-secret-key-0123456789";
  public static final String REGION = "us-east-1";

  private final S3Proxy proxy;
  private final BlobStore store;
  private final URI endpoint;

  private S3Server(S3Proxy proxy, BlobStore store) {
    this.proxy = proxy;
    this.store = store;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** A server keeping objects in memory. */
  public static S3Server start() {
    return start("transient-nio2", new Properties());
  }

  /** A server keeping objects under {@code folder}, so that a second one on the same folder sees them. */
  public static S3Server inFolder(Path folder) {
    return inFolder(folder, 0);
  }

  /** As {@link #inFolder(Path)}, on {@code port}: a store that comes back where it was after {@link #close}. */
  public static S3Server inFolder(Path folder, int port) {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", folder.toAbsolutePath().toString());
    return start("filesystem-nio2", properties, port);
  }

  private static S3Server start(String provider, Properties properties) {
    return start(provider, properties, 0);
  }

  private static S3Server start(String provider, Properties properties, int port) {
    try {
      BlobStore store = BlobStores.create(provider, properties);
      S3Proxy proxy = S3Proxy.builder()
          .blobStore(store)
          .endpoint(URI.create("http://127.0.0.1:" + port))
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
          .build();
      proxy.start();
      // start() returns once Jetty is starting; the port is known once it has started.
      Awaitility.await("S3Proxy started").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
          .until(() -> "STARTED".equals(proxy.getState()));
      if (!store.containerExists(BUCKET)) {
        store.createContainer(BUCKET);
      }
      return new S3Server(proxy, store);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Could not start S3Proxy", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Makes another bucket. */
  public void createBucket(String name) {
    store.createContainer(name);
  }

  /** True if the bucket holds an object under exactly {@code objectKey} (the prefix included). */
  public boolean hasObject(String bucket, String objectKey) {
    return store.blobExists(bucket, objectKey);
  }

  /** Every object key in {@code bucket} that starts with {@code prefix}, as the server lists them. */
  public List<String> objectKeys(String bucket, String prefix) {
    List<String> keys = new ArrayList<>();
    String continuation = null;
    do {
      ListObjectsV2Response page = store.list(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
          .continuationToken(continuation).build());
      page.contents().forEach(object -> keys.add(object.key()));
      continuation = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (continuation != null);
    return keys;
  }

  /**
   * Puts an object as another tool would (no metadata of ours), straight into the server's storage:
   * {@code objectKey} includes any prefix.
   */
  public void putObject(String bucket, String objectKey, byte[] bytes, String contentType) {
    store.putBlob(PutObjectRequest.builder().bucket(bucket).key(objectKey).contentType(contentType)
        .contentLength((long) bytes.length).build(), new ByteArrayInputStream(bytes));
  }

  /**
   * The settings a server needs to store its files here, under {@code s3://nectar-test/files}:
   * NECTAR_BLOB_URL, AWS_REGION, AWS_ENDPOINT_URL_S3, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
   * NECTAR_S3_PATH_STYLE=true (127.0.0.1 has no bucket subdomains).
   */
  public Map<String, String> settings() {
    return settings("s3://" + BUCKET + "/files");
  }

  /** As {@link #settings()}, for another {@code NECTAR_BLOB_URL}. */
  public Map<String, String> settings(String blobUrl) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(BlobSettings.URL_SETTING, blobUrl);
    settings.put(BlobSettings.REGION_SETTING, REGION);
    settings.put(BlobSettings.ENDPOINT_S3_SETTING, endpoint.toString());
    settings.put(BlobSettings.ACCESS_KEY_SETTING, ACCESS_KEY);
    settings.put(BlobSettings.SECRET_KEY_SETTING, SECRET_KEY);
    settings.put(BlobSettings.PATH_STYLE_SETTING, "true");
    return Map.copyOf(settings);
  }

  /** Stops the server; its port refuses connections from then on. Closing twice is harmless. */
  @Override
  public void close() {
    if (!"STARTED".equals(proxy.getState())) {
      return;
    }
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop S3Proxy", e);
    }
  }
}

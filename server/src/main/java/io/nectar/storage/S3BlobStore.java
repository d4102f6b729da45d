package io.nectar.storage;

import io.nectar.config.BlobSettings;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as objects in an S3-compatible bucket ({@code NECTAR_BLOB_URL=s3://bucket/prefix}), each key
 * under the URL's prefix. Every server of an installation shares the bucket, so a file stored by one
 * is served by all; downloads go straight to the store through presigned GET URLs.
 *
 * <p>Each object carries its SHA-256 as user metadata ({@code x-amz-meta-sha256}), so {@link #head}
 * costs one HEAD request rather than a download, and a put of identical content is skipped after a
 * HEAD. The store checks each upload against its Content-MD5.
 *
 * <p>Timeouts are short (connect 3 s, a silent read 15 s, one attempt 20 s, the call with its retries
 * 30 s; a 25 MB bill moves in a few seconds within a region): a dead endpoint must
 * fail a request with a 503, not hold it until the client gives up. Failures that are the store's
 * (unreachable, refused credentials, no bucket, 5xx) become {@link BlobStoreUnavailable}; a key the
 * store does not have is an empty result, as with the file store.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
  private static final String SHA256_METADATA = "sha256";
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  /** S3's largest object, 5 TiB. */
  private static final long LARGEST_OBJECT = 5L << 40;
  /** The longest validity a SigV4 presigned URL may have. */
  static final Duration LONGEST_PRESIGN = Duration.ofDays(7);
  /** Types a browser shows without running anything; everything else downloads (as {@link FileRoutes}). */
  private static final Set<String> SAFE_INLINE = FileRoutes.SAFE_INLINE;

  private final BlobSettings.S3 settings;
  private final S3Client client;
  private final S3Presigner presigner;
  private final AwsCredentialsProvider credentials;
  private final String description;
  private final int listPageSize;
  private final S3Failures failures;

  private S3BlobStore(BlobSettings.S3 settings, S3Client client, S3Presigner presigner,
      AwsCredentialsProvider credentials, int listPageSize) {
    this.settings = settings;
    this.client = client;
    this.presigner = presigner;
    this.credentials = credentials;
    this.description = settings.toString();
    this.listPageSize = listPageSize;
    this.failures = new S3Failures(settings);
  }

  /**
   * A store for {@code settings}. Makes no request: {@link #check} is the round trip that proves it.
   *
   * @throws BlobStoreUnavailable if no region is set and the SDK finds none either
   */
  static S3BlobStore open(BlobSettings.S3 settings) {
    return open(settings, 1000);
  }

  /** As {@link #open(BlobSettings.S3)}, listing {@code listPageSize} keys per request (S3's most is 1000). */
  static S3BlobStore open(BlobSettings.S3 settings, int listPageSize) {
    Region region = region(settings);
    AwsCredentialsProvider credentials = credentials(settings);
    S3Configuration s3 = S3Configuration.builder()
        .pathStyleAccessEnabled(settings.pathStyle() == BlobSettings.PathStyle.PATH)
        .build();
    var clientBuilder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(READ_TIMEOUT))
        .region(region)
        .credentialsProvider(credentials)
        .serviceConfiguration(s3)
        // Checksums only where S3 requires them: many S3-compatible stores refuse the SDK's newer
        // default (trailing CRC32 in aws-chunked bodies). Uploads carry Content-MD5 instead.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .overrideConfiguration(o -> o
            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
            .apiCallTimeout(CALL_TIMEOUT)
            .retryStrategy(RetryMode.STANDARD));
    var presignerBuilder = S3Presigner.builder()
        .region(region)
        .credentialsProvider(credentials)
        .serviceConfiguration(s3);
    settings.endpoint().ifPresent(endpoint -> {
      clientBuilder.endpointOverride(endpoint);
      presignerBuilder.endpointOverride(endpoint);
    });
    return new S3BlobStore(settings, clientBuilder.build(), presignerBuilder.build(), credentials, listPageSize);
  }

  private static Region region(BlobSettings.S3 settings) {
    if (settings.region().isPresent()) {
      return Region.of(settings.region().get());
    }
    if (settings.endpoint().isPresent()) {
      // S3-compatible stores mostly ignore the region, but SigV4 signs one: the SDK's usual default.
      return Region.US_EAST_1;
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      throw new BlobStoreUnavailable(BlobSettings.REGION_SETTING, "is not set and no AWS profile names a region; "
          + "set it to the bucket's region, e.g. eu-west-1", e);
    }
  }

  private static AwsCredentialsProvider credentials(BlobSettings.S3 settings) {
    return settings.credentials()
        .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(c.sessionToken().isPresent()
            ? AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken().get())
            : AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  @Override
  public void put(String key, byte[] bytes, String contentType) {
    Objects.requireNonNull(bytes, "bytes");
    String objectKey = objectKey(key);
    String type = BlobKey.contentType(key, contentType);
    String sha256 = Sha256.of(bytes);
    Optional<HeadObjectResponse> existing = headObject(key);
    if (existing.isPresent() && sha256.equals(existing.get().metadata().get(SHA256_METADATA))
        && type.equals(storedType(key, existing.get().contentType()))
        && existing.get().contentLength() == bytes.length) {
      return; // a retried put changes nothing, as in the file store
    }
    call("store " + key, () -> client.putObject(b -> b
            .bucket(settings.bucket())
            .key(objectKey)
            .contentType(type)
            .contentLength((long) bytes.length)
            .contentMD5(md5(bytes))
            .metadata(Map.of(SHA256_METADATA, sha256)),
        RequestBody.fromBytes(bytes)));
  }

  @Override
  public Optional<Blob> get(String key) {
    GetObjectRequest request = GetObjectRequest.builder().bucket(settings.bucket()).key(objectKey(key)).build();
    return fetch(key, request);
  }

  @Override
  public Optional<Blob> get(String key, long first, long last) {
    FileBlobStore.checkRange(first, last);
    // Past S3's largest object the end is open ("bytes=7-"): some stores refuse a huge last byte.
    String range = "bytes=" + first + "-" + (last >= LARGEST_OBJECT ? "" : String.valueOf(last));
    GetObjectRequest request = GetObjectRequest.builder().bucket(settings.bucket()).key(objectKey(key))
        .range(range).build();
    try {
      return fetch(key, request);
    } catch (RangeNotSatisfiable e) {
      // The range starts at or past the end: the blob exists (else 404), it has no bytes there.
      return head(key).map(info -> new Blob(new byte[0], info.contentType()));
    }
  }

  private Optional<Blob> fetch(String key, GetObjectRequest request) {
    ResponseBytes<GetObjectResponse> response;
    try {
      response = call("read " + key, () -> client.getObjectAsBytes(request));
    } catch (Missing e) {
      return Optional.empty();
    }
    return Optional.of(new Blob(response.asByteArray(), storedType(key, response.response().contentType())));
  }

  @Override
  public boolean delete(String key) {
    String objectKey = objectKey(key);
    // S3 answers a delete of a missing key with success, so only a HEAD can tell the caller "none".
    if (headObject(key).isEmpty()) {
      return false;
    }
    call("delete " + key, () -> client.deleteObject(b -> b.bucket(settings.bucket()).key(objectKey)));
    return true;
  }

  @Override
  public Optional<BlobInfo> head(String key) {
    Optional<HeadObjectResponse> found = headObject(key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    HeadObjectResponse response = found.get();
    String sha256 = response.metadata().get(SHA256_METADATA);
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      // An object written by another tool: hash it once here rather than trust nothing.
      Optional<Blob> blob = get(key);
      if (blob.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new BlobInfo(blob.get().bytes().length, blob.get().contentType(), Sha256.of(blob.get().bytes())));
    }
    return Optional.of(new BlobInfo(response.contentLength(), storedType(key, response.contentType()), sha256));
  }

  /** The object's headers and metadata, without its bytes; empty if there is none. */
  private Optional<HeadObjectResponse> headObject(String key) {
    String objectKey = objectKey(key);
    try {
      return Optional.of(call("look up " + key,
          () -> client.headObject(b -> b.bucket(settings.bucket()).key(objectKey))));
    } catch (Missing e) {
      return Optional.empty();
    }
  }

  @Override
  public void forEachKey(String prefix, Consumer<String> action) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(action, "action");
    String continuation = null;
    do {
      ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
          .bucket(settings.bucket())
          .prefix(settings.prefix() + prefix)
          .maxKeys(listPageSize);
      if (continuation != null) {
        request.continuationToken(continuation);
      }
      ListObjectsV2Request built = request.build();
      ListObjectsV2Response page = call("list " + (prefix.isEmpty() ? "stored files" : prefix),
          () -> client.listObjectsV2(built));
      // S3 lists keys in ascending UTF-8 byte order, which for the ASCII of keys is String order.
      for (S3Object object : page.contents()) {
        String key = object.key().substring(settings.prefix().length());
        if (BlobKey.isValid(key)) {
          action.accept(key);
        }
      }
      continuation = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (continuation != null);
  }

  /**
   * A presigned GET that makes the store answer as {@link FileRoutes} would: the stored media type,
   * inline only for types a browser shows without running anything, the key's file name. Signing is
   * local (no request), so this never fails on an outage.
   */
  @Override
  public Optional<String> presignedGet(String key, Duration validFor) {
    String objectKey = objectKey(key);
    Duration validity = validFor.compareTo(LONGEST_PRESIGN) > 0 ? LONGEST_PRESIGN : validFor;
    String type = BlobKey.contentTypeOf(key);
    String disposition = (SAFE_INLINE.contains(mediaType(type)) ? "inline" : "attachment")
        + "; filename=\"" + BlobKey.fileName(key) + "\"";
    URI url = URI.create(presigner.presignGetObject(p -> p
        .signatureDuration(validity)
        .getObjectRequest(g -> g
            .bucket(settings.bucket())
            .key(objectKey)
            .responseContentType(type)
            .responseContentDisposition(disposition)))
        .url().toString());
    return Optional.of(url.toString());
  }

  /** HEAD on the bucket: proves the endpoint answers, the credentials sign, and the bucket exists. */
  @Override
  public void check() {
    try {
      credentials.resolveCredentials();
    } catch (SdkException e) {
      throw failures.noCredentials(e);
    }
    try {
      client.headBucket(b -> b.bucket(settings.bucket()));
    } catch (S3Exception e) {
      throw failures.refusal(e);
    } catch (SdkClientException e) {
      throw failures.unreachable(e);
    } catch (SdkException e) {
      throw failures.other(e);
    }
  }

  @Override
  public void close() {
    presigner.close();
    client.close();
  }

  @Override
  public String toString() {
    return "S3BlobStore[" + description + "]";
  }

  /** The settings this store was opened with. */
  public BlobSettings.S3 settings() {
    return settings;
  }

  private String objectKey(String key) {
    return settings.prefix() + BlobKey.validate(key);
  }

  /**
   * Runs one call; a missing key becomes {@link Missing}, a range past the end
   * {@link RangeNotSatisfiable}, and any failure of the store a {@link BlobStoreUnavailable} that is
   * logged once here, since the client only sees a 503.
   */
  private <T> T call(String what, SdkCall<T> call) {
    try {
      return call.run();
    } catch (NoSuchKeyException e) {
      throw Missing.INSTANCE;
    } catch (S3Exception e) {
      if (e.statusCode() == 404 && !isNoSuchBucket(e)) {
        throw Missing.INSTANCE; // HEAD answers 404 without a body, hence without an error code
      }
      if (e.statusCode() == 416) {
        throw RangeNotSatisfiable.INSTANCE;
      }
      BlobStoreUnavailable failure = failures.refusal(e);
      log.warn("Could not {} in {}: {}", what, description, failure.getMessage());
      throw failure;
    } catch (SdkClientException e) {
      BlobStoreUnavailable failure = failures.unreachable(e);
      log.warn("Could not {} in {}: {}", what, description, failure.getMessage());
      throw failure;
    }
  }

  private static boolean isNoSuchBucket(S3Exception e) {
    return e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
  }

  @FunctionalInterface
  private interface SdkCall<T> {
    T run();
  }

  /** Control flow inside this class only: the key is not in the store. */
  private static final class Missing extends RuntimeException {
    static final Missing INSTANCE = new Missing();

    private Missing() {
      super(null, null, false, false);
    }
  }

  /** Control flow inside this class only: a range that starts past the end. */
  private static final class RangeNotSatisfiable extends RuntimeException {
    static final RangeNotSatisfiable INSTANCE = new RangeNotSatisfiable();

    private RangeNotSatisfiable() {
      super(null, null, false, false);
    }
  }

  /**
   * The type the store answered with, written as the rest of the server writes types: some stores
   * (Jetty-based ones) answer {@code text/plain;charset=utf-8} for {@code text/plain; charset=utf-8}.
   */
  private static String storedType(String key, String answered) {
    return answered == null || answered.isBlank() ? BlobKey.contentTypeOf(key)
        : answered.trim().replaceAll("\\s*;\\s*", "; ");
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static String md5(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has MD5", e);
    }
  }

}

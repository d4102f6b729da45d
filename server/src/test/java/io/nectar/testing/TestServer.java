package io.nectar.testing;

import io.nectar.app.NectarServer;
import io.nectar.app.StandardUploads;
import io.nectar.collection.BackgroundJobs;
import io.nectar.jobs.UploadEngine;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.config.Config;
import io.nectar.keys.CreatedKey;
import io.nectar.keys.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A real server on a free port, on its own database in the shared test PostgreSQL, with helpers
 * for the HTTP calls tests make. Create one per test class and close it after all tests.
 */
public final class TestServer implements AutoCloseable {
  public static final String JSON = "application/json";

  private final NectarServer server;
  private final TestClock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  private TestServer(NectarServer server, TestClock clock) {
    this.server = server;
    this.clock = clock;
    this.baseUrl = "http://localhost:" + server.port();
  }

  public static TestServer start() {
    return start(Map.of());
  }

  /** Job timings short enough for tests: a dead execution is revived within seconds. */
  public static final BackgroundJobs.Settings FAST_JOBS = new BackgroundJobs.Settings(
      Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofMillis(500), 3);

  /** Starts a server with extra settings (environment-variable names, e.g. NECTAR_MAX_BODY_BYTES). */
  public static TestServer start(Map<String, String> extraSettings) {
    return start(extraSettings, new ProviderRegistry(new SandboxProvider()), TestDatabase.freshDatabaseUrl());
  }

  /** Starts a server with the given providers on the given database (several servers may share one). */
  public static TestServer start(Map<String, String> extraSettings, ProviderRegistry providers, String databaseUrl) {
    return start(extraSettings, providers, databaseUrl, UploadEngine.unavailable());
  }

  /** As {@link #start(Map, ProviderRegistry, String)}, with what reads uploaded bills. */
  public static TestServer start(Map<String, String> extraSettings, ProviderRegistry providers, String databaseUrl,
      UploadEngine uploads) {
    return start(extraSettings, providers, databaseUrl, config -> uploads);
  }

  /** A server that reads uploaded bills with the standard engine, as a production server does. */
  public static TestServer readingBills() {
    return start(Map.of(), new ProviderRegistry(new SandboxProvider()), TestDatabase.freshDatabaseUrl(),
        StandardUploads::of);
  }

  /**
   * As {@link #start(Map, ProviderRegistry, String, UploadEngine)}, with the upload engine made from
   * the server's own settings (e.g. {@code StandardUploads::of} with other worker timings).
   */
  public static TestServer start(Map<String, String> extraSettings, ProviderRegistry providers, String databaseUrl,
      Function<Config, UploadEngine> uploads) {
    try {
      Map<String, String> settings = new HashMap<>();
      settings.put("DATABASE_URL", databaseUrl);
      settings.put("NECTAR_PORT", "0");
      settings.put("NECTAR_DATA_DIR", Files.createTempDirectory("nectar-test").toString());
      settings.putAll(extraSettings);
      TestClock clock = new TestClock();
      Config config = Config.from(settings);
      return new TestServer(NectarServer.start(config, clock, providers, FAST_JOBS, uploads.apply(config)), clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new key (and its organization, created on first use) to call the API with. */
  public Tenant tenant(String organization, Environment environment) {
    var keys = server.keys();
    CreatedKey key = keys.create(keys.organization(organization), "test key", environment, Optional.empty(),
        Optional.empty());
    return new Tenant(key.key().organizationId(), key.key().id(), environment, key.secret());
  }

  /** A tenant's key: the organization and environment it acts in, and its secret. */
  public record Tenant(UUID organizationId, UUID keyId, Environment environment, String key) {}

  public NectarServer server() {
    return server;
  }

  public TestClock clock() {
    return clock;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Response get(String path, String key) {
    return send("GET", path, key, null, null, Map.of());
  }

  public Response postJson(String path, String key, String json) {
    return send("POST", path, key, JSON, json, Map.of());
  }

  public Response patchJson(String path, String key, String json) {
    return send("PATCH", path, key, JSON, json, Map.of());
  }

  public Response delete(String path, String key) {
    return send("DELETE", path, key, null, null, Map.of());
  }

  /**
   * Sends any request. {@code key} null sends no X-API-Key; {@code contentType} null sends none.
   */
  public Response send(String method, String path, String key, String contentType, String body,
      Map<String, String> headers) {
    return sendBytes(method, path, key, contentType, body == null ? null : body.getBytes(), headers);
  }

  public Response sendBytes(String method, String path, String key, String contentType, byte[] body,
      Map<String, String> headers) {
    return sendBody(method, path, key, contentType,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body), headers);
  }

  /** A form-urlencoded POST; {@code form} is the encoded body, e.g. {@code name=HQ&path=US}. */
  public Response postForm(String path, String key, String form) {
    return send("POST", path, key, "application/x-www-form-urlencoded", form, Map.of());
  }

  /** A multipart/form-data POST of text fields (a name may repeat, e.g. {@code path}). */
  public Response postMultipart(String path, String key, Multipart multipart) {
    return sendBytes("POST", path, key, multipart.contentType(), multipart.bytes(), Map.of());
  }

  /**
   * Sends {@code body} with chunked transfer encoding: no Content-Length, so the server learns the
   * size only by reading.
   */
  public Response sendChunked(String method, String path, String key, String contentType, byte[] body) {
    return sendBody(method, path, key, contentType,
        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)), Map.of());
  }

  public Response sendBody(String method, String path, String key, String contentType,
      HttpRequest.BodyPublisher body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body);
    if (key != null) {
      request.header("X-API-Key", key);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Used by tests that need a data folder of their own. */
  public static Path tempDir() {
    try {
      return Files.createTempDirectory("nectar-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

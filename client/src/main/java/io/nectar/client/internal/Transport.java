package io.nectar.client.internal;

import io.nectar.client.ApiException;
import io.nectar.client.IdempotencyKeys;
import io.nectar.client.NetworkException;
import io.nectar.client.RequestOptions;
import io.nectar.client.Sleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;

/**
 * Sends requests: authentication, the idempotency key, the cap on requests in flight, retries with
 * backoff, and the mapping of error answers to exceptions. Every service goes through {@link
 * #send}, so these rules live in one place. Not part of the public API.
 *
 * <p>What is retried, and why it is safe:
 * <ul>
 *   <li>a connection that could not be made (refused, connect timeout): the server never saw the
 *       request, whatever the method;</li>
 *   <li>429: the server refused before doing anything, whatever the method; its
 *       {@code Retry-After} is honoured, up to {@link Config#maxRetryWait()};</li>
 *   <li>502, 503, 504 and a connection lost after sending: only for methods that are idempotent
 *       by definition and for POSTs that carry an {@code Idempotency-Key} (the server replays the
 *       first answer instead of acting twice). PATCH is not retried on these.</li>
 * </ul>
 * Other 4xx are never retried: the same request would be refused again. Waits without a
 * {@code Retry-After} use exponential backoff with full jitter (a random wait between zero and
 * the exponential bound), so that many clients failing together do not retry together.
 */
public final class Transport {
  static final Duration BASE_DELAY = Duration.ofMillis(500);
  static final Duration MAX_DELAY = Duration.ofSeconds(20);

  private final Config config;
  private final Semaphore inFlight;
  private final String userAgent;

  /** The client's settings, all required (the builder fills the defaults). */
  public record Config(URI baseUri, String apiKey, Duration timeout, int maxRetries, int maxConcurrentRequests,
      HttpClient http, Sleeper sleeper, Clock clock, RandomGenerator random, IdempotencyKeys idempotencyKeys,
      Duration maxRetryWait) {
  }

  public Transport(Config config) {
    this.config = config;
    this.inFlight = new Semaphore(config.maxConcurrentRequests(), true);
    this.userAgent = "nectar-java/" + SdkVersion.VERSION + " Java/" + System.getProperty("java.version");
  }

  public Sleeper sleeper() {
    return config.sleeper();
  }

  public Clock clock() {
    return config.clock();
  }

  public URI baseUri() {
    return config.baseUri();
  }

  public String userAgent() {
    return userAgent;
  }

  /** Sends the request (retrying as described above) and returns a 2xx answer, or throws. */
  public ApiResponse send(ApiRequest request, RequestOptions options) {
    String idempotencyKey = idempotencyKey(request, options);
    boolean safeToRepeat = request.idempotentMethod() || idempotencyKey != null;
    int maxRetries = options.maxRetries().orElse(config.maxRetries());
    HttpRequest http = toHttp(request, options, idempotencyKey);
    for (int attempt = 0; ; attempt++) {
      boolean lastAttempt = attempt >= maxRetries;
      ApiResponse response;
      try {
        response = exchange(http);
      } catch (IOException e) {
        boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
        if (lastAttempt || !(neverSent || safeToRepeat)) {
          throw network(request, e);
        }
        pause(backoff(attempt));
        continue;
      }
      if (response.status() >= 200 && response.status() < 300) {
        return response;
      }
      ApiException error = Errors.from(response, config.clock());
      if (lastAttempt || !retryable(response.status(), safeToRepeat)) {
        throw error;
      }
      pause(wait(response, attempt));
    }
  }

  private String idempotencyKey(ApiRequest request, RequestOptions options) {
    if (!request.method().equals("POST")) {
      return null;
    }
    return options.idempotencyKey().orElseGet(() ->
        config.idempotencyKeys() == IdempotencyKeys.GENERATED ? UUID.randomUUID().toString() : null);
  }

  private static boolean retryable(int status, boolean safeToRepeat) {
    return status == 429 || (safeToRepeat && (status == 502 || status == 503 || status == 504));
  }

  private Duration wait(ApiResponse response, int attempt) {
    return RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), config.clock())
        .map(asked -> asked.compareTo(config.maxRetryWait()) > 0 ? config.maxRetryWait() : asked)
        .orElseGet(() -> backoff(attempt));
  }

  /** Full jitter: uniformly between zero and min(MAX_DELAY, BASE_DELAY * 2^attempt). */
  private Duration backoff(int attempt) {
    long bound = BASE_DELAY.toMillis() << Math.min(attempt, 16);
    bound = Math.min(bound, MAX_DELAY.toMillis());
    return Duration.ofMillis((long) (config.random().nextDouble() * bound));
  }

  private void pause(Duration duration) {
    try {
      config.sleeper().sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException("Interrupted while waiting to retry", e);
    }
  }

  private ApiResponse exchange(HttpRequest http) throws IOException {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException("Interrupted while waiting for a free request slot", e);
    }
    try {
      HttpResponse<byte[]> answer = config.http().send(http, HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = answer.body() == null ? new byte[0] : answer.body();
      return new ApiResponse(answer.statusCode(), answer.headers(), body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException("Interrupted while waiting for " + http.method() + " " + http.uri(), e);
    } finally {
      inFlight.release();
    }
  }

  private NetworkException network(ApiRequest request, IOException e) {
    String what = e instanceof HttpTimeoutException ? "timed out" : "failed: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : " " + e.getMessage());
    return new NetworkException(request.method() + " " + config.baseUri() + request.path() + " " + what, e);
  }

  private HttpRequest toHttp(ApiRequest request, RequestOptions options, String idempotencyKey) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request))
        .timeout(options.timeout().orElse(config.timeout()))
        .header("X-API-Key", options.apiKey().orElse(config.apiKey()))
        .header("User-Agent", userAgent)
        .header("Accept", "application/json");
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    if (request.body() != null) {
      builder.header("Content-Type", request.contentType());
      builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  private URI uri(ApiRequest request) {
    StringBuilder text = new StringBuilder(config.baseUri().toString()).append(request.path());
    char separator = '?';
    for (Map.Entry<String, List<String>> parameter : request.query().entrySet()) {
      for (String value : parameter.getValue()) {
        text.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    return URI.create(text.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

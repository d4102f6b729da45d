package io.nectar.client;

import static io.nectar.client.Responses.COMPANY;
import static io.nectar.client.Responses.json;
import static io.nectar.client.Responses.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.client.model.CompanyUpdate;
import io.nectar.client.model.NewCompany;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static final UUID COMPANY_ID = UUID.fromString("0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c");

  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private NectarClient.Builder client() {
    return NectarClient.builder().apiKey("test-key").baseUrl(server.url("/v2.2").toString())
        .sleeper(sleeper).clock(sleeper);
  }

  /** A jitter source that always draws the top of the range, so waits equal their exponential bound. */
  private static RandomGenerator top() {
    return () -> Long.MAX_VALUE;
  }

  private List<RecordedRequest> taken(int count) throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(server.takeRequest());
    }
    return requests;
  }

  @Test
  void aGetIsRetriedOn502And503And504UntilItSucceeds() {
    server.enqueue(status(502));
    server.enqueue(status(503));
    server.enqueue(status(504));
    server.enqueue(json(COMPANY));

    assertThat(client().build().companies().get(COMPANY_ID).name()).isEqualTo("Demo Company");
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeper.waits()).hasSize(3);
  }

  @Test
  void backoffIsExponentialWithFullJitterBelowTheBound() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(503));
    }
    server.enqueue(json(COMPANY));

    client().random(new java.util.Random(42)).build().companies().get(COMPANY_ID);

    List<Duration> waits = sleeper.waits();
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(500));
    assertThat(waits.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(1000));
    assertThat(waits.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(2000));
  }

  @Test
  void theBackoffBoundDoublesOnEachAttempt() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(503));
    }
    server.enqueue(json(COMPANY));

    client().random(new FixedRandom(0.5)).build().companies().get(COMPANY_ID);

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void aPostIsRetriedWithTheSameIdempotencyKeyOnEveryAttempt() throws InterruptedException {
    server.enqueue(status(503));
    server.enqueue(status(502));
    server.enqueue(json(201, COMPANY));

    client().build().companies().create(NewCompany.builder("Demo Company").build());

    List<RecordedRequest> requests = taken(3);
    String key = requests.get(0).getHeaders().get("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(UUID.fromString(key)).isNotNull();
    assertThat(requests).extracting(r -> r.getHeaders().get("Idempotency-Key")).containsOnly(key);
    assertThat(requests).extracting(r -> r.getBody().utf8()).containsOnly("{\"name\":\"Demo Company\"}");
  }

  @Test
  void eachPostGetsAFreshIdempotencyKey() throws InterruptedException {
    server.enqueue(json(201, COMPANY));
    server.enqueue(json(201, COMPANY));
    NectarClient nectar = client().build();

    nectar.companies().create(NewCompany.builder("A").build());
    nectar.companies().create(NewCompany.builder("B").build());

    List<RecordedRequest> requests = taken(2);
    assertThat(requests.get(0).getHeaders().get("Idempotency-Key"))
        .isNotEqualTo(requests.get(1).getHeaders().get("Idempotency-Key"));
  }

  @Test
  void requestOptionsChooseTheIdempotencyKey() throws InterruptedException {
    server.enqueue(status(503));
    server.enqueue(json(201, COMPANY));

    client().build().companies().create(NewCompany.builder("A").build(),
        RequestOptions.builder().idempotencyKey("order-17").build());

    assertThat(taken(2)).extracting(r -> r.getHeaders().get("Idempotency-Key")).containsExactly("order-17", "order-17");
  }

  @Test
  void aPostWithoutAnIdempotencyKeyIsNotRetriedOnA503() throws InterruptedException {
    server.enqueue(status(503));
    server.enqueue(json(201, COMPANY));

    NectarClient nectar = client().idempotencyKeys(IdempotencyKeys.NONE).build();
    assertThatThrownBy(() -> nectar.companies().create(NewCompany.builder("A").build()))
        .isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isNull();
  }

  @Test
  void aPatchIsNotRetriedOnA503() {
    server.enqueue(status(503));
    server.enqueue(json(COMPANY));

    NectarClient nectar = client().build();
    assertThatThrownBy(() -> nectar.companies().update(COMPANY_ID, CompanyUpdate.builder().name("B").build()))
        .isInstanceOf(ServerException.class).extracting(e -> ((ApiException) e).status()).isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a429IsRetriedEvenForAPatchBecauseTheServerDidNothing() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").body("{\"detail\": \"slow\"}").build());
    server.enqueue(json(COMPANY));

    client().build().companies().update(COMPANY_ID, CompanyUpdate.builder().name("B").build());

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("{\"detail\": \"slow\"}").build());
    server.enqueue(json(COMPANY));

    client().random(top()).build().companies().get(COMPANY_ID);

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonouredAgainstTheClientsClock() {
    String inNineSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(sleeper.instant().plusSeconds(9).atZone(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", inNineSeconds).build());
    server.enqueue(json(COMPANY));

    client().build().companies().get(COMPANY_ID);

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(9));
  }

  @Test
  void aLongRetryAfterIsCappedAtTheMaximumWait() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
    server.enqueue(json(COMPANY));

    client().maxRetryWait(Duration.ofSeconds(30)).build().companies().get(COMPANY_ID);

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void after429RetriesRunOutTheRateLimitExceptionCarriesRetryAfter() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2")
          .setHeader("X-Request-Id", "r-" + i).body("{\"detail\": \"Too many requests.\"}").build());
    }

    NectarClient nectar = client().maxRetries(2).build();
    assertThatThrownBy(() -> nectar.companies().get(COMPANY_ID))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
          assertThat(e.detail()).isEqualTo("Too many requests.");
          assertThat(e.requestId()).contains("r-2");
        });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a400IsNeverRetried() {
    server.enqueue(status(400));
    server.enqueue(json(COMPANY));

    NectarClient nectar = client().build();
    assertThatThrownBy(() -> nectar.companies().get(COMPANY_ID)).isInstanceOf(InvalidRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void a404IsNeverRetried() {
    server.enqueue(status(404));
    server.enqueue(json(COMPANY));

    NectarClient nectar = client().build();
    assertThatThrownBy(() -> nectar.companies().get(COMPANY_ID)).isInstanceOf(NotFoundException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a500IsNotRetriedBecauseTheServerMayHaveActed() {
    server.enqueue(status(500));
    server.enqueue(json(COMPANY));

    NectarClient nectar = client().build();
    assertThatThrownBy(() -> nectar.companies().get(COMPANY_ID)).isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void maxRetriesFromRequestOptionsOverridesTheClients() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(status(503));
    }

    NectarClient nectar = client().maxRetries(3).build();
    assertThatThrownBy(() -> nectar.companies().get(COMPANY_ID, RequestOptions.builder().maxRetries(1).build()))
        .isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aConnectionDroppedAfterSendingIsRetriedForAGet() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json(COMPANY));

    assertThat(client().build().companies().get(COMPANY_ID).name()).isEqualTo("Demo Company");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aConnectionDroppedAfterSendingIsNotRetriedForAPatch() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json(COMPANY));

    NectarClient nectar = client().build();
    assertThatThrownBy(() -> nectar.companies().update(COMPANY_ID, CompanyUpdate.builder().name("B").build()))
        .isInstanceOf(NetworkException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionIsRetriedThenReportedAsANetworkError() {
    String url = server.url("/v2.2").toString();
    server.close();

    NectarClient nectar = NectarClient.builder().apiKey("k").baseUrl(url).sleeper(sleeper).clock(sleeper)
        .maxRetries(2).build();
    assertThatThrownBy(() -> nectar.companies().list())
        .isInstanceOf(NetworkException.class)
        .isNotInstanceOf(ApiException.class);
    assertThat(sleeper.waits()).hasSize(2);
  }

  /** Always the same fraction of the range, so the waits are predictable. */
  private record FixedRandom(double fraction) implements RandomGenerator {
    @Override
    public long nextLong() {
      return 0;
    }

    @Override
    public double nextDouble() {
      return fraction;
    }
  }
}

package io.nectar.client;

import static io.nectar.client.Responses.COMPANY;
import static io.nectar.client.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeoutTest {
  private static final UUID ID = UUID.fromString("0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c");

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

  private static MockResponse stalled() {
    return new MockResponse.Builder().code(200).headersDelay(30, TimeUnit.SECONDS).body(COMPANY).build();
  }

  @Test
  void aRequestThatTimesOutIsANetworkErrorWithTheTimeoutAsCause() {
    server.enqueue(stalled());
    NectarClient nectar = NectarClient.builder().apiKey("k").baseUrl(server.url("/v2.2").toString())
        .timeout(Duration.ofMillis(300)).maxRetries(0).sleeper(sleeper).build();

    assertThatThrownBy(() -> nectar.companies().get(ID))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("timed out")
        .hasCauseInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aTimedOutGetIsRetried() {
    server.enqueue(stalled());
    server.enqueue(json(COMPANY));
    NectarClient nectar = NectarClient.builder().apiKey("k").baseUrl(server.url("/v2.2").toString())
        .timeout(Duration.ofMillis(300)).maxRetries(1).sleeper(sleeper).build();

    assertThat(nectar.companies().get(ID).name()).isEqualTo("Demo Company");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theTimeoutFromRequestOptionsReplacesTheClients() {
    server.enqueue(stalled());
    NectarClient nectar = NectarClient.builder().apiKey("k").baseUrl(server.url("/v2.2").toString())
        .timeout(Duration.ofMinutes(5)).maxRetries(0).sleeper(sleeper).build();

    assertThatThrownBy(() -> nectar.companies().get(ID, RequestOptions.builder().timeout(Duration.ofMillis(300)).build()))
        .isInstanceOf(NetworkException.class).hasCauseInstanceOf(HttpTimeoutException.class);
  }
}

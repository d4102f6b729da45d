package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.keys.KeyService;
import io.nectar.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Ctrl-C lets requests that are already running finish instead of cutting them off. */
class GracefulStopTest {

  @Test
  void aRequestInFlightWhenTheServerStopsStillGetsItsResponse() throws Exception {
    Jdbi jdbi = Jdbi.create(TestDatabase.freshDatabaseUrl(), "postgres", "");
    CountDownLatch entered = new CountDownLatch(1);
    HttpServer server = new HttpServer(new HttpServer.Settings(1024 * 1024, 20, 0), jdbi,
        new KeyService(jdbi, Clock.systemUTC(), java.util.UUID::randomUUID), Clock.systemUTC(), null, new byte[32],
        api -> { },
        routes -> routes.get("/slow", ctx -> {
          entered.countDown();
          Thread.sleep(1500);
          Json.respond(ctx, 200, Json.object().put("finished", true));
        }));
    server.start(0);

    CompletableFuture<HttpResponse<String>> response = HttpClient.newHttpClient().sendAsync(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/slow")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    server.stop();

    HttpResponse<String> completed = response.get(10, TimeUnit.SECONDS);
    assertThat(completed.statusCode()).isEqualTo(200);
    assertThat(completed.body()).contains("\"finished\":true");
  }
}

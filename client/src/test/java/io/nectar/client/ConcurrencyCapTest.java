package io.nectar.client;

import static io.nectar.client.Responses.COMPANY;
import static io.nectar.client.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyCapTest {
  private static final int CAP = 3;
  private static final int CALLS = 12;

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  /** The server holds every request until the test opens this. */
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Thread> callerThreads = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean released = release.await(30, TimeUnit.SECONDS);
        inFlight.decrementAndGet();
        return released ? json(COMPANY) : json(500, "{\"detail\": \"never released\"}");
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  /** Callers waiting for a free request slot: parked in the client's semaphore, not on the wire. */
  private long waitingForASlot() {
    return callerThreads.stream()
        .filter(thread -> Arrays.stream(thread.getStackTrace())
            .anyMatch(frame -> frame.getClassName().equals("java.util.concurrent.Semaphore")))
        .count();
  }

  @Test
  void theCallsBeyondTheCapWaitInTheClientWhileTheCapIsOnTheServer() throws Exception {
    NectarClient nectar = NectarClient.builder().apiKey("k").baseUrl(server.url("/v2.2").toString())
        .maxConcurrentRequests(CAP).maxRetries(0).build();
    ExecutorService callers = Executors.newFixedThreadPool(CALLS, task -> {
      Thread thread = new Thread(task);
      callerThreads.add(thread);
      return thread;
    });
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        calls.add(callers.submit(() -> nectar.companies().get(UUID.randomUUID())));
      }

      await().atMost(Duration.ofSeconds(20))
          .until(() -> inFlight.get() == CAP && waitingForASlot() == CALLS - CAP);
      assertThat(mostInFlight.get()).isEqualTo(CAP);

      release.countDown();
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }

    assertThat(server.getRequestCount()).isEqualTo(CALLS);
    assertThat(mostInFlight.get()).isEqualTo(CAP);
  }

  @Test
  void theDefaultCapIsTen() {
    NectarClient nectar = NectarClient.builder().apiKey("k").baseUrl(server.url("/v2.2").toString()).build();
    ExecutorService callers = Executors.newFixedThreadPool(15, task -> {
      Thread thread = new Thread(task);
      callerThreads.add(thread);
      return thread;
    });
    try {
      for (int i = 0; i < 15; i++) {
        callers.submit(() -> nectar.companies().get(UUID.randomUUID()));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> inFlight.get() == 10 && waitingForASlot() == 5);
      assertThat(mostInFlight.get()).isEqualTo(10);
    } finally {
      release.countDown();
      callers.shutdownNow();
    }
  }
}

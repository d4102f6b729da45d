package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PageGateTest {
  @Test
  void noMorePagesRunAtOnceThanItHasTurnsAndEveryPageRuns() throws Exception {
    PageGate gate = new PageGate(2, Duration.ofSeconds(30));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> pages = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        pages.add(pool.submit(() -> gate.run(() -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          sleep(30);
          running.decrementAndGet();
          done.incrementAndGet();
        })));
      }
      for (Future<?> page : pages) {
        page.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(done).hasValue(8);
    assertThat(most).hasValue(2);
  }

  @Test
  @Timeout(10) // a gate that never lets the page go ahead would hang here
  void aPageWhoseTurnDoesNotComeGoesAheadAfterTheLongestWait() throws Exception {
    PageGate gate = new PageGate(1, Duration.ofMillis(100));
    CountDownLatch slowReaderHasTheTurn = new CountDownLatch(1);
    CountDownLatch releaseSlowReader = new CountDownLatch(1);
    Thread slowReader = new Thread(() -> gate.run(() -> {
      slowReaderHasTheTurn.countDown();
      await(releaseSlowReader);
    }));
    slowReader.start();
    try {
      assertThat(slowReaderHasTheTurn.await(10, TimeUnit.SECONDS)).isTrue();
      AtomicInteger ran = new AtomicInteger();
      gate.run(ran::incrementAndGet); // returns although the slow reader still holds the only turn
      assertThat(ran).hasValue(1);
      assertThat(slowReader.isAlive()).isTrue();
    } finally {
      releaseSlowReader.countDown();
      slowReader.join(10_000);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

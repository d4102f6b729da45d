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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PageGateTest {
  @Test
  @Timeout(120)
  void noMorePagesRunAtOnceThanItHasTurnsAndEveryPageRuns() throws Exception {
    PageGate gate = new PageGate(2, Duration.ofMinutes(10)); // no page goes ahead by waiting out its turn here
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> pages = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        pages.add(pool.submit(() -> gate.run(() -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          await(release);
          running.decrementAndGet();
          done.incrementAndGet();
        })));
      }
      // Six pages queued in the gate is the signal that the other two hold both turns and no third got in.
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gate.waiting() == 6);
      assertThat(running).hasValue(2);
      assertThat(done).hasValue(0);

      release.countDown();
      for (Future<?> page : pages) {
        page.get(30, TimeUnit.SECONDS);
      }
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(done).hasValue(8);
    assertThat(most).hasValue(2);
    assertThat(gate.waiting()).isZero();
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

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

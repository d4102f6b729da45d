package io.nectar.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets as many list pages be read and written at once as the machine has processors; the others
 * wait their turn, in order. A page of a site's bills is megabytes of rows and JSON, and all CPU:
 * ten rendered side by side on two cores took half again as much CPU each (more garbage alive at
 * each collection, more switching) as two at a time, and made every one of them late.
 *
 * <p>A page is written to its client while it is rendered, so a client that reads slowly keeps its
 * turn. No page waits longer than {@code maxWait} for one: after that it goes ahead anyway, so a few
 * slow readers can delay other pages but not stop them.
 */
public final class PageGate {
  private final Semaphore turns;
  private final long maxWaitNanos;

  public PageGate(int concurrentPages, Duration maxWait) {
    this.turns = new Semaphore(concurrentPages, true);
    this.maxWaitNanos = maxWait.toNanos();
  }

  /** One per processor, each page waiting at most a second. */
  public static PageGate perProcessor() {
    return new PageGate(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(1));
  }

  /** How many pages are waiting for their turn now (an estimate while pages come and go). */
  int waiting() {
    return turns.getQueueLength();
  }

  public void run(Runnable page) {
    boolean turn;
    try {
      turn = turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to read a page", e);
    }
    try {
      page.run();
    } finally {
      if (turn) {
        turns.release();
      }
    }
  }
}

package io.nectar.cli;

import java.util.concurrent.CountDownLatch;

/** A one-way signal that a long-running command should end (Ctrl-C, or a test that is done). */
public final class Stop {
  private final CountDownLatch stopped = new CountDownLatch(1);

  public void stop() {
    stopped.countDown();
  }

  /** Blocks until {@link #stop()} is called. */
  public void await() throws InterruptedException {
    stopped.await();
  }
}

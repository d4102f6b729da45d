package io.nectar.app;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server has opened, closed newest first. Every close runs even when an earlier one fails,
 * and the failures are reported together (as Helidon's {@code LoomServer.stopIt} does): a database
 * that will not close must not leave the webhook worker running, nor hide why.
 */
final class Shutdown implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** Registers {@code resource} to be closed before everything registered earlier. */
  <T extends AutoCloseable> T add(T resource) {
    opened.push(resource);
    return resource;
  }

  /** Closes everything registered; throws one exception carrying every failure as suppressed. */
  @Override
  public void close() throws IOException {
    IOException failures = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        log.warn("Could not stop a part of the server cleanly", e);
        if (failures == null) {
          failures = new IOException("Could not stop the server cleanly");
        }
        failures.addSuppressed(e);
      }
    }
    if (failures != null) {
      throw failures;
    }
  }

  /** After a failed start: closes everything opened so far and attaches any close failure to {@code cause}. */
  void closeAfter(Throwable cause) {
    try {
      close();
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}

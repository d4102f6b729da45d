package io.nectar.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads files several at a time and hands each outcome on in the order the files were given, so a report
 * reads the same whatever finished first.
 */
final class InputOrder {
  /** What reading one file gives; an unreadable file is an outcome, not an exception. */
  @FunctionalInterface
  interface Read<T> {
    T apply(Path file) throws IOException;
  }

  /** What is done with each outcome, on the calling thread, in input order. */
  @FunctionalInterface
  interface Use<T> {
    void accept(Path file, T outcome) throws IOException;
  }

  private InputOrder() {}

  static <T> void readAll(List<Path> files, int parallel, Read<T> read, Use<T> use) throws IOException {
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, files.size())), task -> {
      Thread thread = new Thread(task, "nectar-parse-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<T>> outcomes = new ArrayList<>(files.size());
      for (Path file : files) {
        outcomes.add(pool.submit(() -> read.apply(file)));
      }
      for (int i = 0; i < files.size(); i++) {
        use.accept(files.get(i), await(outcomes.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T await(Future<T> outcome) throws IOException {
    try {
      return outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the files", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new UncheckedIOException(new IOException(cause));
    }
  }
}

package io.nectar.jobs;

import io.nectar.parsing.BillReader;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * What reads and files the uploads, and how hard the worker runs: the bill reader, the filing made
 * from the server's services, the authorities trusted when fetching bulk URLs, and the worker's
 * settings. A server without a reader still accepts uploads; their jobs FAIL with the reason.
 */
public final class UploadEngine {
  /**
   * The worker's tunables.
   *
   * @param concurrency files read at once by this server (each may run OCR processes)
   * @param lease how long a claim lasts without renewal: a dead worker's file is taken again after it
   * @param pollInterval how often idle workers look for files other servers queued
   * @param maxAttempts claims of one file before it FAILS (a file that kills the worker each time)
   * @param fetchTimeout the whole download of one bulk URL, redirects included
   */
  public record Settings(int concurrency, Duration lease, Duration pollInterval, int maxAttempts,
      Duration fetchTimeout) {
    public Settings {
      if (concurrency < 1 || maxAttempts < 1) {
        throw new IllegalArgumentException("concurrency and maxAttempts must be at least 1");
      }
      if (lease.compareTo(Duration.ofMillis(300)) < 0) {
        throw new IllegalArgumentException("the lease must be at least 300 ms: it is renewed every third of it");
      }
    }

    public static Settings defaults() {
      return new Settings(Math.max(1, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(30),
          Duration.ofSeconds(1), 3, Duration.ofSeconds(60));
    }
  }

  private final BillReader reader;
  private final Function<FilingServices, BillFiling> filing;
  private final SSLContext fetchTrust;
  private final Settings settings;

  UploadEngine(BillReader reader, Function<FilingServices, BillFiling> filing, SSLContext fetchTrust,
      Settings settings) {
    this.reader = reader;
    this.filing = filing;
    this.fetchTrust = fetchTrust;
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The server's engine: {@code reader} reads each upload and a {@link BillFiler} files it. */
  public static UploadEngine reading(BillReader reader) {
    return new UploadEngine(Objects.requireNonNull(reader, "reader"), s -> new BillFiler(s.jdbi(), s.clock(), s.ids(),
        s.sites(), s.accounts(), s.meters(), s.documents(), s.usage()), null, Settings.defaults());
  }

  /** No reader: uploads are accepted and stored, and each job FAILS saying so. */
  public static UploadEngine unavailable() {
    return new UploadEngine(null, null, null, Settings.defaults());
  }

  /** The same engine with other worker settings. */
  public UploadEngine with(Settings other) {
    return new UploadEngine(reader, filing, fetchTrust, other);
  }

  /** The same engine trusting {@code tls}'s authorities (instead of the JVM's) when fetching bulk URLs. */
  public UploadEngine trusting(SSLContext tls) {
    return new UploadEngine(reader, filing, tls, settings);
  }

  BillReader reader() {
    return reader;
  }

  BillFiling filing(FilingServices services) {
    return filing == null ? null : filing.apply(services);
  }

  SSLContext fetchTrust() {
    return fetchTrust;
  }

  public Settings settings() {
    return settings;
  }
}

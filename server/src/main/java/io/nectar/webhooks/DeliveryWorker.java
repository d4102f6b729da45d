package io.nectar.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nectar.config.CredentialCipher;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds. One thread claims due deliveries in the database, hands each to the
 * asynchronous transport (many in flight at once), and records finished attempts in batches. It
 * wakes on {@code NOTIFY} from any process's commit, and polls besides, for retries that come due
 * and for a missed notification. Delivery is at least once: a claim is a lease, and a process that
 * dies mid-attempt leaves the delivery to be claimed again when the lease runs out.
 */
public final class DeliveryWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  static final int MAX_IN_FLIGHT = 64;
  private static final Duration POLL = Duration.ofMillis(500);

  /** The delivery rules: the wait before each attempt after the first, and the failure window. */
  public record Settings(List<Duration> retrySchedule, Duration disableAfter, Duration timeout) {}

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final CredentialCipher cipher;
  private final WebhookTransport transport;
  private final Settings settings;
  private final Duration lease;
  private final DeliveryStore store = new DeliveryStore();
  private final ConcurrentLinkedQueue<DeliveryStore.Outcome> finished = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Semaphore wake = new Semaphore(0);
  private final Counter succeeded;
  private final Counter failed;
  private volatile boolean running;
  private Thread worker;
  private Thread listener;

  public DeliveryWorker(Jdbi jdbi, DataSource dataSource, Clock clock, Supplier<UUID> ids, CredentialCipher cipher,
      WebhookTransport transport, Settings settings, MeterRegistry meters) {
    this.jdbi = jdbi;
    this.succeeded = Counter.builder("nectar.webhook.attempts").tag("outcome", "succeeded")
        .description("Webhook delivery attempts").register(meters);
    this.failed = Counter.builder("nectar.webhook.attempts").tag("outcome", "failed")
        .description("Webhook delivery attempts").register(meters);
    Gauge.builder("nectar.webhook.in.flight", inFlight, AtomicInteger::get)
        .description("Webhook deliveries being sent by this process").register(meters);
    this.dataSource = dataSource;
    this.clock = clock;
    this.ids = ids;
    this.cipher = cipher;
    this.transport = transport;
    this.settings = settings;
    // Longer than any attempt can take, so a live worker never loses a delivery it is sending.
    this.lease = settings.timeout().multipliedBy(2).plusSeconds(5);
  }

  public synchronized void start() {
    running = true;
    worker = new Thread(this::run, "webhook-delivery");
    worker.setDaemon(true);
    worker.start();
    listener = new Thread(this::listen, "webhook-listen");
    listener.setDaemon(true);
    listener.start();
  }

  private void run() {
    while (running) {
      try {
        List<DeliveryStore.Outcome> finishedNow = drainFinished();
        List<DeliveryStore.Claimed> claimed = recordAndClaim(finishedNow);
        claimed.forEach(this::send);
        if (finishedNow.isEmpty() && claimed.isEmpty()) {
          wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Webhook delivery round failed; trying again shortly", e);
        sleep(POLL);
      }
    }
  }

  private List<DeliveryStore.Outcome> drainFinished() {
    List<DeliveryStore.Outcome> batch = new ArrayList<>();
    for (DeliveryStore.Outcome o; (o = finished.poll()) != null; ) {
      batch.add(o);
    }
    return batch;
  }

  /**
   * Records the finished attempts and claims what is due, in one transaction per round, run again if
   * PostgreSQL aborts it for a deadlock. It commits without waiting for the disk: if a crash loses
   * it, the deliveries it recorded or claimed are simply claimed and sent again once their lease
   * ends, which at-least-once delivery allows.
   */
  private List<DeliveryStore.Claimed> recordAndClaim(List<DeliveryStore.Outcome> outcomes) {
    int room = running ? MAX_IN_FLIGHT - inFlight.get() : 0; // a stopping worker only records
    if (outcomes.isEmpty() && room <= 0) {
      return List.of();
    }
    try {
      return Transactions.inTransaction(jdbi, h -> {
        h.execute("set local synchronous_commit = off");
        if (!outcomes.isEmpty()) {
          store.record(h, outcomes, settings.retrySchedule(), settings.disableAfter());
        }
        Instant now = now();
        return room > 0 ? store.claim(h, now, now.plus(lease), room) : List.<DeliveryStore.Claimed>of();
      });
    } catch (RuntimeException e) {
      // The attempts go unrecorded; their deliveries stay claimed until the lease ends and are then
      // sent again, so nothing is lost, and a batch that cannot be written is not retried forever.
      log.warn("Could not record {} webhook attempt(s); they will be retried when their claims expire",
          outcomes.size(), e);
      return List.of();
    }
  }

  private void send(DeliveryStore.Claimed d) {
    inFlight.incrementAndGet();
    Instant attemptedAt = now();
    post(d, attemptedAt).whenComplete((result, error) -> {
      DeliveryResult outcome = result != null ? result : new DeliveryResult(null, 0, null, "Internal error: " + error);
      (outcome.succeeded() ? succeeded : failed).increment();
      finished.add(new DeliveryStore.Outcome(d, ids.get(), attemptedAt, outcome));
      inFlight.decrementAndGet();
      wake.release();
    });
  }

  /** Signs and posts; a delivery that cannot be signed is a failed attempt, logged and retried like any other. */
  private CompletableFuture<DeliveryResult> post(DeliveryStore.Claimed d, Instant attemptedAt) {
    byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers;
    try {
      headers = WebhookSigner.headers(d.secrets().open(cipher, d.endpointId(), attemptedAt),
          d.messageId().toString(), attemptedAt.getEpochSecond(), body);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new DeliveryResult(null, 0, null,
          "Could not sign the message: " + e.getMessage()));
    }
    return transport.post(d.url(), headers, body);
  }

  /** Holds a connection that LISTENs for commits of outbox messages, and wakes the worker on each. */
  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("listen " + Outbox.CHANNEL);
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          var notifications = pg.getNotifications((int) POLL.toMillis());
          if (notifications != null && notifications.length > 0) {
            wake.release();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("Lost the webhook notification connection; polling until it is back", e);
          sleep(Duration.ofSeconds(1));
        }
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Stops claiming, waits briefly for attempts in flight and records them; anything still unsent
   * keeps its lease and goes out from whichever process claims it next.
   */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    wake.release();
    try {
      worker.join(5_000);
      listener.interrupt();
      listener.join(2_000);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      recordAndClaim(drainFinished());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("Could not record the last webhook attempts before stopping", e);
    }
  }
}

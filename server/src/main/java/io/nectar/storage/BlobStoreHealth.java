package io.nectar.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store of files answers, for {@code /readyz}: {@link BlobStore#check} at most once per
 * {@link #FRESH_FOR}, so that a load balancer probing every second costs the store one request per
 * few seconds per server. While one probe refreshes, the others answer with the last result instead
 * of queueing behind a slow store; a change is logged once.
 */
public final class BlobStoreHealth {
  static final Duration FRESH_FOR = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(BlobStoreHealth.class);

  private final BlobStore blobs;
  private final Clock clock;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Result last;

  /** {@code problem}: the operator's one line when the store failed its check. */
  private record Result(Instant checkedAt, Optional<String> problem) {}

  public BlobStoreHealth(BlobStore blobs, Clock clock) {
    this.blobs = blobs;
    this.clock = clock;
  }

  /** Empty when the store answers; else the one-line problem (which names the setting). */
  public Optional<String> problem() {
    Result known = last;
    if (known != null && !isStale(known)) {
      return known.problem();
    }
    if (known != null && !refreshing.tryLock()) {
      return known.problem(); // another probe is asking the store right now
    }
    if (known == null) {
      refreshing.lock(); // the first answer must be a real one
    }
    try {
      Result current = last;
      if (current != null && !isStale(current)) {
        return current.problem();
      }
      Result fresh = new Result(clock.instant(), check());
      if (current == null || !current.problem().equals(fresh.problem())) {
        fresh.problem().ifPresentOrElse(
            p -> log.warn("Stored files are unavailable: {}", p),
            () -> {
              if (current != null) {
                log.info("Stored files are available again");
              }
            });
      }
      last = fresh;
      return fresh.problem();
    } finally {
      refreshing.unlock();
    }
  }

  private boolean isStale(Result result) {
    Instant now = clock.instant();
    // A clock set back counts as stale too, so a test or an NTP step cannot freeze the answer.
    return now.isBefore(result.checkedAt()) || !now.isBefore(result.checkedAt().plus(FRESH_FOR));
  }

  private Optional<String> check() {
    try {
      blobs.check();
      return Optional.empty();
    } catch (BlobStoreUnavailable e) {
      return Optional.of(e.getMessage());
    } catch (RuntimeException e) {
      return Optional.of("the store failed its check: " + e);
    }
  }
}

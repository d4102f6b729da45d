package io.nectar.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreHealthTest {
  @TempDir
  Path dir;

  private final TestClock clock = new TestClock();
  private final AtomicInteger checks = new AtomicInteger();
  private final AtomicReference<BlobStoreUnavailable> failure = new AtomicReference<>();

  /** The folder store, counting its checks and failing them while {@code failure} is set. */
  private BlobStore store() {
    FileBlobStore real = new FileBlobStore(dir);
    return new BlobStore() {
      @Override
      public void check() {
        checks.incrementAndGet();
        if (failure.get() != null) {
          throw failure.get();
        }
        real.check();
      }

      @Override
      public void put(String key, byte[] bytes, String contentType) {
        real.put(key, bytes, contentType);
      }

      @Override
      public java.util.Optional<Blob> get(String key) {
        return real.get(key);
      }

      @Override
      public java.util.Optional<Blob> get(String key, long first, long last) {
        return real.get(key, first, last);
      }

      @Override
      public boolean delete(String key) {
        return real.delete(key);
      }

      @Override
      public java.util.Optional<BlobInfo> head(String key) {
        return real.head(key);
      }

      @Override
      public void forEachKey(String prefix, java.util.function.Consumer<String> action) {
        real.forEachKey(prefix, action);
      }

      @Override
      public java.util.Optional<String> presignedGet(String key, Duration validFor) {
        return real.presignedGet(key, validFor);
      }
    };
  }

  @Test
  void theStoreIsAskedAtMostOnceInAFewSeconds() {
    BlobStoreHealth health = new BlobStoreHealth(store(), clock);

    assertThat(health.problem()).isEmpty();
    assertThat(health.problem()).isEmpty();
    clock.advance(BlobStoreHealth.FRESH_FOR.minusMillis(1));
    assertThat(health.problem()).isEmpty();
    assertThat(checks).hasValue(1);

    clock.advance(Duration.ofMillis(1));
    assertThat(health.problem()).isEmpty();
    assertThat(checks).hasValue(2);
  }

  @Test
  void aFailureIsReportedWithItsSettingOnceItIsAskedAgainAndSoIsTheRecovery() {
    BlobStoreHealth health = new BlobStoreHealth(store(), clock);
    assertThat(health.problem()).isEmpty();

    failure.set(new BlobStoreUnavailable("NECTAR_BLOB_URL", "bucket 'x' does not exist"));
    assertThat(health.problem()).as("the last answer, still fresh").isEmpty();
    clock.advance(BlobStoreHealth.FRESH_FOR);
    assertThat(health.problem()).contains("NECTAR_BLOB_URL: bucket 'x' does not exist");

    failure.set(null);
    clock.advance(BlobStoreHealth.FRESH_FOR);
    assertThat(health.problem()).isEmpty();
  }
}

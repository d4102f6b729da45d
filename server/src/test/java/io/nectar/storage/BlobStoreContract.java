package io.nectar.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} promises, run against each implementation by a subclass: the folder
 * store and the S3 store must be interchangeable for everything above them.
 */
abstract class BlobStoreContract {
  protected BlobStore store;

  /** A new, empty store for one test. */
  protected abstract BlobStore newStore() throws Exception;

  /** A store of the same kind that cannot be used (its folder blocked, its secret wrong). */
  protected abstract BlobStore unusableStore() throws Exception;

  /** The setting {@link BlobStore#check} names for {@link #unusableStore()}. */
  protected abstract String settingOfUnusableStore();

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @Test
  void aStoredBlobComesBackWithItsBytesAndType() {
    store.put("documents/one/bill.pdf", bytes("%PDF-1.7 a bill"), "application/pdf");

    BlobStore.Blob blob = store.get("documents/one/bill.pdf").orElseThrow();

    assertThat(blob.bytes()).isEqualTo(bytes("%PDF-1.7 a bill"));
    assertThat(blob.contentType()).isEqualTo("application/pdf");
  }

  @Test
  void withoutATypeTheExtensionDecides() {
    store.put("exports/usage.csv", bytes("a,b\n1,2\n"), null);

    assertThat(store.get("exports/usage.csv").orElseThrow().contentType()).isEqualTo("text/csv; charset=utf-8");
  }

  @Test
  void aMissingBlobIsEmptyEverywhere() {
    assertThat(store.get("nothing/here.pdf")).isEmpty();
    assertThat(store.get("nothing/here.pdf", 0, 10)).isEmpty();
    assertThat(store.head("nothing/here.pdf")).isEmpty();
    assertThat(store.delete("nothing/here.pdf")).isFalse();
  }

  @Test
  void puttingAgainReplacesTheBytesAndTheType() {
    store.put("a/file.bin", bytes("first version, longer"), "application/octet-stream");
    store.put("a/file.bin", bytes("second"), "image/png");

    BlobStore.Blob blob = store.get("a/file.bin").orElseThrow();
    assertThat(blob.bytes()).isEqualTo(bytes("second"));
    assertThat(blob.contentType()).isEqualTo("image/png");
    assertThat(store.head("a/file.bin").orElseThrow())
        .isEqualTo(new BlobStore.BlobInfo(6, "image/png", sha256(bytes("second"))));
  }

  @Test
  void anEmptyBlobIsABlob() {
    store.put("empty.txt", new byte[0], null);

    assertThat(store.get("empty.txt").orElseThrow().bytes()).isEmpty();
    assertThat(store.head("empty.txt").orElseThrow().size()).isZero();
  }

  @Test
  void deletingRemovesTheBlobAndSaysWhetherThereWasOne() {
    store.put("a/b.pdf", bytes("x"), null);
    store.put("a/c.pdf", bytes("y"), null);

    assertThat(store.delete("a/b.pdf")).isTrue();
    assertThat(store.delete("a/b.pdf")).isFalse();
    assertThat(store.get("a/b.pdf")).isEmpty();
    assertThat(store.get("a/c.pdf")).isPresent();
  }

  @Test
  void headGivesSizeTypeAndTheSha256OfTheBytes() {
    byte[] bill = bytes("%PDF-1.4 a bill of some length " + "x".repeat(70_000));
    store.put("bills/b.pdf", bill, null);

    assertThat(store.head("bills/b.pdf"))
        .contains(new BlobStore.BlobInfo(bill.length, "application/pdf", sha256(bill)));
  }

  @Test
  void aRangeGivesThoseBytesInclusiveClippedToTheEnd() {
    store.put("r/digits.txt", bytes("0123456789"), null);

    assertThat(range("r/digits.txt", 2, 5)).isEqualTo("2345");
    assertThat(range("r/digits.txt", 0, 0)).isEqualTo("0");
    assertThat(range("r/digits.txt", 9, 9)).isEqualTo("9");
    assertThat(range("r/digits.txt", 7, 1_000)).isEqualTo("789");
    assertThat(range("r/digits.txt", 0, Long.MAX_VALUE)).isEqualTo("0123456789");
    assertThat(store.get("r/digits.txt", 3, 4).orElseThrow().contentType()).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  void aRangePastTheEndHasNoBytesButTheBlobIsThere() {
    store.put("r/short.txt", bytes("abc"), null);

    assertThat(store.get("r/short.txt", 3, 10).orElseThrow().bytes()).isEmpty();
    assertThat(store.get("r/short.txt", 100, 200).orElseThrow().bytes()).isEmpty();
  }

  @Test
  void aBackwardsOrNegativeRangeIsRefused() {
    store.put("r/x.txt", bytes("abc"), null);

    assertThatThrownBy(() -> store.get("r/x.txt", 2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get("r/x.txt", -1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyKeyIsListedInAscendingOrderWithoutHelperFiles() {
    // '-' and '.' sort before '/', so a folder's keys do not simply follow its name.
    List<String> keys = List.of("a/b.pdf", "a-c.pdf", "a.pdf", "b/c/d.pdf", "a/a.pdf", "a/b/c.pdf.txt", "ab.pdf");
    for (String key : keys) {
      store.put(key, bytes(key), null);
    }

    assertThat(keysUnder("")).containsExactlyElementsOf(keys.stream().sorted().toList());
  }

  @Test
  void onlyKeysStartingWithThePrefixAreListed() {
    for (String key : List.of("a/b.pdf", "a-c.pdf", "a/a.pdf", "b/c/d.pdf", "ab/x.pdf", "b/cd.pdf")) {
      store.put(key, bytes(key), null);
    }

    assertThat(keysUnder("a/")).containsExactly("a/a.pdf", "a/b.pdf");
    assertThat(keysUnder("a")).containsExactly("a-c.pdf", "a/a.pdf", "a/b.pdf", "ab/x.pdf");
    assertThat(keysUnder("b/c")).containsExactly("b/c/d.pdf", "b/cd.pdf");
    assertThat(keysUnder("b/c/")).containsExactly("b/c/d.pdf");
    assertThat(keysUnder("z")).isEmpty();
  }

  @Test
  void aDeletedKeyIsNoLongerListed() {
    store.put("k/one.pdf", bytes("1"), null);
    store.put("k/two.pdf", bytes("2"), null);
    store.delete("k/one.pdf");

    assertThat(keysUnder("")).containsExactly("k/two.pdf");
  }

  /**
   * Writers replace one key with two versions of different sizes while readers read it: every read
   * is one whole version, never a mix or a cut.
   */
  @Test
  void concurrentWritersOfOneKeyLeaveReadersOneWholeVersion() throws Exception {
    byte[] a = new byte[96 * 1024];
    Arrays.fill(a, (byte) 'a');
    byte[] b = new byte[160 * 1024];
    Arrays.fill(b, (byte) 'b');
    store.put("race/bill.pdf", a, null);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      CountDownLatch go = new CountDownLatch(1);
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger reads = new AtomicInteger();
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        byte[] mine = w % 2 == 0 ? b : a;
        byte[] other = w % 2 == 0 ? a : b;
        writers.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < 8; i++) {
            store.put("race/bill.pdf", i % 2 == 0 ? mine : other, null);
          }
          return null;
        }));
      }
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        readers.add(pool.submit(() -> {
          go.await();
          do {
            byte[] seen = store.get("race/bill.pdf").orElseThrow().bytes();
            assertThat(Arrays.equals(seen, a) || Arrays.equals(seen, b))
                .as("a read of %d bytes is one whole version", seen.length).isTrue();
            reads.incrementAndGet();
          } while (writing.get());
          return null;
        }));
      }
      go.countDown();
      for (Future<?> writer : writers) {
        writer.get(2, TimeUnit.MINUTES);
      }
      writing.set(false);
      for (Future<?> reader : readers) {
        reader.get(2, TimeUnit.MINUTES);
      }
      assertThat(reads.get()).isPositive();
      byte[] last = store.get("race/bill.pdf").orElseThrow().bytes();
      assertThat(Arrays.equals(last, a) || Arrays.equals(last, b)).isTrue();
      assertThat(store.head("race/bill.pdf").orElseThrow().sha256()).isEqualTo(sha256(last));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invalidKeysAreRefusedBeforeAnyRequest() {
    for (String key : List.of("../escape.pdf", "/absolute.pdf", "a//b.pdf", "a/./b.pdf", "sp ace.pdf", "a\\b.pdf")) {
      assertThatThrownBy(() -> store.put(key, bytes("x"), null)).as(key).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.get(key)).as(key).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.presignedGet(key, java.time.Duration.ofHours(1))).as(key)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aUsableStorePassesItsCheck() {
    store.check();
  }

  @Test
  void anUnusableStoreFailsItsCheckNamingTheSetting() throws Exception {
    BlobStore unusable = unusableStore();

    assertThatThrownBy(unusable::check)
        .isInstanceOfSatisfying(BlobStoreUnavailable.class,
            e -> assertThat(e.setting()).isEqualTo(settingOfUnusableStore()))
        .hasMessageStartingWith(settingOfUnusableStore() + ": ")
        .hasMessageNotContaining("\n");
  }

  protected final String range(String key, long first, long last) {
    return new String(store.get(key, first, last).orElseThrow().bytes(), UTF_8);
  }

  protected final List<String> keysUnder(String prefix) {
    List<String> keys = new ArrayList<>();
    store.forEachKey(prefix, keys::add);
    return keys;
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  /** Computed here rather than by the code under test. */
  protected static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

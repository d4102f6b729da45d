package io.nectar.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nectar.keys.Environment;
import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderAccount;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.testing.Fixtures;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import io.nectar.testing.WrappedSandbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Background collection survives what happens to server processes (the promise of
 * {@link BackgroundJobs}): a server that dies in the middle of a collection leaves it to the next
 * one, which finishes it without duplicating anything; and several servers on one database run
 * each collection exactly once.
 *
 * <p>A "crash" here is a server closed while its worker is stuck inside the provider: the
 * scheduler gives up waiting for it, the database pool closes, and only then is the worker let go
 * (it fails at once), so the claimed execution stays claimed in the database, as after a kill.
 */
class CollectionRecoveryTest {
  /** Servers sharing a database must share the key that seals the stored passwords. */
  private static final String SECRET = "collection-recovery-test-secret-0123456789abcdef";
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private static Map<String, String> settings(Path dataDir) {
    return Map.of("NECTAR_SECRET_KEY", SECRET, "NECTAR_DATA_DIR", dataDir.toString());
  }

  // ---------------------------------------------------------------- counts

  /** The rows one connection's collection makes. */
  record Counts(long accounts, long meters, long documents, long usageData, long lineItems, long demandReadings,
      long intervalReadings) {

    static Counts of(Collection c) {
      return new Counts(
          c.accounts().size(),
          c.accounts().stream().mapToLong(a -> a.meters().size()).sum(),
          c.bills().size(),
          c.bills().stream().mapToLong(b -> b.usage().size()).sum(),
          c.bills().stream().mapToLong(b -> b.lineItems().size()).sum(),
          c.bills().stream().mapToLong(b -> b.demand().size()).sum(),
          c.intervals().size());
    }
  }

  /** What the sandbox itself returns for the request, untouched by any test hook. */
  private static Counts expected(CollectionRequest request) {
    assertThat(request).as("the provider was asked").isNotNull();
    return Counts.of(new SandboxProvider().collect(request));
  }

  private static Counts stored(String databaseUrl, String connectionId) {
    return new Counts(
        count(databaseUrl, "select count(*) from account where connection_id = ?", connectionId),
        count(databaseUrl, "select count(*) from meter where connection_id = ?", connectionId),
        count(databaseUrl, "select count(*) from document where connection_id = ?", connectionId),
        count(databaseUrl, "select count(*) from usage_data where connection_id = ?", connectionId),
        count(databaseUrl, "select count(*) from line_item l join document d on d.id = l.document_id "
            + "where d.connection_id = ?", connectionId),
        count(databaseUrl, "select count(*) from demand_reading r join document d on d.id = r.document_id "
            + "where d.connection_id = ?", connectionId),
        count(databaseUrl, "select count(*) from interval_reading where connection_id = ?", connectionId));
  }

  /** Rows that would only exist if something had been stored twice. */
  private static long duplicates(String databaseUrl) {
    return count(databaseUrl, "select count(*) from (select document_id, position from usage_data "
        + "group by 1, 2 having count(*) > 1) u", null)
        + count(databaseUrl, "select count(*) from (select document_id, position from line_item "
        + "group by 1, 2 having count(*) > 1) l", null)
        + count(databaseUrl, "select count(*) from (select document_id, position from demand_reading "
        + "group by 1, 2 having count(*) > 1) d", null)
        + count(databaseUrl, "select count(*) from (select connection_id, provider_key from document "
        + "group by 1, 2 having count(*) > 1) x", null)
        + count(databaseUrl, "select count(*) from (select meter_id, start_at from interval_reading "
        + "group by 1, 2 having count(*) > 1) i", null);
  }

  /** A query on the database directly, with no server running on it (or beside the ones that are). */
  private static long count(String databaseUrl, String sql, String id) {
    try (Connection c = DriverManager.getConnection(databaseUrl); PreparedStatement s = c.prepareStatement(sql)) {
      if (id != null) {
        s.setObject(1, UUID.fromString(id));
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a collect-connection execution for the connection is in the table, and claimed. */
  private static String collectExecution(String databaseUrl, String connectionId) {
    try (Connection c = DriverManager.getConnection(databaseUrl); PreparedStatement s = c.prepareStatement(
        "select picked from scheduled_tasks where task_name = 'collect-connection' and task_instance = ?")) {
      s.setString(1, connectionId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? (rs.getBoolean(1) ? "claimed" : "waiting") : "none";
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitFinished(String databaseUrl, List<String> connectionIds) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      for (String id : connectionIds) {
        assertThat(count(databaseUrl, "select count(*) from connection where id = ? and collected_at is not null", id))
            .as("connection %s collected", id).isEqualTo(1);
        assertThat(collectExecution(databaseUrl, id)).as("execution of %s done", id).isEqualTo("none");
      }
    });
  }

  // ---------------------------------------------------------------- a worker held inside the provider

  /** Waits for the latch however often the thread is interrupted (a stuck call ignores interrupts). */
  private static void holdUntil(CountDownLatch release) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (release.getCount() > 0 && System.nanoTime() < deadline) {
      try {
        release.await(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Holds the first collect() inside the provider until released, then fails it. */
  private static BiFunction<CollectionRequest, Collection, Collection> stuckInCollect(CountDownLatch entered,
      CountDownLatch release) {
    AtomicBoolean first = new AtomicBoolean(true);
    return (request, collection) -> {
      if (first.compareAndSet(true, false)) {
        entered.countDown();
        holdUntil(release);
        throw new IllegalStateException("server A died inside collect()");
      }
      return collection;
    };
  }

  /**
   * Lets the first collect() return, but its bill list holds the worker when the ingestion reaches
   * bill {@code index} (after the earlier bills were committed), then fails it.
   */
  private static BiFunction<CollectionRequest, Collection, Collection> stuckWhileStoring(int index,
      CountDownLatch entered, CountDownLatch release) {
    AtomicBoolean first = new AtomicBoolean(true);
    return (request, collection) -> {
      if (!first.compareAndSet(true, false)) {
        return collection;
      }
      List<ProviderBill> bills = collection.bills();
      assertThat(bills.size()).isGreaterThan(index + 1);
      AtomicBoolean held = new AtomicBoolean();
      List<ProviderBill> holding = new AbstractList<>() {
        @Override
        public ProviderBill get(int i) {
          if (i == index && held.compareAndSet(false, true)) {
            entered.countDown();
            holdUntil(release);
            throw new IllegalStateException("server A died while storing bill " + i);
          }
          return bills.get(i);
        }

        @Override
        public int size() {
          return bills.size();
        }
      };
      return new Collection(collection.accounts(), holding, collection.intervals());
    };
  }

  /** Server A on a fresh database starts one connection's collection and dies inside it; returns what it left. */
  private record Crashed(String databaseUrl, Path dataDir, String key, String connectionId,
      WrappedSandbox provider, CountDownLatch release) {}

  private static Crashed crashDuringCollection(int months,
      BiFunction<CountDownLatch, CountDownLatch, BiFunction<CollectionRequest, Collection, Collection>>
          hook) throws InterruptedException {
    String databaseUrl = TestDatabase.freshDatabaseUrl();
    Path dataDir = TestServer.tempDir();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WrappedSandbox provider = new WrappedSandbox(hook.apply(entered, release));
    String key;
    String connectionId;
    TestServer a = TestServer.start(settings(dataDir), new ProviderRegistry(provider), databaseUrl);
    try {
      Fixtures fixtures = new Fixtures(a);
      key = a.tenant("Recovery Org", Environment.SANDBOX).key();
      String company = fixtures.company(key, "Interrupted");
      connectionId = fixtures.sandboxConnection(key, company, List.of(fixtures.site(key, company, "Only site")),
          months, "");
      assertThat(entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the collection started").isTrue();
    } finally {
      a.close(); // gives up on the stuck worker after its shutdown wait, then closes the database pool
    }
    return new Crashed(databaseUrl, dataDir, key, connectionId, provider, release);
  }

  @Test
  void aCollectionCutOffInsideTheProviderIsRunAgainByTheNextServerAndCompletedOnce() throws Exception {
    Crashed crashed = crashDuringCollection(3, CollectionRecoveryTest::stuckInCollect);
    String db = crashed.databaseUrl();
    String id = crashed.connectionId();
    assertThat(collectExecution(db, id)).as("the dead server's execution").isEqualTo("claimed");
    assertThat(stored(db, id)).isEqualTo(new Counts(0, 0, 0, 0, 0, 0, 0));
    crashed.release().countDown(); // the stuck worker fails into a closed pool: it writes nothing more

    WrappedSandbox healthy = new WrappedSandbox();
    try (TestServer b = TestServer.start(settings(crashed.dataDir()), new ProviderRegistry(healthy), db)) {
      awaitFinished(db, List.of(id));

      Counts expected = expected(healthy.request(UUID.fromString(id)));
      assertThat(expected.documents()).isEqualTo(15);
      assertThat(stored(db, id)).isEqualTo(expected);
      assertThat(duplicates(db)).isZero();
      assertThat(crashed.provider().calls(UUID.fromString(id))).isEqualTo(1);
      assertThat(healthy.calls(UUID.fromString(id))).isEqualTo(1);
      assertThat(b.get("/v2.2/connection/" + id + "/details", crashed.key()).json().get("accounts")).hasSize(5);
    }
  }

  @Test
  void aCollectionCutOffAfterSomeBillsWereStoredIsFinishedByTheNextServerWithoutDuplicates() throws Exception {
    int holdAt = 30; // bills are committed 25 at a time: the first 25 are in, the next batch is not
    Crashed crashed = crashDuringCollection(12, (entered, release) -> stuckWhileStoring(holdAt, entered, release));
    String db = crashed.databaseUrl();
    String id = crashed.connectionId();
    Counts expected = expected(crashed.provider().request(UUID.fromString(id)));
    Counts partial = stored(db, id);
    assertThat(collectExecution(db, id)).as("the dead server's execution").isEqualTo("claimed");
    assertThat(partial.accounts()).isEqualTo(expected.accounts());
    assertThat(partial.meters()).isEqualTo(expected.meters());
    assertThat(partial.documents()).as("some bills stored, not all").isPositive().isLessThan(expected.documents());
    assertThat(partial.intervalReadings()).isZero();
    crashed.release().countDown();

    WrappedSandbox healthy = new WrappedSandbox();
    try (TestServer b = TestServer.start(settings(crashed.dataDir()), new ProviderRegistry(healthy), db)) {
      awaitFinished(db, List.of(id));

      assertThat(expected(healthy.request(UUID.fromString(id)))).isEqualTo(expected);
      assertThat(stored(db, id)).isEqualTo(expected);
      assertThat(duplicates(db)).isZero();
      assertThat(healthy.calls(UUID.fromString(id))).isEqualTo(1);
      var details = b.get("/v2.2/connection/" + id + "/details", crashed.key()).json();
      assertThat(details.get("accounts")).hasSize((int) expected.accounts());
    }
  }

  // ---------------------------------------------------------------- two servers, one database

  @Test
  void twoServersOnOneDatabaseRunEachCollectionExactlyOnce() {
    String db = TestDatabase.freshDatabaseUrl();
    Path dataDir = TestServer.tempDir();
    WrappedSandbox providerA = new WrappedSandbox();
    WrappedSandbox providerB = new WrappedSandbox();
    try (TestServer a = TestServer.start(settings(dataDir), new ProviderRegistry(providerA), db);
        TestServer b = TestServer.start(settings(dataDir), new ProviderRegistry(providerB), db)) {
      String key = a.tenant("Two Servers Org", Environment.SANDBOX).key();
      Fixtures viaA = new Fixtures(a);
      Fixtures viaB = new Fixtures(b);
      String company = viaA.company(key, "Shared");
      List<String> sites = viaB.sites(key, company, 3);
      List<String> connections = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Fixtures via = i % 2 == 0 ? viaA : viaB;
        connections.add(via.sandboxConnection(key, company, sites.subList(0, 1 + i % 3), 2, ""));
      }

      awaitFinished(db, connections);

      Map<UUID, Integer> calls = new HashMap<>(providerA.allCalls());
      providerB.allCalls().forEach((id, n) -> calls.merge(id, n, Integer::sum));
      Map<UUID, Integer> once = new HashMap<>();
      connections.forEach(id -> once.put(UUID.fromString(id), 1));
      assertThat(calls).as("collect() calls per connection, both servers together").isEqualTo(once);
      for (String id : connections) {
        UUID uuid = UUID.fromString(id);
        CollectionRequest request = providerA.request(uuid) != null ? providerA.request(uuid) : providerB.request(uuid);
        assertThat(stored(db, id)).as("rows of %s", id).isEqualTo(expected(request));
      }
      assertThat(duplicates(db)).isZero();
      long accounts = 0;
      for (int i = 0; i < 6; i++) {
        accounts += 5L * (1 + i % 3);
      }
      assertThat(count(db, "select count(*) from account", null)).isEqualTo(accounts);
    }
  }

  /** The provider output sizes used above really are what a sandbox collection returns. */
  @Test
  void theSandboxReturnsTheSameCollectionForTheSameRequest() {
    CollectionRequest request = new CollectionRequest(UUID.randomUUID(), Fixtures.USERNAME, Fixtures.PASSWORD, "US",
        List.of(UUID.randomUUID()), java.util.Set.of(), Fixtures.monthsAgo(3),
        java.time.LocalDate.now(java.time.ZoneOffset.UTC), 0, null);

    Counts first = expected(request);

    assertThat(expected(request)).isEqualTo(first);
    assertThat(first.accounts()).isEqualTo(5);
    assertThat(first.documents()).isEqualTo(15);
    List<String> numbers = new ArrayList<>();
    new SandboxProvider().collect(request).accounts().stream().map(ProviderAccount::accountNumber)
        .forEach(numbers::add);
    assertThat(numbers).doesNotHaveDuplicates();
  }
}

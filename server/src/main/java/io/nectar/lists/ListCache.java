package io.nectar.lists;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * What list requests can reuse, cached under the company's data version (a counter that database
 * triggers bump with every write to its documents or usage), so nothing cached is ever stale, in
 * this process or another sharing the database:
 * <ul>
 *   <li>totals: counting a million rows costs far more than the page itself; concurrent requests for
 *       one uncached total wait for a single count instead of each running it;
 *   <li>page anchors: the list-order key ({@code bill_date}, {@code id}) of the last row of each page
 *       served, so the next page is an index range read instead of an ever longer offset: a client
 *       paging through a million rows pays the same for the last page as for the first.
 * </ul>
 */
public final class ListCache {
  private static final int MAX_ENTRIES = 20_000;

  /** Where a page ends in list order: the next page starts after this key. */
  public record Anchor(LocalDate billDate, UUID id) {}

  private final Map<String, Object> cache = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  /** The data version of a company; part of every key below. */
  public long version(Handle h, UUID companyId) {
    return h.createQuery("select coalesce((select version from company_data_version where company_id = :c), 0)")
        .bind("c", companyId).mapTo(Long.class).one();
  }

  /** The total of the list {@code list} (scope, id and filter, in any stable spelling) at {@code version}. */
  public long total(UUID companyId, long version, String list, LongSupplier count) {
    return value(companyId, version, list, count::getAsLong);
  }

  /**
   * A value derived from the company's data at {@code version}, named by {@code what}; concurrent
   * requests for one uncached value wait for a single computation.
   */
  public <T> T value(UUID companyId, long version, String what, Supplier<T> compute) {
    String key = companyId + "@" + version + ":" + what;
    CompletableFuture<T> mine = new CompletableFuture<>();
    Object existing;
    synchronized (cache) {
      existing = cache.get(key);
      if (existing == null) {
        cache.put(key, mine);
      }
    }
    if (existing != null) {
      @SuppressWarnings("unchecked")
      CompletableFuture<T> theirs = (CompletableFuture<T>) existing;
      return theirs.join();
    }
    try {
      T value = compute.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException e) {
      synchronized (cache) {
        cache.remove(key);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** The anchor after which page {@code page} of the list starts, if a request has served page - 1. */
  public Optional<Anchor> anchor(UUID companyId, long version, String list, int page) {
    synchronized (cache) {
      return Optional.ofNullable((Anchor) cache.get(anchorKey(companyId, version, list, page)));
    }
  }

  /** Remembers where page {@code page} ends, so that page + 1 can start there. */
  public void rememberEnd(UUID companyId, long version, String list, int page, Anchor lastRow) {
    if (lastRow.billDate() == null) {
      return; // undated rows sort last and cannot be compared as a key: they keep the offset
    }
    synchronized (cache) {
      cache.put(anchorKey(companyId, version, list, page + 1), lastRow);
    }
  }

  private static String anchorKey(UUID companyId, long version, String list, int page) {
    return companyId + "@" + version + ":" + list + "#page" + page;
  }
}

package io.nectar.documents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;

/**
 * Totals of document and usage lists, cached under the company's data version (a counter that
 * database triggers bump with every write to its documents or usage). Counting a million rows costs
 * far more than the page itself; a company's unchanged data keeps its totals, and any change — from
 * this process or another — moves the version, so a cached total is never stale.
 */
public final class ListTotals {
  private static final int MAX_ENTRIES = 10_000;

  private final Map<String, Long> cache = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  /** The total of the list {@code what} (scope, id and filter, in any stable spelling) of a company. */
  public long total(Handle h, UUID companyId, String what, LongSupplier count) {
    long version = h.createQuery("select coalesce((select version from company_data_version where company_id = :c), 0)")
        .bind("c", companyId).mapTo(Long.class).one();
    String key = companyId + "@" + version + ":" + what;
    synchronized (cache) {
      Long cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    long total = count.getAsLong();
    synchronized (cache) {
      cache.put(key, total);
    }
    return total;
  }
}

package io.nectar.usage;

import io.nectar.documents.Document;
import io.nectar.documents.DocumentStore;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterStore;
import io.nectar.sites.Site;
import io.nectar.sites.SiteStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Completes usage rows with their meters, sites and documents in three queries per page, however
 * many rows the page has.
 */
public final class UsageLoader {
  private final MeterStore meters = new MeterStore();
  private final SiteStore sites = new SiteStore();
  private final DocumentStore documents = new DocumentStore();

  public List<UsageDetails> load(Handle h, List<UsageData> rows, Map<UUID, Document> knownDocuments) {
    Map<UUID, Meter> meterById = new HashMap<>();
    meters.byIds(h, rows.stream().map(UsageData::meterId).filter(Objects::nonNull).distinct().toList())
        .forEach(m -> meterById.put(m.id(), m));
    Map<UUID, Site> siteById = new HashMap<>();
    sites.byIds(h, rows.stream().map(UsageData::siteId).filter(Objects::nonNull).distinct().toList())
        .forEach(s -> siteById.put(s.id(), s));
    Map<UUID, Document> documentById = new HashMap<>(knownDocuments);
    documentById.putAll(documents.byIds(h, rows.stream().map(UsageData::documentId)
        .filter(id -> !knownDocuments.containsKey(id)).distinct().toList()));
    return rows.stream().map(u -> new UsageDetails(u, meterById.get(u.meterId()), siteById.get(u.siteId()),
        documentById.get(u.documentId()))).toList();
  }
}

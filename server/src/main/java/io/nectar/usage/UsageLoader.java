package io.nectar.usage;

import io.nectar.documents.Document;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterService;
import io.nectar.sites.Site;
import io.nectar.sites.SiteService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Completes usage rows with their meters and sites in two queries per page, however many rows the
 * page has; the caller brings their documents.
 */
public final class UsageLoader {
  private final MeterService meters;
  private final SiteService sites;

  public UsageLoader(MeterService meters, SiteService sites) {
    this.meters = meters;
    this.sites = sites;
  }

  /** The rows with their meters, sites and documents; {@code documents} holds every row's document. */
  public List<UsageDetails> load(Handle h, List<UsageData> rows, Map<UUID, Document> documents) {
    Map<UUID, Meter> meterById = new HashMap<>();
    meters.byIds(h, rows.stream().map(UsageData::meterId).filter(Objects::nonNull).distinct().toList())
        .forEach(m -> meterById.put(m.id(), m));
    Map<UUID, Site> siteById = new HashMap<>();
    sites.byIds(h, rows.stream().map(UsageData::siteId).filter(Objects::nonNull).distinct().toList())
        .forEach(s -> siteById.put(s.id(), s));
    return rows.stream().map(u -> new UsageDetails(u, meterById.get(u.meterId()), siteById.get(u.siteId()),
        documents.get(u.documentId()))).toList();
  }
}

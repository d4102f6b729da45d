package io.nectar.connections;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;
import io.nectar.meters.DatasourceType;
import io.nectar.meters.Meter;
import io.nectar.sites.Site;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The body of Nectar's unversioned connection events ({@code connection.created},
 * {@code connection.updated}, {@code connection.validated}), as its old webhook guide and its 2024
 * Svix event catalog show them (nectar-api.md §13.3): {@code company} with {@code publicId},
 * {@code country}, {@code created}, {@code datasource} (name only), {@code emails}, {@code id},
 * {@code sitesRelations}, {@code status}, {@code updated}, {@code url}. The outbox adds
 * {@code eventType}, which the catalog shows too: created and validated have the same shape, so an
 * endpoint that takes both needs it to tell them apart.
 */
final class LegacyConnectionView {
  private LegacyConnectionView() {}

  /** {@code sites}: the company's sites by id, for the names in {@code sitesRelations}. */
  static ObjectNode render(ConnectionService.ConnectionDetails details, Map<UUID, Site> sites) {
    Connection c = details.connection();
    ObjectNode json = Json.object();
    json.putObject("company")
        .put("externalId", details.company().externalId())
        .put("id", details.company().id().toString())
        .put("name", details.company().name())
        .put("publicId", details.company().publicId());
    json.put("country", c.country());
    json.put("created", Json.timestamp(c.created()));
    json.putObject("datasource").put("name", c.providerName());
    // The addresses the connection reports to; here that is its owner's, when it has one.
    ArrayNode emails = json.putArray("emails");
    if (c.workflowOwnerEmail() != null) {
      emails.add(c.workflowOwnerEmail());
    }
    json.put("id", c.id().toString());
    json.set("sitesRelations", sitesRelations(details, sites));
    json.put("status", c.status().name());
    json.put("updated", Json.timestamp(c.updated()));
    json.put("url", c.url());
    return json;
  }

  /**
   * One entry per site the connection serves: the sites it was created for (in their order), then
   * any other site its meters stand at. {@code accountIds}: its accounts with a meter at the site;
   * {@code datasourceTypes}: the types asked for at creation (for the sites it was created for) and
   * the types of the meters found there.
   */
  private static ArrayNode sitesRelations(ConnectionService.ConnectionDetails details, Map<UUID, Site> sites) {
    Connection c = details.connection();
    Map<UUID, Relation> relations = new LinkedHashMap<>();
    for (UUID site : c.initialSites()) {
      relations.computeIfAbsent(site, s -> new Relation()).types.addAll(c.initialDatasourceTypes());
    }
    for (ConnectionService.AccountWithMeters account : details.accounts()) {
      for (Meter meter : account.meters()) {
        if (meter.siteId() == null) {
          continue;
        }
        Relation relation = relations.computeIfAbsent(meter.siteId(), s -> new Relation());
        relation.accounts.add(account.account().id().toString());
        if (meter.datasourceType() != null) {
          relation.types.add(meter.datasourceType());
        }
      }
    }
    ArrayNode array = Json.array();
    relations.forEach((siteId, relation) -> {
      ObjectNode entry = array.addObject();
      entry.set("accountIds", Json.strings(new ArrayList<>(relation.accounts)));
      entry.set("datasourceTypes", Json.strings(relation.types.stream().map(Enum::name).toList()));
      Site site = sites.get(siteId);
      entry.putObject("site").put("id", siteId.toString()).put("name", site == null ? null : site.name());
    });
    return array;
  }

  /** The sites of {@code details} whose names the body shows. */
  static List<UUID> siteIds(ConnectionService.ConnectionDetails details) {
    Set<UUID> ids = new LinkedHashSet<>(details.connection().initialSites());
    details.accounts().forEach(a -> a.meters().forEach(m -> {
      if (m.siteId() != null) {
        ids.add(m.siteId());
      }
    }));
    return List.copyOf(ids);
  }

  private static final class Relation {
    final Set<String> accounts = new LinkedHashSet<>();
    final Set<DatasourceType> types = EnumSet.noneOf(DatasourceType.class);
  }
}

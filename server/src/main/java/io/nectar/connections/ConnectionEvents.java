package io.nectar.connections;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.accounts.ConnectionChanges;
import io.nectar.sites.Site;
import io.nectar.sites.SiteService;
import io.nectar.webhooks.EventDiff;
import io.nectar.webhooks.Outbox;
import io.nectar.webhooks.WebhookEventType;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The connection events of CONTRACT §9, recorded in the transaction of the change. An update is
 * announced with the fields that changed ({@code protectedChanges}) and their previous values
 * ({@code old}), computed from the object as rendered before and after; nothing is announced when
 * only timestamps moved. Each event has a legacy unversioned twin ({@link LegacyConnectionView}),
 * written in the same transaction and only when an endpoint of the tenant names its type.
 */
public final class ConnectionEvents implements ConnectionChanges {
  /** Why a connection changed: a validation that moves its status also announces connection.validated.v2. */
  public enum Cause { VALIDATION, OTHER }

  private final ConnectionService connections;
  private final SiteService sites;
  private final Outbox outbox;

  ConnectionEvents(ConnectionService connections, SiteService sites, Outbox outbox) {
    this.connections = connections;
    this.sites = sites;
    this.outbox = outbox;
  }

  /** Announces a new connection: {@code connection.created.v2}, and its legacy twin to endpoints that name it. */
  void created(Handle h, ConnectionService.ConnectionDetails details) {
    UUID companyId = details.connection().companyId();
    outbox.publish(h, companyId, WebhookEventType.CONNECTION_CREATED, ConnectionView.render(details));
    outbox.publishIfNamed(h, companyId, WebhookEventType.LEGACY_CONNECTION_CREATED, () -> legacy(h, details));
  }

  /** The connection as it is now; pass it to {@link #changed} once the change is written. */
  public Optional<ObjectNode> before(Handle h, UUID connectionId) {
    return connections.details(h, connectionId).map(ConnectionView::render);
  }

  /**
   * Announces what changed since {@code before}: {@code connection.updated.v2} for any meaningful
   * change and, when a validation changed the status, {@code connection.validated.v2} as well.
   */
  public void changed(Handle h, UUID connectionId, Optional<ObjectNode> before, Cause cause) {
    if (before.isEmpty()) {
      return;
    }
    connections.details(h, connectionId).ifPresent(details -> {
      ObjectNode after = ConnectionView.render(details);
      EventDiff diff = EventDiff.between(before.get(), after);
      if (diff.isEmpty()) {
        return;
      }
      UUID companyId = details.connection().companyId();
      ObjectNode updated = after.deepCopy();
      updated.set("protectedChanges", io.nectar.http.Json.strings(diff.changedFields()));
      updated.set("old", diff.old());
      outbox.publish(h, companyId, WebhookEventType.CONNECTION_UPDATED, updated);
      // The legacy twin fires on the same changes and names the same fields; it has no "old".
      outbox.publishIfNamed(h, companyId, WebhookEventType.LEGACY_CONNECTION_UPDATED, () -> {
        ObjectNode legacy = legacy(h, details);
        legacy.set("protectedChanges", io.nectar.http.Json.strings(diff.changedFields()));
        return legacy;
      });
      if (cause == Cause.VALIDATION && diff.changedFields().contains("status")) {
        outbox.publish(h, companyId, WebhookEventType.CONNECTION_VALIDATED, after);
        outbox.publishIfNamed(h, companyId, WebhookEventType.LEGACY_CONNECTION_VALIDATED, () -> legacy(h, details));
      }
    });
  }

  private ObjectNode legacy(Handle h, ConnectionService.ConnectionDetails details) {
    Map<UUID, Site> named = new TreeMap<>();
    sites.byIds(h, LegacyConnectionView.siteIds(details)).forEach(site -> named.put(site.id(), site));
    return LegacyConnectionView.render(details, named);
  }

  @Override
  public void announce(Handle h, Collection<UUID> connectionIds, Runnable change) {
    Map<UUID, Optional<ObjectNode>> before = new TreeMap<>();
    connectionIds.forEach(id -> before.put(id, before(h, id)));
    change.run();
    before.forEach((id, snapshot) -> changed(h, id, snapshot, Cause.OTHER));
  }
}

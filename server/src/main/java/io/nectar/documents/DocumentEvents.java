package io.nectar.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.ApiVersion;
import io.nectar.http.Json;
import io.nectar.webhooks.EventDiff;
import io.nectar.webhooks.Outbox;
import io.nectar.webhooks.WebhookEventType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The document events of CONTRACT §9, recorded in the transaction of the change; the body is the
 * document as the v2.2 serializer renders it, and an update adds the previous values of what changed
 * ({@code old}). Nothing is announced when only timestamps moved.
 */
public final class DocumentEvents {
  private final DocumentService documents;
  private final DocumentLinks links;
  private final Outbox outbox;
  private final DocumentStore store = new DocumentStore();

  DocumentEvents(DocumentService documents, DocumentLinks links, Outbox outbox) {
    this.documents = documents;
    this.links = links;
    this.outbox = outbox;
  }

  /** Announces documents just stored (collected or uploaded). */
  public void created(Handle h, List<UUID> documentIds) {
    if (documentIds.isEmpty()) {
      return;
    }
    Map<UUID, Document> found = store.byIds(h, documentIds);
    List<Document> created = documentIds.stream().map(found::get).toList(); // in the bills' order
    for (DocumentDetails details : documents.details(h, created)) {
      ObjectNode body = render(details);
      UUID companyId = details.document().companyId();
      outbox.publish(h, companyId, WebhookEventType.DOCUMENT_CREATED, body);
      // The legacy unversioned twin, to endpoints that name it. Its body is the same v2.2 document:
      // the only legacy document.created example that survives (Nectar's 2024 Svix event catalog)
      // opens with afterPreviousCharges, afterPreviousCredits and afterPreviousTotalPayment, fields
      // only the v2.2 serializer has, and v2.2 keeps every top-level field of v2 and v2.1 (its usage
      // rows trade timeOfUse for timeOfUseBreakdown). The outbox copies the body; sharing it is safe.
      outbox.publishIfNamed(h, companyId, WebhookEventType.LEGACY_DOCUMENT_CREATED, () -> body);
    }
  }

  /** Announces a soft deletion: the document as it was, with when it was deleted (nectar-api.md §13.2). */
  void deleted(Handle h, UUID documentId) {
    store.find(h, documentId).ifPresent(d -> {
      ObjectNode body = render(h, d);
      body.put("isDeleted", true).put("deleted", Json.timestamp(d.deletedAt()));
      outbox.publish(h, d.companyId(), WebhookEventType.DOCUMENT_DELETED, body);
    });
  }

  /** The document as it is now; pass it to {@link #changed} once the change is written. */
  public Optional<ObjectNode> before(Handle h, UUID documentId) {
    return store.find(h, documentId).map(d -> render(h, d));
  }

  /** Announces {@code document.updated.v2} with {@code old} if anything meaningful changed since {@code before}. */
  public void changed(Handle h, UUID documentId, Optional<ObjectNode> before) {
    if (before.isEmpty()) {
      return;
    }
    store.find(h, documentId).ifPresent(d -> {
      ObjectNode after = render(h, d);
      EventDiff diff = EventDiff.between(before.get(), after);
      if (!diff.isEmpty()) {
        after.set("old", diff.old());
        outbox.publish(h, d.companyId(), WebhookEventType.DOCUMENT_UPDATED, after);
      }
    });
  }

  private ObjectNode render(Handle h, Document document) {
    return render(documents.details(h, List.of(document)).get(0));
  }

  private ObjectNode render(DocumentDetails details) {
    return DocumentView.render(details, ApiVersion.V2_2, links);
  }
}

package io.nectar.documents;

import io.nectar.storage.SignedLinks;
import java.time.Duration;

/** The signed, expiring links of a document (CONTRACT §10): its file and its audit trail page. */
public final class DocumentLinks {
  private static final Duration AUDIT_LINK_VALIDITY = Duration.ofHours(24);

  private final SignedLinks links;
  private final String baseUrl;

  public DocumentLinks(SignedLinks links, String baseUrl) {
    this.links = links;
    this.baseUrl = baseUrl;
  }

  /** The file as received, or null when the document has none. */
  public String fileUrl(Document d) {
    return d.blobKey() == null ? null : links.link(baseUrl, d.blobKey(), SignedLinks.DOCUMENT_LINK_VALIDITY);
  }

  public String auditTrailUrl(Document d) {
    return links.pageLink(baseUrl, auditPath(d.id()), AUDIT_LINK_VALIDITY);
  }

  public static String auditPath(java.util.UUID documentId) {
    return "/audit/documents/" + documentId;
  }
}

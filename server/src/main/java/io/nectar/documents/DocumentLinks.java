package io.nectar.documents;

import io.nectar.storage.BlobStore;
import io.nectar.storage.SignedLinks;
import java.time.Duration;

/**
 * The signed, expiring links of a document (CONTRACT §10): its file and its audit trail page. The
 * file link is the store's own presigned URL when it has one (S3), so a download never passes through
 * the server; else the server's signed {@code /files/} link.
 */
public final class DocumentLinks {
  private static final Duration AUDIT_LINK_VALIDITY = Duration.ofHours(24);

  private final SignedLinks links;
  private final BlobStore blobs;
  private final String baseUrl;

  public DocumentLinks(SignedLinks links, BlobStore blobs, String baseUrl) {
    this.links = links;
    this.blobs = blobs;
    this.baseUrl = baseUrl;
  }

  /** The file as received, or null when the document has none. */
  public String fileUrl(Document d) {
    if (d.blobKey() == null) {
      return null;
    }
    return blobs.presignedGet(d.blobKey(), SignedLinks.DOCUMENT_LINK_VALIDITY)
        .orElseGet(() -> links.link(baseUrl, d.blobKey(), SignedLinks.DOCUMENT_LINK_VALIDITY));
  }

  public String auditTrailUrl(Document d) {
    return links.pageLink(baseUrl, auditPath(d.id()), AUDIT_LINK_VALIDITY);
  }

  public static String auditPath(java.util.UUID documentId) {
    return "/audit/documents/" + documentId;
  }
}

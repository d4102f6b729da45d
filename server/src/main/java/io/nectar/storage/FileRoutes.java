package io.nectar.storage;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nectar.errors.NotFound;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GET /files/{key}} (and HEAD): serves a blob to whoever holds a signed link to it ({@link SignedLinks}).
 * No API key: the signature is the authorization. A bad or expired link is a 403 and a blob that is
 * gone a 404, both as JSON like every other error.
 */
public final class FileRoutes {
  /**
   * Types a browser shows without running anything. Anything else (HTML, SVG, XML...) is sent as an
   * attachment: an uploaded file shown inline would run its scripts with this server's origin.
   */
  static final Set<String> SAFE_INLINE = Set.of("application/pdf", "image/png", "image/jpeg",
      "image/gif", "image/tiff", "image/webp", "text/plain", "text/csv", "application/json");

  private final BlobStore blobs;
  private final SignedLinks links;

  public FileRoutes(BlobStore blobs, SignedLinks links) {
    this.blobs = blobs;
    this.links = links;
  }

  public void register(RoutesConfig routes) {
    // <key> (angle brackets) is Javalin's slash-accepting parameter: keys are paths like documents/<id>/bill.pdf.
    routes.get("/files/<key>", this::serve);
    // Without its own HEAD route Javalin would answer 200 for any path without checking the link.
    routes.head("/files/<key>", this::serve);
  }

  private void serve(Context ctx) {
    // Errors must not be cached: the same URL can start working (blob restored) or the reverse.
    ctx.header("Cache-Control", "no-store");
    // The link is a bearer credential: never hand it on to a site the file links to.
    ctx.header("Referrer-Policy", "no-referrer");
    String key = ctx.pathParam("key");
    Duration remaining = links.verify(key, ctx.queryParam("expires"), ctx.queryParam("signature"));
    BlobStore.Blob blob = blobs.get(key).orElseThrow(() -> new NotFound("File"));
    // A cached copy must not outlive the link that fetched it.
    ctx.header("Cache-Control", "private, max-age=" + remaining.toSeconds());
    // Key segments hold only [A-Za-z0-9._-], so the file name needs no quoting or encoding.
    ctx.header("Content-Disposition", disposition(blob.contentType()) + "; filename=\"" + BlobKey.fileName(key) + "\"");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.status(200).contentType(blob.contentType()).result(blob.bytes());
  }

  private static String disposition(String contentType) {
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
        .toLowerCase(Locale.ROOT);
    return SAFE_INLINE.contains(mediaType) ? "inline" : "attachment";
  }
}

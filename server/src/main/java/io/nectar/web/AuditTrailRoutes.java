package io.nectar.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nectar.documents.Document;
import io.nectar.documents.DocumentEvent;
import io.nectar.documents.DocumentLinks;
import io.nectar.documents.DocumentService;
import io.nectar.errors.Forbidden;
import io.nectar.errors.NotFound;
import io.nectar.storage.SignedLinks;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /audit/documents/{id}}: a document's audit trail (CONTRACT §10), behind the signed,
 * expiring link that the document's {@code auditTrailUrl} carries: how the bill arrived, and every
 * later change with its old and new values, by which key or process, and when.
 */
public final class AuditTrailRoutes {
  private final DocumentService documents;
  private final SignedLinks links;

  public AuditTrailRoutes(DocumentService documents, SignedLinks links) {
    this.documents = documents;
    this.links = links;
  }

  public void register(RoutesConfig routes) {
    routes.get("/audit/documents/{documentId}", this::page);
  }

  private void page(Context ctx) {
    String raw = ctx.pathParam("documentId");
    UUID id = io.nectar.http.Api.uuid(raw).orElseThrow(() -> new Forbidden(SignedLinks.INVALID));
    links.verifyPage(DocumentLinks.auditPath(id), ctx.queryParam("expires"), ctx.queryParam("signature"));
    Map.Entry<Document, List<DocumentEvent>> history = documents.history(id)
        .orElseThrow(() -> new NotFound("Document"));
    ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
        .contentType("text/html; charset=utf-8").result(render(history.getKey(), history.getValue()));
  }

  private static String render(Document d, List<DocumentEvent> events) {
    StringBuilder html = new StringBuilder("""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Audit trail</title>
        <style>body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}
        td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
        th{background:#f4f4f4}code{font-size:12px}</style></head><body>""");
    html.append("<h1>Audit trail of document ").append(escape(d.id().toString())).append("</h1>");
    html.append("<table><tr><th>Utility</th><td>").append(escape(d.utilityCompany())).append("</td></tr>")
        .append("<tr><th>Bill date</th><td>").append(escape(String.valueOf(d.billDate()))).append("</td></tr>")
        .append("<tr><th>Period</th><td>").append(escape(d.startDate() + " to " + d.endDate())).append("</td></tr>")
        .append("<tr><th>Total</th><td>").append(escape(d.totalCharges() == null ? "" : d.totalCharges().toPlainString()
            + " " + d.chargesUnits())).append("</td></tr>")
        .append("<tr><th>File</th><td>").append(escape(d.fileName())).append("</td></tr>")
        .append("<tr><th>Source</th><td>").append(escape(d.sourceType()))
        .append(d.connectionId() == null ? "" : " from connection " + escape(d.connectionId().toString()))
        .append("</td></tr>")
        .append(d.deletedAt() == null ? "" : "<tr><th>Deleted</th><td>" + escape(d.deletedAt().toString()) + "</td></tr>")
        .append("</table><h2>History</h2><table><tr><th>When (UTC)</th><th>What</th><th>By</th><th>Details</th></tr>");
    for (DocumentEvent e : events) {
      html.append("<tr><td>").append(escape(e.at().toString())).append("</td><td>").append(escape(e.kind()))
          .append("</td><td>").append(escape(e.actor())).append("</td><td><code>").append(escape(e.detail()))
          .append("</code></td></tr>");
    }
    return html.append("</table></body></html>").toString();
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}

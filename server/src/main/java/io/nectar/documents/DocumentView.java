package io.nectar.documents;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.ApiVersion;
import io.nectar.http.Json;
import io.nectar.http.JsonFragments;
import java.io.IOException;

/**
 * The Document object in each API version (nectar-api.md §8.2, §8.5), from one model:
 * <ul>
 *   <li>v2: identity, links, dates, money totals, status, and {@code usageData};
 *   <li>v2.1: adds the service period ({@code startDate}, {@code endDate}), {@code isFlagged},
 *       {@code invoiceId} and {@code lineItems};
 *   <li>v2.2: adds the balance fields of the v2.2 payload, {@code taxCharges} and {@code demandMeters},
 *       and its usage rows carry {@code timeOfUseBreakdown}.
 * </ul>
 * Fields the data does not hold (a bill's previous balance, say) are present and null.
 */
public final class DocumentView {
  private static final String[] BALANCE_FIELDS = {"previousCloseBalance", "afterPreviousTotalPayment",
      "afterPreviousCharges", "afterPreviousCredits", "currentOpenBalance", "currentCharges", "credits"};

  private DocumentView() {}

  public static ObjectNode render(DocumentDetails details, ApiVersion version, DocumentLinks links) {
    return (ObjectNode) Json.tree(g -> write(g, details, version, links, JsonFragments.NONE));
  }

  /** Writes the document; {@code shared} holds what repeats in the response (its usage rows' sites and meters). */
  public static void write(JsonGenerator g, DocumentDetails details, ApiVersion version, DocumentLinks links,
      JsonFragments shared) throws IOException {
    Document d = details.document();
    g.writeStartObject();
    summaryFields(g, d, links);
    g.writeStringField("company", d.companyId().toString());
    if (version.atLeast(ApiVersion.V2_1)) {
      Json.field(g, "startDate", Json.date(d.startDate()));
      Json.field(g, "endDate", Json.date(d.endDate()));
      g.writeBooleanField("isFlagged", d.isFlagged());
      Json.field(g, "invoiceId", d.invoiceId());
    }
    if (version.atLeast(ApiVersion.V2_2)) {
      for (String field : BALANCE_FIELDS) {
        g.writeNullField(field);
      }
      Json.field(g, "taxCharges", Json.decimal(d.taxCharges()));
      g.writeNullField("interestCharges");
    }
    g.writeArrayFieldStart("usageData");
    for (DocumentUsage.Row u : details.usage()) {
      u.write(g, version, shared);
    }
    g.writeEndArray();
    if (version.atLeast(ApiVersion.V2_1)) {
      g.writeArrayFieldStart("lineItems");
      for (LineItem l : details.lineItems()) {
        lineItem(g, l);
      }
      g.writeEndArray();
    }
    if (version.atLeast(ApiVersion.V2_2)) {
      g.writeArrayFieldStart("demandMeters");
      for (DemandReading r : details.demand()) {
        demand(g, r, details);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Writes the document fields every version shows, also embedded in usage rows as {@code document}. */
  public static void writeSummary(JsonGenerator g, Document d, ApiVersion version, DocumentLinks links)
      throws IOException {
    g.writeStartObject();
    summaryFields(g, d, links);
    g.writeEndObject();
  }

  private static void summaryFields(JsonGenerator g, Document d, DocumentLinks links) throws IOException {
    g.writeStringField("id", d.id().toString());
    Json.field(g, "created", Json.timestamp(d.created()));
    Json.field(g, "updated", Json.timestamp(d.updated()));
    Json.field(g, "auditTrailUrl", links.auditTrailUrl(d));
    Json.field(g, "url", links.fileUrl(d));
    Json.field(g, "billDate", Json.date(d.billDate()));
    Json.field(g, "dueDate", Json.date(d.dueDate()));
    Json.field(g, "chargesUnits", d.chargesUnits());
    Json.field(g, "totalCharges", Json.decimal(d.totalCharges()));
    Json.field(g, "utilityCompany", d.utilityCompany());
    Json.field(g, "status", d.status());
    Json.field(g, "flaggedStatus", d.flaggedStatus());
    Json.field(g, "revisedDocumentId", d.revisedDocumentId() == null ? null : d.revisedDocumentId().toString());
    Json.field(g, "fileName", d.fileName());
    Json.field(g, "email", d.email());
    Json.field(g, "jobId", d.jobId() == null ? null : d.jobId().toString());
    Json.field(g, "notes", d.notes());
    Json.field(g, "sourceType", d.sourceType());
  }

  private static void lineItem(JsonGenerator g, LineItem l) throws IOException {
    g.writeStartObject();
    Json.field(g, "description", l.description());
    Json.field(g, "quantity", Json.decimal(l.quantity()));
    Json.field(g, "quantityUnits", l.quantityUnits());
    Json.field(g, "rate", Json.decimal(l.rate()));
    Json.field(g, "totalCharge", Json.decimal(l.totalCharge()));
    g.writeArrayFieldStart("multipliers");
    g.writeEndArray();
    g.writeArrayFieldStart("accountIds");
    g.writeEndArray();
    Json.field(g, "chargeType", l.chargeType());
    Json.field(g, "electricityChargeType", l.electricityChargeType());
    if (l.electricityIsDemand() == null) {
      g.writeNullField("electricityIsDemand");
    } else {
      g.writeBooleanField("electricityIsDemand", l.electricityIsDemand());
    }
    Json.field(g, "electricityTimeOfUse", l.electricityTimeOfUse());
    Json.field(g, "gasChargeType", l.gasChargeType());
    Json.field(g, "billingPeriod", l.billingPeriod());
    g.writeEndObject();
  }

  private static void demand(JsonGenerator g, DemandReading r, DocumentDetails details) throws IOException {
    g.writeStartObject();
    Json.field(g, "startDate", Json.date(r.startDate()));
    Json.field(g, "endDate", Json.date(r.endDate()));
    g.writeBooleanField("isEstimated", r.isEstimated());
    Json.field(g, "demandUsage", Json.decimal(r.demandUsage()));
    Json.field(g, "demandUsageUnits", r.demandUsageUnits());
    Json.field(g, "description", r.description());
    Json.field(g, "demandType", r.demandType());
    g.writeArrayFieldStart("usageDataIds");
    for (DocumentUsage.Row u : details.usage()) {
      if (r.meterId() != null && r.meterId().equals(u.meterId())) {
        g.writeString(u.id().toString());
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}

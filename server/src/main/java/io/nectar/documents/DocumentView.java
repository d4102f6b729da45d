package io.nectar.documents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.ApiVersion;
import io.nectar.http.Json;
import io.nectar.usage.UsageView;

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
  private DocumentView() {}

  public static ObjectNode render(DocumentDetails details, ApiVersion version, DocumentLinks links) {
    Document d = details.document();
    ObjectNode json = summary(d, version, links);
    json.put("company", d.companyId().toString());
    if (version.atLeast(ApiVersion.V2_1)) {
      json.put("startDate", Json.date(d.startDate()));
      json.put("endDate", Json.date(d.endDate()));
      json.put("isFlagged", d.isFlagged());
      json.put("invoiceId", d.invoiceId());
    }
    if (version.atLeast(ApiVersion.V2_2)) {
      for (String field : new String[] {"previousCloseBalance", "afterPreviousTotalPayment", "afterPreviousCharges",
          "afterPreviousCredits", "currentOpenBalance", "currentCharges", "credits"}) {
        json.putNull(field);
      }
      json.put("taxCharges", Json.decimal(d.taxCharges()));
      json.putNull("interestCharges");
    }
    ArrayNode usage = json.putArray("usageData");
    details.usage().forEach(u -> usage.add(UsageView.render(u, version, links, false)));
    if (version.atLeast(ApiVersion.V2_1)) {
      ArrayNode lines = json.putArray("lineItems");
      details.lineItems().forEach(l -> lines.add(lineItem(l)));
    }
    if (version.atLeast(ApiVersion.V2_2)) {
      ArrayNode demand = json.putArray("demandMeters");
      details.demand().forEach(r -> demand.add(demand(r, details)));
    }
    return json;
  }

  /** The document fields every version shows, also embedded in usage rows as {@code document}. */
  public static ObjectNode summary(Document d, ApiVersion version, DocumentLinks links) {
    ObjectNode json = Json.object();
    json.put("id", d.id().toString());
    json.put("created", Json.timestamp(d.created()));
    json.put("updated", Json.timestamp(d.updated()));
    json.put("auditTrailUrl", links.auditTrailUrl(d));
    json.put("url", links.fileUrl(d));
    json.put("billDate", Json.date(d.billDate()));
    json.put("dueDate", Json.date(d.dueDate()));
    json.put("chargesUnits", d.chargesUnits());
    json.put("totalCharges", Json.decimal(d.totalCharges()));
    json.put("utilityCompany", d.utilityCompany());
    json.put("status", d.status());
    json.put("flaggedStatus", d.flaggedStatus());
    json.put("revisedDocumentId", d.revisedDocumentId() == null ? null : d.revisedDocumentId().toString());
    json.put("fileName", d.fileName());
    json.put("email", d.email());
    json.put("jobId", d.jobId() == null ? null : d.jobId().toString());
    json.put("notes", d.notes());
    json.put("sourceType", d.sourceType());
    return json;
  }

  private static ObjectNode lineItem(LineItem l) {
    ObjectNode json = Json.object();
    json.put("description", l.description());
    json.put("quantity", Json.decimal(l.quantity()));
    json.put("quantityUnits", l.quantityUnits());
    json.put("rate", Json.decimal(l.rate()));
    json.put("totalCharge", Json.decimal(l.totalCharge()));
    json.putArray("multipliers");
    json.putArray("accountIds");
    json.put("chargeType", l.chargeType());
    json.put("electricityChargeType", l.electricityChargeType());
    json.put("electricityIsDemand", l.electricityIsDemand());
    json.put("electricityTimeOfUse", l.electricityTimeOfUse());
    json.put("gasChargeType", l.gasChargeType());
    json.put("billingPeriod", l.billingPeriod());
    return json;
  }

  private static ObjectNode demand(DemandReading r, DocumentDetails details) {
    ObjectNode json = Json.object();
    json.put("startDate", Json.date(r.startDate()));
    json.put("endDate", Json.date(r.endDate()));
    json.put("isEstimated", r.isEstimated());
    json.put("demandUsage", Json.decimal(r.demandUsage()));
    json.put("demandUsageUnits", r.demandUsageUnits());
    json.put("description", r.description());
    json.put("demandType", r.demandType());
    ArrayNode usageIds = json.putArray("usageDataIds");
    details.usage().stream()
        .filter(u -> r.meterId() != null && r.meterId().equals(u.usage().meterId()))
        .forEach(u -> usageIds.add(u.usage().id().toString()));
    return json;
  }
}

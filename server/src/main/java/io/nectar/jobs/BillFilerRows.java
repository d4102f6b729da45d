package io.nectar.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.documents.DemandReading;
import io.nectar.parsing.normal.Units;
import io.nectar.documents.Document;
import io.nectar.documents.DocumentEvent;
import io.nectar.documents.LineItem;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import io.nectar.parsing.ExtractedBill.TimeOfUse;
import io.nectar.parsing.Field;
import io.nectar.parsing.Reading;
import io.nectar.sites.Site;
import io.nectar.usage.UsageData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** The rows one bill becomes: its document, history entry, line items, demand and usage. */
final class BillFilerRows {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Supplier<UUID> ids;
  private final UUID documentId;
  private final UUID companyId;
  private final Instant now;
  private final ExtractedBill bill;
  private final BillFilerMeters meters;

  BillFilerRows(Supplier<UUID> ids, UUID documentId, UUID companyId, Instant now, ExtractedBill bill,
      BillFilerMeters meters) {
    this.ids = ids;
    this.documentId = documentId;
    this.companyId = companyId;
    this.now = now;
    this.bill = bill;
    this.meters = meters;
  }

  /**
   * The document: its bill date is the last day of the period (CONTRACT: billDate), flagged with the
   * reading's problems and filing's own.
   */
  Document document(Upload upload, Reading reading, UUID accountId, Site site, UUID revisedDocumentId,
      List<String> filingFlags) {
    List<String> flags = new ArrayList<>();
    if (reading.isFlagged()) {
      flags.add(reading.flaggedStatus());
    }
    LocalDate billDate = value(bill.periodEnd());
    if (billDate == null) {
      billDate = value(bill.statementDate());
      flags.add("the service period's end was not found: the bill is dated by its statement date");
    }
    flags.addAll(filingFlags);
    BigDecimal total = value(bill.totalCharges());
    BigDecimal due = value(bill.amountDue());
    String notes = due != null && (total == null || due.compareTo(total) != 0)
        ? "Amount due as printed: " + due.toPlainString() + (currency() == null ? "" : " " + currency())
            + " (this bill's charges: " + (total == null ? "not found" : total.toPlainString()) + ")."
        : null;
    return Document.fromUpload(documentId, upload.jobId(), now)
        .companyId(companyId)
        .accountId(accountId)
        .siteId(site == null ? null : site.id())
        .billDate(billDate)
        .startDate(value(bill.periodStart()))
        .endDate(value(bill.periodEnd()))
        .dueDate(value(bill.dueDate()))
        .chargesUnits(currency())
        .utilityCompany(BillMeterKeys.text(bill.utilityName()))
        .totalCharges(total)
        .taxCharges(value(bill.taxCharges()))
        .isFlagged(!flags.isEmpty())
        .flaggedStatus(flags.isEmpty() ? null : String.join("; ", flags))
        .fileName(upload.fileName())
        .blobKey(upload.blobKey())
        .notes(notes)
        .revisedDocumentId(revisedDocumentId)
        .datasourceTypes(meters.datasourceTypes())
        .build();
  }

  /** The CREATED history entry: where the bill came from, and what was printed but is no document field. */
  DocumentEvent createdEvent(Upload upload, Reading reading, String actor) {
    ObjectNode detail = JSON.objectNode()
        .put("source", "upload")
        .put("jobId", upload.jobId().toString())
        .put("uploadId", upload.id().toString())
        .put("fileName", upload.fileName())
        .put("sha256", upload.sha256())
        .put("layout", reading.layout())
        .put("pages", reading.pages())
        .put("usedOcr", reading.usedOcr())
        .put("statementDate", value(bill.statementDate()) == null ? null : value(bill.statementDate()).toString())
        .put("amountDue", value(bill.amountDue()) == null ? null : value(bill.amountDue()).toPlainString())
        .put("accountNumber", BillMeterKeys.text(bill.accountNumber()))
        .put("serviceAddress", BillMeterKeys.text(bill.serviceAddress()));
    return new DocumentEvent(ids.get(), documentId, now, "CREATED", actor, detail.toString());
  }

  List<LineItem> lineItems() {
    List<LineItem> lines = new ArrayList<>();
    for (int i = 0; i < bill.lineItems().size(); i++) {
      Charge c = bill.lineItems().get(i);
      lines.add(LineItem.builder()
          .id(ids.get())
          .documentId(documentId)
          .position(i)
          .meterId(meters.meterOfNumber(c.meterNumber()))
          .description(c.description())
          .quantity(c.quantity())
          .quantityUnits(c.quantityUnits())
          .rate(c.rate())
          .totalCharge(c.amount())
          .chargeType(c.chargeType())
          .build());
    }
    return lines;
  }

  List<DemandReading> demand() {
    List<DemandReading> readings = new ArrayList<>();
    for (BillFilerMeters.Entry e : meters.entries()) {
      MeterUsage u = e.usage();
      for (ExtractedBill.Demand d : u.demand()) {
        if (d.value() == null || d.units() == null) {
          continue;
        }
        readings.add(new DemandReading(ids.get(), documentId, readings.size(), meters.meterId(e.key()).orElse(null),
            start(u), end(u), u.isEstimated(), d.value(), Units.demandUnit(d.units()), d.description(), d.demandType()));
      }
    }
    return readings;
  }

  /**
   * One usage row per meter and unit. A meter printed as a total and time-of-use registers (PEAK,
   * OFF_PEAK…) is one row, the total, with the registers as its breakdown: filing both would count
   * the meter's usage twice. Figures without a meter (no site matched), a quantity or a period are
   * left out.
   */
  List<UsageData> usage(LocalDate billDate) {
    Map<String, List<BillFilerMeters.Entry>> byMeterAndUnit = new LinkedHashMap<>();
    for (BillFilerMeters.Entry e : meters.entries()) {
      byMeterAndUnit.computeIfAbsent(e.key() + "\u0000" + e.usage().usageUnits(), k -> new ArrayList<>()).add(e);
    }
    List<UsageData> rows = new ArrayList<>();
    for (List<BillFilerMeters.Entry> group : byMeterAndUnit.values()) {
      BillFilerMeters.Entry total = group.stream().filter(e -> isTotal(e.usage().register())).findFirst().orElse(null);
      if (total != null && group.size() > 1) {
        List<TimeOfUse> bands = new ArrayList<>(total.usage().timeOfUse());
        if (bands.isEmpty()) {
          group.stream().filter(e -> e != total && value(e.usage().usage()) != null).forEach(e -> bands.add(
              new TimeOfUse(e.usage().register(), value(e.usage().usage()), e.usage().usageUnits(), null)));
        }
        add(rows, total, bands, billDate);
      } else {
        group.forEach(e -> add(rows, e, e.usage().timeOfUse(), billDate));
      }
    }
    return rows;
  }

  private void add(List<UsageData> rows, BillFilerMeters.Entry e, List<TimeOfUse> bands, LocalDate billDate) {
    MeterUsage u = e.usage();
    UUID meterId = meters.meterId(e.key()).orElse(null);
    BigDecimal quantity = value(u.usage());
    if (meterId == null || quantity == null || u.usageUnits() == null || start(u) == null || end(u) == null) {
      return;
    }
    rows.add(UsageData.builder()
        .id(ids.get())
        .documentId(documentId)
        .companyId(companyId)
        .meterId(meterId)
        .siteId(meters.siteOf(e.key()))
        .position(rows.size())
        .datasourceType(e.datasourceType())
        .startDate(start(u))
        .endDate(end(u))
        .billDate(billDate != null ? billDate : end(u))
        .usage(quantity)
        .usageUnits(u.usageUnits())
        .isEstimated(u.isEstimated())
        .currentReading(u.currentReading())
        .previousReading(u.previousReading())
        .multiplier(u.multiplier())
        .utilityName(BillMeterKeys.text(bill.utilityName()))
        .timeOfUseBreakdown(timeOfUse(bands))
        .created(now)
        .updated(now)
        .build());
  }

  private static boolean isTotal(String register) {
    return register == null || register.equalsIgnoreCase("TOTAL");
  }

  private static String timeOfUse(List<TimeOfUse> bands) {
    if (bands.isEmpty()) {
      return null;
    }
    ArrayNode array = JSON.arrayNode();
    bands.forEach(b -> array.addObject().put("timeOfUse", b.band())
        .put("usage", b.usage() == null ? null : b.usage().toPlainString())
        .put("usageUnits", b.usageUnits()).put("description", b.description()));
    return array.toString();
  }

  private LocalDate start(MeterUsage u) {
    return u.startDate() != null ? u.startDate() : value(bill.periodStart());
  }

  private LocalDate end(MeterUsage u) {
    return u.endDate() != null ? u.endDate() : value(bill.periodEnd());
  }

  private String currency() {
    return BillMeterKeys.text(bill.currency());
  }

  private static <T> T value(Field<T> field) {
    return field == null ? null : field.value();
  }
}

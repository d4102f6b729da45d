package io.nectar.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a generated bill truly says, in the format of the hand-checked truth files in
 * {@code shared/data/bills/*.json} (their README): dates as ISO days, amounts and quantities as exact
 * decimal strings, units normalised (kWh, therms, CCF, HCF, gal), credits negative, line items that
 * sum to the total.
 *
 * @param meterNumbers one entry for a one-meter bill (written as a string), several for a multi-meter one
 * @param billDate the statement date as printed (not the contract's last day of the period)
 * @param demand the billed kW when a single figure is unambiguous, else null
 */
record BillTruth(
    String layout,
    String datasourceType,
    String accountNumber,
    List<String> meterNumbers,
    LocalDate periodStart,
    LocalDate periodEnd,
    LocalDate billDate,
    LocalDate dueDate,
    List<Usage> usage,
    List<Usage> alternateUsage,
    BigDecimal demand,
    BigDecimal totalCharges,
    String currency,
    List<LineItem> lineItems,
    String notes) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  BillTruth {
    meterNumbers = List.copyOf(meterNumbers);
    usage = List.copyOf(usage);
    alternateUsage = List.copyOf(alternateUsage);
    lineItems = List.copyOf(lineItems);
  }

  /**
   * One usage figure.
   *
   * @param meterNumber set on multi-meter bills, null otherwise
   * @param register e.g. on-peak, off-peak; null when the meter has one register
   */
  record Usage(BigDecimal value, String units, String meterNumber, String register) {
    static Usage of(BigDecimal value, String units) {
      return new Usage(value, units, null, null);
    }
  }

  /** A leaf charge line as printed; a credit is negative. */
  record LineItem(String description, BigDecimal totalCharge) {}

  BigDecimal lineItemSum() {
    return lineItems.stream().map(LineItem::totalCharge).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("layout", layout);
    root.put("source", "generated: bench corpus (io.nectar.corpus)");
    root.put("datasourceType", datasourceType);
    root.put("accountNumber", accountNumber);
    if (meterNumbers.isEmpty()) {
      root.putNull("meterNumber");
    } else if (meterNumbers.size() == 1) {
      root.put("meterNumber", meterNumbers.get(0));
    } else {
      ArrayNode meters = root.putArray("meterNumber");
      meterNumbers.forEach(meters::add);
    }
    root.put("periodStart", periodStart.toString());
    root.put("periodEnd", periodEnd.toString());
    putDate(root, "billDate", billDate);
    putDate(root, "dueDate", dueDate);
    usages(root.putArray("usage"), usage);
    if (!alternateUsage.isEmpty()) {
      usages(root.putArray("alternateUsage"), alternateUsage);
    }
    if (demand == null) {
      root.putNull("demand");
    } else {
      root.put("demand", demand.toPlainString());
    }
    root.put("totalCharges", totalCharges.toPlainString());
    root.put("currency", currency);
    ArrayNode lines = root.putArray("lineItems");
    for (LineItem line : lineItems) {
      lines.addObject().put("description", line.description()).put("totalCharge", line.totalCharge().toPlainString());
    }
    if (notes != null) {
      root.put("notes", notes);
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  private static void putDate(ObjectNode node, String name, LocalDate date) {
    if (date == null) {
      node.putNull(name);
    } else {
      node.put(name, date.toString());
    }
  }

  private static void usages(ArrayNode array, List<Usage> usages) {
    for (Usage usage : usages) {
      ObjectNode node = array.addObject().put("value", usage.value().toPlainString()).put("units", usage.units());
      if (usage.meterNumber() != null) {
        node.put("meterNumber", usage.meterNumber());
      }
      if (usage.register() != null) {
        node.put("register", usage.register());
      }
    }
  }
}

package io.nectar.parsing.generic;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import io.nectar.parsing.Field;
import io.nectar.parsing.normal.Units;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares an extracted bill with a hand-checked truth file, field by field: account (or an alternate), meter(s),
 * period start and end, usage with units, total charges, due date, and the line items' amounts. A field the truth
 * marks absent (null) is right only when nothing was extracted.
 */
final class RealBillScore {
  final Map<String, Boolean> fields = new LinkedHashMap<>();
  final List<String> misses = new ArrayList<>();

  RealBillScore(JsonNode truth, ExtractedBill bill) {
    account(truth, bill);
    meters(truth, bill);
    date("periodStart", truth, bill.periodStart());
    date("periodEnd", truth, bill.periodEnd());
    usage(truth, bill);
    BigDecimal total = value(bill.totalCharges());
    check("totalCharges", total != null && total.compareTo(new BigDecimal(truth.get("totalCharges").asText())) == 0,
        truth.get("totalCharges").asText(), total);
    date("dueDate", truth, bill.dueDate());
    lineItems(truth, bill);
  }

  int right() {
    return (int) fields.values().stream().filter(b -> b).count();
  }

  int total() {
    return fields.size();
  }

  private void check(String name, boolean ok, Object expected, Object got) {
    fields.put(name, ok);
    if (!ok) {
      misses.add(name + " expected " + expected + " got " + got);
    }
  }

  private static <T> T value(Field<T> f) {
    return f == null ? null : f.value();
  }

  private static String plain(String s) {
    return s == null ? null : s.strip().replaceAll("\\s+", " ");
  }

  private void account(JsonNode truth, ExtractedBill bill) {
    String got = plain(value(bill.accountNumber()));
    JsonNode t = truth.get("accountNumber");
    if (t == null || t.isNull()) {
      check("accountNumber", got == null, null, got);
      return;
    }
    List<String> accepted = new ArrayList<>(List.of(plain(t.asText())));
    JsonNode alt = truth.get("accountNumberAlternates");
    if (alt != null && alt.isObject()) {
      alt.elements().forEachRemaining(a -> accepted.add(plain(a.asText())));
    }
    check("accountNumber", accepted.contains(got), accepted, got);
  }

  private void meters(JsonNode truth, ExtractedBill bill) {
    List<String> got = bill.meters().stream().map(m -> plain(value(m.meterNumber()))).filter(Objects::nonNull)
        .distinct().toList();
    JsonNode t = truth.get("meterNumber");
    List<String> expected = new ArrayList<>();
    if (t != null && t.isArray()) {
      t.elements().forEachRemaining(m -> expected.add(m.asText()));
    } else if (t != null && !t.isNull()) {
      expected.add(t.asText());
    }
    check("meterNumber", got.size() == expected.size() && got.containsAll(expected), expected, got);
  }

  private void date(String name, JsonNode truth, Field<LocalDate> field) {
    JsonNode t = truth.get(name);
    LocalDate got = value(field);
    LocalDate expected = t == null || t.isNull() ? null : LocalDate.parse(t.asText());
    check(name, Objects.equals(expected, got), expected, got);
  }

  private void usage(JsonNode truth, ExtractedBill bill) {
    List<String> expected = new ArrayList<>();
    truth.get("usage").elements().forEachRemaining(u -> expected.add(
        new BigDecimal(u.get("value").asText()).stripTrailingZeros().toPlainString() + " "
            + Units.apiUnit(u.get("units").asText()).orElse(u.get("units").asText())));
    List<String> got = new ArrayList<>();
    for (MeterUsage m : bill.meters()) {
      if (m.usage() != null && m.usage().value() != null) {
        got.add(m.usage().value().stripTrailingZeros().toPlainString() + " " + m.usageUnits());
      }
    }
    check("usage", got.containsAll(expected) && got.size() == expected.size(), expected, got);
  }

  private void lineItems(JsonNode truth, ExtractedBill bill) {
    List<BigDecimal> expected = new ArrayList<>();
    truth.get("lineItems").elements().forEachRemaining(l -> expected.add(
        new BigDecimal(l.get("totalCharge").asText()).stripTrailingZeros()));
    List<BigDecimal> got = bill.lineItems().stream().map(c -> c.amount().stripTrailingZeros()).toList();
    List<BigDecimal> left = new ArrayList<>(expected);
    boolean ok = got.size() == expected.size();
    for (BigDecimal g : got) {
      ok &= left.remove(g);
    }
    check("lineItems", ok, expected, got);
  }
}

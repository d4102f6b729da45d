package io.nectar.parsing.score;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import io.nectar.parsing.Field;
import io.nectar.parsing.normal.Units;
import io.nectar.parsing.score.FieldScore.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares what was read off a bill with its truth, field by field. Numbers compare by value ({@code 12.0} is
 * {@code 12.00}); usages, meters and line items compare as multisets, so order is not judged.
 */
public final class Scorer {
  private Scorer() {}

  /** {@code bill} may be null (nothing was read): every field present in the truth is then missing. */
  public static BillScore score(String file, Truth truth, ExtractedBill bill) {
    List<FieldScore> out = new ArrayList<>();
    account(truth, bill, out);
    meters(truth, bill, out);
    text(out, truth, "periodStart", bill == null ? null : str(bill.periodStart()));
    text(out, truth, "periodEnd", bill == null ? null : str(bill.periodEnd()));
    if (truth.text("dueDate") != null) {
      text(out, truth, "dueDate", bill == null ? null : str(bill.dueDate()));
    }
    if (truth.text("totalCharges") != null) {
      BigDecimal actual = bill == null || bill.totalCharges() == null ? null : bill.totalCharges().value();
      out.add(number("totalCharges", new BigDecimal(truth.text("totalCharges")), actual));
    }
    usage(truth, bill, out);
    demand(truth, bill, out);
    lineItems(truth, bill, out);
    return new BillScore(file, out);
  }

  private static void account(Truth truth, ExtractedBill bill, List<FieldScore> out) {
    if (!truth.has("accountNumber")) {
      return;
    }
    String actual = bill == null ? null : str(bill.accountNumber());
    String expected = truth.text("accountNumber");
    if (expected == null) {
      out.add(new FieldScore("accountNumber", actual == null ? Outcome.EXACT : Outcome.WRONG, null, actual));
      return;
    }
    List<String> accepted = new ArrayList<>(List.of(expected));
    accepted.addAll(truth.texts("accountNumberAlternates"));
    Outcome outcome = actual == null ? Outcome.MISSING
        : accepted.stream().anyMatch(a -> squash(a).equals(squash(actual))) ? Outcome.EXACT : Outcome.WRONG;
    out.add(new FieldScore("accountNumber", outcome, expected, actual));
  }

  /** Account and meter numbers compare without spaces and dashes, which bills print inconsistently. */
  private static String squash(String id) {
    return id.replaceAll("[\\s-]", "");
  }

  private static void meters(Truth truth, ExtractedBill bill, List<FieldScore> out) {
    if (!truth.has("meterNumber")) {
      return;
    }
    List<String> expected = truth.texts("meterNumber").stream().map(Scorer::squash).sorted().toList();
    List<String> actual = bill == null ? List.of() : bill.meters().stream().map(MeterUsage::meterNumber)
        .filter(Objects::nonNull).map(Field::value).filter(Objects::nonNull).map(Scorer::squash).distinct().sorted()
        .toList();
    Outcome outcome = expected.equals(actual) ? Outcome.EXACT : actual.isEmpty() ? Outcome.MISSING : Outcome.WRONG;
    out.add(new FieldScore("meterNumber", outcome, String.join(",", expected), String.join(",", actual)));
  }

  private static void usage(Truth truth, ExtractedBill bill, List<FieldScore> out) {
    JsonNode usage = truth.json().get("usage");
    if (usage == null || usage.isNull()) {
      return;
    }
    List<String> actual = new ArrayList<>();
    if (bill != null) {
      for (MeterUsage m : bill.meters()) {
        if (m.usage() != null && m.usage().value() != null) {
          actual.add(m.usage().value().stripTrailingZeros().toPlainString() + " " + m.usageUnits());
        }
      }
    }
    for (JsonNode u : usage) {
      String units = Units.apiUnit(u.get("units").asText()).orElse(u.get("units").asText());
      String expected = new BigDecimal(u.get("value").asText()).stripTrailingZeros().toPlainString() + " " + units;
      Outcome outcome = actual.remove(expected) ? Outcome.EXACT : actual.isEmpty() ? Outcome.MISSING : Outcome.WRONG;
      String read = outcome == Outcome.EXACT ? expected : String.join(",", actual);
      out.add(new FieldScore("usage", outcome, expected, read));
    }
  }

  private static void demand(Truth truth, ExtractedBill bill, List<FieldScore> out) {
    JsonNode demand = truth.json().get("demand");
    if (demand == null || demand.isNull()) {
      return;
    }
    String expectedValue = demand.isObject() ? demand.get("value").asText() : demand.asText();
    BigDecimal expected = new BigDecimal(expectedValue);
    List<BigDecimal> actual = bill == null ? List.of() : bill.meters().stream()
        .flatMap(m -> m.demand().stream()).map(ExtractedBill.Demand::value).toList();
    Outcome outcome = actual.stream().anyMatch(a -> a.compareTo(expected) == 0) ? Outcome.EXACT
        : actual.isEmpty() ? Outcome.MISSING : Outcome.WRONG;
    out.add(new FieldScore("demand", outcome, expected.toPlainString(), actual.toString()));
  }

  private static void lineItems(Truth truth, ExtractedBill bill, List<FieldScore> out) {
    JsonNode items = truth.json().get("lineItems");
    if (items == null || items.isNull()) {
      return;
    }
    List<BigDecimal> expected = new ArrayList<>();
    items.forEach(i -> expected.add(new BigDecimal(i.get("totalCharge").asText())));
    List<BigDecimal> actual = bill == null ? List.of()
        : bill.lineItems().stream().map(Charge::amount).filter(Objects::nonNull).toList();
    out.add(new FieldScore("lineItems.count", expected.size() == actual.size() ? Outcome.EXACT
        : actual.isEmpty() ? Outcome.MISSING : Outcome.WRONG, String.valueOf(expected.size()),
        String.valueOf(actual.size())));
    List<String> a = new ArrayList<>(actual.stream().map(v -> v.stripTrailingZeros().toPlainString()).toList());
    List<String> e = expected.stream().map(v -> v.stripTrailingZeros().toPlainString()).toList();
    int matched = 0;
    for (String v : e) {
      if (a.remove(v)) {
        matched++;
      }
    }
    out.add(new FieldScore("lineItems.amounts", matched == e.size() && a.isEmpty() ? Outcome.EXACT
        : actual.isEmpty() ? Outcome.MISSING : Outcome.WRONG, e.toString(), actual.toString()));
  }

  private static void text(List<FieldScore> out, Truth truth, String field, String actual) {
    if (!truth.has(field)) {
      return;
    }
    String expected = truth.text(field);
    Outcome outcome = Objects.equals(expected, actual) ? Outcome.EXACT
        : actual == null ? Outcome.MISSING : Outcome.WRONG;
    out.add(new FieldScore(field, outcome, expected, actual));
  }

  private static FieldScore number(String field, BigDecimal expected, BigDecimal actual) {
    Outcome outcome = actual == null ? Outcome.MISSING
        : actual.compareTo(expected) == 0 ? Outcome.EXACT : Outcome.WRONG;
    return new FieldScore(field, outcome, expected.toPlainString(), actual == null ? null : actual.toPlainString());
  }

  private static String str(Field<?> field) {
    return field == null || field.value() == null ? null : field.value().toString();
  }
}

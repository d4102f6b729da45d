package io.nectar.parsing.generic;

import io.nectar.parsing.normal.DateOrder;
import io.nectar.parsing.normal.DecimalStyle;
import io.nectar.parsing.normal.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Figures of usage: rows of meter readings (previous, current, multiplier, usage) checked by
 * {@code (current - previous) × multiplier = usage}, and figures printed with a usage unit.
 */
final class MeterReads {
  /** A figure with its unit as printed, in the row it came from. */
  record Figure(BigDecimal value, String rawUnit, String apiUnit, Row row, int token) {}

  /** A read row: the readings, and the usage they check. */
  record Read(Row row, BigDecimal previous, BigDecimal current, BigDecimal multiplier, Figure usage,
      boolean checked) {}

  private final Sheet sheet;
  private final DecimalStyle style;
  private final DateOrder order;
  private final Phrases multiplierLabel;

  MeterReads(Sheet sheet, DecimalStyle style, DateOrder order, Phrases multiplierLabel) {
    this.sheet = sheet;
    this.style = style;
    this.order = order;
    this.multiplierLabel = multiplierLabel;
  }

  /** The unit a printed word names, if it is a unit of usage or demand: {@code onkwh} is kWh of the on-peak band. */
  static Optional<String> unit(String printed) {
    String p = printed.replaceAll("[():,;.]+$", "").replaceAll("^\\(", "");
    if (p.isEmpty() || !Character.isLetter(p.charAt(0))) {
      return Optional.empty();
    }
    Optional<String> u = Units.apiUnit(p);
    if (u.isEmpty()) {
      String lower = p.toLowerCase(java.util.Locale.ROOT);
      for (String band : List.of("on", "off", "mid")) {
        if (lower.startsWith(band) && lower.length() > band.length()) {
          u = Units.apiUnit(lower.substring(band.length()));
          break;
        }
      }
    }
    return u;
  }

  static String register(String rawUnit) {
    String lower = rawUnit.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("on")) {
      return "PEAK";
    }
    if (lower.startsWith("off")) {
      return "OFF_PEAK";
    }
    return null;
  }

  /** The numeric tokens of a row outside its dates, as (token index, value). */
  List<int[]> numbers(Row row, List<BigDecimal> values) {
    List<int[]> out = new ArrayList<>();
    List<Grammar.FoundDate> dates = Grammar.dates(row.key, order);
    for (int i = 0; i < row.tokens.size(); i++) {
      int s = row.start(i);
      int e = s + row.tokens.get(i).key().length();
      if (dates.stream().anyMatch(d -> d.start() < e && s < d.end())) {
        continue;
      }
      String t = row.tokens.get(i).text();
      if (t.contains("/") || Grammar.isMoney(t) && t.matches(".*[$€£].*")) {
        continue;
      }
      Optional<BigDecimal> v = Grammar.quantity(t, style);
      if (v.isPresent()) {
        out.add(new int[] {i});
        values.add(v.get());
      }
    }
    return out;
  }

  /** Figures followed by a unit ("4,471 kwh", "105380 kWh)", "45 therms"). */
  List<Figure> figures() {
    List<Figure> out = new ArrayList<>();
    for (Row row : sheet.rows) {
      List<BigDecimal> values = new ArrayList<>();
      List<int[]> nums = numbers(row, values);
      for (int k = 0; k < nums.size(); k++) {
        int i = nums.get(k)[0];
        String next = i + 1 < row.tokens.size() ? row.tokens.get(i + 1).text() : "";
        String tokenText = row.tokens.get(i).text();
        if (tokenText.startsWith("(")) {
          tokenText = tokenText.substring(1);
        }
        Optional<String> u = unit(next);
        if (u.isPresent() && !row.gapBefore(i + 1)) {
          out.add(new Figure(values.get(k), next.replaceAll("[():,;.]+$", ""), u.get(), row, i));
        }
      }
      // Figures glued to their unit: "(105380kWh)".
      for (int i = 0; i < row.tokens.size(); i++) {
        String t = row.tokens.get(i).text().replaceAll("^\\(|[():,;.]+$", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([\\d.,]+)([A-Za-z³]+)$").matcher(t);
        if (m.matches()) {
          Optional<String> u = unit(m.group(2));
          Optional<BigDecimal> v = Grammar.quantity(m.group(1), style);
          if (u.isPresent() && v.isPresent()) {
            out.add(new Figure(v.get(), m.group(2), u.get(), row, i));
          }
        }
      }
    }
    return out;
  }

  /**
   * Read rows: two readings then, further right, the usage; a multiplier may sit between. A row whose figures
   * agree ({@code (current - previous) × multiplier = usage}) is checked.
   */
  List<Read> reads(List<Figure> figures) {
    List<Read> out = new ArrayList<>();
    for (Row row : sheet.rows) {
      List<BigDecimal> values = new ArrayList<>();
      List<int[]> nums = numbers(row, values);
      if (nums.size() < 2) {
        continue;
      }
      Figure usage = figures.stream().filter(f -> f.row() == row).reduce((a, b) -> b).orElse(null);
      int usageAt = usage == null ? nums.size() - 1 : indexOf(nums, usage.token());
      if (usageAt < 0) {
        continue;
      }
      BigDecimal u = usage == null ? values.get(usageAt) : usage.value();
      Read found = null;
      for (int p = 0; p + 1 < usageAt && found == null; p++) {
        BigDecimal prev = values.get(p);
        BigDecimal cur = values.get(p + 1);
        if (cur.compareTo(prev) < 0) {
          continue;
        }
        List<BigDecimal> multipliers = new ArrayList<>(values.subList(p + 2, usageAt));
        multipliers.add(BigDecimal.ONE);
        sectionMultiplier(row).ifPresent(multipliers::add);
        for (BigDecimal m : multipliers) {
          if (cur.subtract(prev).multiply(m).compareTo(u) == 0 && m.signum() > 0) {
            found = new Read(row, prev, cur, m, usage == null ? new Figure(u, null, null, row, nums.get(usageAt)[0])
                : usage, true);
            break;
          }
        }
      }
      if (found != null) {
        out.add(found);
      }
    }
    return out;
  }

  /**
   * The multiplier a meter's section prints once in its heading ("Meter Number: 906 ... Multiplier: 120") over
   * register rows that print only readings and usage: the nearest labelled multiplier above on the same page.
   */
  private Optional<BigDecimal> sectionMultiplier(Row row) {
    for (int i = row.index - 1; i >= 0 && i >= row.index - 8; i--) {
      Row r = sheet.rows.get(i);
      if (r.page != row.page) {
        break;
      }
      for (Phrases.Hit hit : multiplierLabel.find(r.key)) {
        for (int t = r.tokenAt(hit.end()); t < r.tokens.size(); t++) {
          String text = r.tokens.get(t).text();
          if (text.matches("\\p{Punct}+") || r.start(t) < hit.end()) {
            continue;
          }
          Optional<BigDecimal> v = Grammar.quantity(text, style);
          if (v.isPresent() && v.get().signum() > 0) {
            return v;
          }
          break;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Readings without a usage unit in a block of figure-only rows: a row with previous, current and a third
   * figure whose value is the sum of the block's differences (several registers added up), else the third figure.
   */
  List<Read> bareReads() {
    List<Read> out = new ArrayList<>();
    List<Row> block = new ArrayList<>();
    List<List<BigDecimal>> blockValues = new ArrayList<>();
    for (Row row : sheet.rows) {
      List<BigDecimal> values = new ArrayList<>();
      List<int[]> nums = numbers(row, values);
      boolean figuresFirst = !nums.isEmpty() && nums.get(0)[0] == 0 && nums.size() >= 1
          && (nums.size() < 2 || values.get(1).compareTo(values.get(0)) >= 0)
          && values.stream().allMatch(v -> v.scale() <= 0 && v.signum() >= 0);
      if (figuresFirst && !blockIsBroken(block, row)) {
        block.add(row);
        blockValues.add(values);
        continue;
      }
      flush(block, blockValues, out);
      block.clear();
      blockValues.clear();
      if (figuresFirst) {
        block.add(row);
        blockValues.add(values);
      }
    }
    flush(block, blockValues, out);
    return out;
  }

  private static boolean blockIsBroken(List<Row> block, Row row) {
    return !block.isEmpty() && (block.get(block.size() - 1).page != row.page
        || row.index - block.get(block.size() - 1).index > 1);
  }

  private void flush(List<Row> block, List<List<BigDecimal>> values, List<Read> out) {
    if (block.size() < 2) {
      return;
    }
    BigDecimal diffs = BigDecimal.ZERO;
    for (List<BigDecimal> v : values) {
      if (v.size() >= 2) {
        diffs = diffs.add(v.get(1).subtract(v.get(0)));
      }
    }
    for (int i = 0; i < block.size(); i++) {
      List<BigDecimal> v = values.get(i);
      if (v.size() == 3 && v.get(1).compareTo(v.get(0)) >= 0) {
        boolean checked = v.get(2).compareTo(diffs) == 0 || v.get(2).compareTo(v.get(1).subtract(v.get(0))) == 0;
        out.add(new Read(block.get(i), v.get(0), v.get(1), BigDecimal.ONE,
            new Figure(v.get(2), null, null, block.get(i), -1), checked));
        return;
      }
    }
  }

  private static int indexOf(List<int[]> nums, int token) {
    for (int i = 0; i < nums.size(); i++) {
      if (nums.get(i)[0] == token) {
        return i;
      }
    }
    return -1;
  }
}

package io.nectar.parsing.layouts;

import io.nectar.parsing.normal.DateOrder;
import io.nectar.parsing.normal.DecimalStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One utility's bill layout as data (a YAML file under {@code layouts/}; the format is explained in
 * {@code layouts/README.md}).
 *
 * @param fields bill-level rules by field name (see {@link #FIELDS}); a field's rules are tried in order
 */
public record Template(
    String id,
    String utility,
    String datasourceType,
    String currency,
    DateOrder dateOrder,
    DecimalStyle decimalStyle,
    Identify identify,
    Map<String, List<Rule>> fields,
    Meters meters,
    List<Table> lineItems) {

  /** The bill-level fields a template may read. {@code period} reads both ends from one printed range. */
  public static final Set<String> FIELDS = Set.of("accountNumber", "serviceAddress", "period", "periodStart",
      "periodEnd", "statementDate", "dueDate", "totalCharges", "amountDue", "taxCharges", "currency");

  public Template {
    dateOrder = dateOrder == null ? DateOrder.US : dateOrder;
    decimalStyle = decimalStyle == null ? DecimalStyle.AUTO : decimalStyle;
    fields = fields == null ? Map.of() : Map.copyOf(fields);
    lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
  }

  /**
   * Words that identify the layout. Text is compared with case, accents, spaces and punctuation removed, so
   * {@code "Pacific Power"} also finds {@code PACIFIC  P0WER}'s neighbours {@code PacificPower} and
   * {@code PACIFIC-POWER}.
   *
   * @param all every one must appear
   * @param any at least one must appear, when given
   * @param none none may appear (to tell a layout from its look-alikes)
   * @param minScore share of all keywords found below which the layout does not claim the bill (default 0.5)
   */
  public record Identify(List<String> all, List<String> any, List<String> none, Double minScore) {
    public Identify {
      all = all == null ? List.of() : List.copyOf(all);
      any = any == null ? List.of() : List.copyOf(any);
      none = none == null ? List.of() : List.copyOf(none);
    }
  }

  /** Where a rule looks for its value relative to the label. */
  public enum Position {
    /** {@code pattern} is matched against each line; its {@code value} group is the value. */
    LINE,
    /** {@code label} finds the line; {@code pattern} is matched on the next {@code lines} lines. */
    NEXT_LINE,
    /** {@code label} finds the line; {@code pattern} is matched on the words right of the label only. */
    RIGHT,
    /** {@code label} finds the line; {@code pattern} is matched on the words under the label (a column). */
    BELOW,
    /** {@code pattern} is matched against the whole text (lines joined by newlines), for values across lines. */
    TEXT
  }

  /** Which match a rule takes when several lines match. */
  public enum Occurrence {
    FIRST,
    LAST,
    ALL
  }

  /**
   * Part of a page, as fractions of its width and height from the top left.
   *
   * @param page 1-based; null for every page
   */
  public record Region(Integer page, Double top, Double bottom, Double left, Double right) {}

  /**
   * How to read one value.
   *
   * @param pattern with a {@code value} group (or {@code start} and {@code end} for a period); the whole match
   *     when it has no group
   * @param yearFrom for dates printed without a year: the field whose year they take ({@code statementDate}, …)
   * @param confidence how sure a match makes the extractor (default 0.9)
   */
  public record Rule(Regex label, Regex pattern, Position position, Integer lines, Region region,
      Double confidence, Occurrence occurrence, String yearFrom) {}

  /**
   * How to read a usage, demand or time-of-use figure: {@code value} group, units from a {@code units} group or
   * the fixed {@code units}.
   *
   * @param register what a usage measures when a meter has several (PEAK, OFF_PEAK, EXPORT, …)
   * @param band a time-of-use band (PEAK, OFF_PEAK, …) for timeOfUse rules, unless a {@code band} group reads it
   * @param type a demand type (PEAK, …) for demand rules
   * @param factorGroup when the bill prints therms per CCF, a {@code factor} group turns the volume into therms
   */
  public record UsageRule(Regex label, Regex pattern, Position position, Integer lines, Region region,
      Double confidence, Occurrence occurrence, String units, String register, String band, String type,
      String description, Boolean factorGroup) {
    Rule asRule() {
      return new Rule(label, pattern, position, lines, region, confidence, occurrence, null);
    }
  }

  /**
   * The meters of a bill. With a {@code block}, every stretch of lines from a {@code start} match to the next
   * {@code start} (or {@code end}) is read on its own, one meter each: that is how multi-meter bills work.
   */
  public record Meters(Block block, List<Rule> meterNumber, List<Rule> period, List<Rule> periodStart,
      List<Rule> periodEnd, List<UsageRule> usage, List<UsageRule> demand, List<UsageRule> timeOfUse,
      List<Rule> multiplier, List<Rule> previousReading, List<Rule> currentReading, Regex estimated) {
    public Meters {
      meterNumber = nonNull(meterNumber);
      period = nonNull(period);
      periodStart = nonNull(periodStart);
      periodEnd = nonNull(periodEnd);
      usage = nonNull(usage);
      demand = nonNull(demand);
      timeOfUse = nonNull(timeOfUse);
      multiplier = nonNull(multiplier);
      previousReading = nonNull(previousReading);
      currentReading = nonNull(currentReading);
    }
  }

  /** A repeated stretch of lines: from a line {@code start} finds to the line {@code end} finds (exclusive). */
  public record Block(Regex start, Regex end) {}

  /**
   * A table of charges between two markers (both exclusive); each line is tried against the row patterns in
   * order, lines matching {@code skip} or no row are ignored.
   *
   * @param occurrence ALL reads every start..end stretch (a table per meter), FIRST (default) the first
   * @param meterGroup for tables repeated per meter: the {@code start} group holding the meter number
   * @param region the part of the page the table is printed in: {@code left}/{@code right} keep only the words
   *     inside those edges (so a sidebar printed beside the table does not run into its rows), {@code page},
   *     {@code top}, {@code bottom} keep only the lines there
   * @param meters on which bills the table is read, by how many meters the bill has (default ANY): a layout that
   *     lists every charge for a one-meter bill but one summary line per service for a multi-meter bill
   */
  public record Table(Regex start, Regex end, List<Regex> skip, List<Row> rows, Double confidence,
      Occurrence occurrence, String meterGroup, Region region, MeterCount meters) {
    public Table {
      skip = nonNull(skip);
      rows = nonNull(rows);
      meters = meters == null ? MeterCount.ANY : meters;
    }
  }

  /** How many distinct meters a bill has, for tables read on some bills only. */
  public enum MeterCount {
    ANY,
    /** no meter number read, or one */
    ONE,
    /** two or more distinct meter numbers */
    SEVERAL;

    boolean fits(long meters) {
      return switch (this) {
        case ANY -> true;
        case ONE -> meters <= 1;
        case SEVERAL -> meters >= 2;
      };
    }
  }

  /**
   * One kind of table row: groups {@code description}, {@code quantity}, {@code units}, {@code rate},
   * {@code amount} (only amount is required).
   */
  public record Row(Regex pattern, String chargeType) {}

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}

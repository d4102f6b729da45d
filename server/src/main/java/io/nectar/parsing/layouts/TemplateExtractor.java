package io.nectar.parsing.layouts;

import io.nectar.parsing.BillText;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.ExtractedBill.Demand;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import io.nectar.parsing.ExtractedBill.TimeOfUse;
import io.nectar.parsing.Field;
import io.nectar.parsing.Line;
import io.nectar.parsing.Page;
import io.nectar.parsing.Word;
import io.nectar.parsing.layouts.Template.Occurrence;
import io.nectar.parsing.layouts.Template.Position;
import io.nectar.parsing.layouts.Template.Region;
import io.nectar.parsing.layouts.Template.Rule;
import io.nectar.parsing.layouts.Template.Table;
import io.nectar.parsing.layouts.Template.UsageRule;
import io.nectar.parsing.normal.Amount;
import io.nectar.parsing.normal.Amounts;
import io.nectar.parsing.normal.DateRange;
import io.nectar.parsing.normal.Dates;
import io.nectar.parsing.normal.Units;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/** Runs one template over a bill's text: finds each rule's value, normalises it, and scores it. */
final class TemplateExtractor {
  static final double DEFAULT_CONFIDENCE = 0.9;
  private static final Regex ANY_VALUE = Regex.of("(?<value>\\S.*)");
  private static final int DEFAULT_NEXT_LINES = 1;
  private static final int DEFAULT_BELOW_LINES = 3;

  private final Template template;

  TemplateExtractor(Template template) {
    this.template = template;
  }

  /**
   * A line of the bill with the page it is on, so regions can be applied. On OCR pages {@code bare} is the
   * same line stripped harder (every punctuation-only token gone), tried when a pattern misses the line.
   */
  record Ln(Line line, Page page, String text, Ln bare) {
    Ln(Line line, Page page, String text) {
      this(line, page, text, null);
    }

    /**
     * The median of the line's word confidences: one doubted speck or currency sign beside a well-read
     * figure should not pull the figure under the trusted level, as a mean would.
     */
    double wordConfidence() {
      double[] sorted = line.words().stream().mapToDouble(Word::confidence).sorted().toArray();
      if (sorted.length == 0) {
        return 1;
      }
      int mid = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
  }

  /**
   * A rule's match: the matcher (for its groups), the line it was on (null for TEXT rules), and the groups put
   * back into shape when the match was tolerant of OCR's look-alike characters ({@link Confusables}).
   */
  record Hit(Matcher match, Ln line, double confidence, Map<String, String> repaired) {
    Hit(Matcher match, Ln line, double confidence) {
      this(match, line, confidence, Map.of());
    }

    String group(String name) {
      if (repaired.containsKey(name)) {
        return repaired.get(name);
      }
      try {
        String value = match.group(name);
        return value == null ? null : value.strip().replaceAll("\\s+", " ");
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    String value() {
      String value = group("value");
      if (value != null) {
        return value;
      }
      return (match.groupCount() > 0 && match.group(1) != null ? match.group(1) : match.group()).strip()
          .replaceAll("\\s+", " ");
    }
  }

  ExtractedBill extract(BillText text) {
    List<Ln> lines = new ArrayList<>();
    for (Page page : text.pages()) {
      for (Line line : page.lines()) {
        lines.add(ln(line, page));
      }
    }
    ExtractedBill.Builder bill = ExtractedBill.builder(template.id())
        .datasourceType(Field.of(template.datasourceType(), 1.0, "template " + template.id()))
        .utilityName(template.utility() == null ? null : Field.of(template.utility(), 1.0, template.utility()));

    Map<String, Field<LocalDate>> dates = new HashMap<>();
    // dates printed with a year first, so day-and-month-only dates can borrow theirs
    for (String name : List.of("statementDate", "dueDate", "periodStart", "periodEnd")) {
      dates.put(name, date(rules(name), lines, dates, false));
    }
    Optional<Field<DateRange>> period = range(rules("period"), lines);
    for (String name : List.of("statementDate", "dueDate", "periodStart", "periodEnd")) {
      if (dates.get(name) == null) {
        dates.put(name, date(rules(name), lines, dates, true));
      }
    }
    if (period.isPresent()) {
      Field<DateRange> p = period.get();
      if (dates.get("periodStart") == null) {
        dates.put("periodStart", Field.of(p.value().start(), p.confidence(), p.raw()));
      }
      if (dates.get("periodEnd") == null) {
        dates.put("periodEnd", Field.of(p.value().end(), p.confidence(), p.raw()));
      }
    }
    // a scan's field the template missed: the generic reading, below the trusted level (GenericFallback)
    GenericFallback fallback = text.usedOcr() ? new GenericFallback(text) : null;
    for (String name : List.of("statementDate", "dueDate", "periodStart", "periodEnd")) {
      if (fallback != null) {
        dates.put(name, fallback.or(dates.get(name), switch (name) {
          case "statementDate" -> ExtractedBill::statementDate;
          case "dueDate" -> ExtractedBill::dueDate;
          case "periodStart" -> ExtractedBill::periodStart;
          default -> ExtractedBill::periodEnd;
        }));
      }
    }
    if (text.usedOcr() && dates.get("periodStart") != null && dates.get("periodEnd") != null) {
      // a period out of order or years long by one end's misread year digit: that year put right, flagged
      LocalDate statement = dates.get("statementDate") == null ? null : dates.get("statementDate").value();
      PeriodYear.repair(dates.get("periodStart").value(), dates.get("periodEnd").value(), statement).ifPresent(r -> {
        String name = r.end() == PeriodYear.End.START ? "periodStart" : "periodEnd";
        Field<LocalDate> read = dates.get(name);
        dates.put(name, Field.of(r.date(), Math.min(read.confidence() * REPAIRED, GenericFallback.CAP), read.raw()));
      });
    }
    bill.statementDate(dates.get("statementDate")).dueDate(dates.get("dueDate"))
        .periodStart(dates.get("periodStart")).periodEnd(dates.get("periodEnd"));
    Field<String> account = text(rules("accountNumber"), lines);
    bill.accountNumber(fallback == null ? account : fallback.or(account, ExtractedBill::accountNumber))
        .serviceAddress(text(rules("serviceAddress"), lines));
    Field<Amount> total = amount(rules("totalCharges"), lines);
    Field<BigDecimal> totalCharges = value(total);
    Field<BigDecimal> amountDue = value(amount(rules("amountDue"), lines));
    if (fallback != null) {
      totalCharges = fallback.or(totalCharges, ExtractedBill::totalCharges);
      amountDue = fallback.or(amountDue, ExtractedBill::amountDue);
    }
    bill.totalCharges(totalCharges).amountDue(amountDue).taxCharges(value(amount(rules("taxCharges"), lines)));
    Field<String> currency = text(rules("currency"), lines);
    if (currency == null && template.currency() != null) {
      currency = Field.of(template.currency(), 1.0, "template " + template.id());
    }
    if (currency == null && total != null && total.value().currency() != null) {
      currency = Field.of(total.value().currency(), total.confidence(), total.raw());
    }
    bill.currency(currency);
    List<MeterUsage> meters = meters(lines, dates);
    if (fallback != null) {
      meters = fallback.usage(meters);
    }
    bill.meters(meters);
    TableRead table = charges(lines, meters);
    List<Charge> charges = table.charges();
    // only the layout's own total may change what the table read: a second opinion's could be the net or the
    // amount due, and rows would be dropped to meet it
    if (text.usedOcr() && total != null) {
      BigDecimal sum = total.value().value();
      charges = lostMinus(charges, sum);
      if (!sumsTo(charges, sum)) {
        Optional<List<Charge>> reconciled = TotalCheck.reconcile(table.readings(), sum);
        Optional<List<Charge>> byArithmetic = reconciled.isPresent() ? Optional.empty() : byArithmetic(table, sum);
        if (reconciled.isPresent()) {
          charges = reconciled.get();
        } else if (byArithmetic.isPresent()) {
          charges = byArithmetic.get();
          // the charges were put right, not read: the total that confirmed them is held below trusted, so the
          // bill is flagged for a person to look at
          if (totalCharges != null) {
            bill.totalCharges(Field.of(totalCharges.value(), Math.min(totalCharges.confidence(),
                GenericFallback.CAP), totalCharges.raw()));
          }
        } else if (readWhole(table)) {
          // no reading of the table meets the total: the total may be what OCR misread, by one look-alike digit
          Optional<BigDecimal> confirmed = LookAlikeTotal.confirmed(sum, charges);
          if (confirmed.isPresent() && totalCharges != null) {
            bill.totalCharges(Field.of(confirmed.get(), Math.min(totalCharges.confidence() * REPAIRED,
                GenericFallback.CAP), totalCharges.raw()));
          }
        }
      }
    }
    bill.lineItems(charges);
    return bill.build();
  }

  /** The line as the patterns see it: OCR pages come cleaned of scanner dirt (see {@link OcrLines}). */
  private Ln ln(Line line, Page page) {
    if (page.origin() != Page.Origin.OCR) {
      return new Ln(line, page, line.text());
    }
    Line read = OcrLines.clean(line, template.decimalStyle(), OcrLines.Marks.KEEP_SEPARATORS);
    Line bare = OcrLines.clean(line, template.decimalStyle(), OcrLines.Marks.DROP_ALL);
    return new Ln(read, page, read.text(), bare.equals(read) ? null : new Ln(bare, page, bare.text()));
  }

  /** A match of the pattern on the line, else on its bare form; null when neither has one. */
  private static Matcher found(java.util.regex.Pattern pattern, Ln line) {
    Matcher m = pattern.matcher(line.text());
    if (m.find()) {
      return m;
    }
    if (line.bare() != null) {
      m = pattern.matcher(line.bare().text());
      if (m.find()) {
        return m;
      }
    }
    return null;
  }

  /** The form of the line ({@code line} or its bare form) on which the pattern matches, or null. */
  private static Ln formMatching(java.util.regex.Pattern pattern, Ln line) {
    if (pattern.matcher(line.text()).find()) {
      return line;
    }
    return line.bare() != null && pattern.matcher(line.bare().text()).find() ? line.bare() : null;
  }

  /** A match tolerant of look-alike characters is trusted a little less, a repaired value clearly less. */
  static final double TOLERATED = 0.95;
  static final double REPAIRED = 0.85;

  /**
   * A value pattern's hit on the line: as written (on the line, then its bare form); else, on an OCR line, the
   * pattern tolerant of look-alike characters with each group put back into the shape the pattern gives it
   * (a group no single repair fits rejects the hit). Null when nothing matches.
   */
  private static Hit hit(Regex regex, Ln line, double confidence) {
    Matcher m = found(regex.pattern(), line);
    if (m != null) {
      return new Hit(m, line, confidence * line.wordConfidence());
    }
    if (line.page().origin() != Page.Origin.OCR) {
      return null;
    }
    m = found(regex.tolerant(), line);
    if (m == null) {
      return null;
    }
    Map<String, String> repaired = new HashMap<>();
    boolean changed = false;
    for (String name : GROUPS) {
      if (!regex.hasGroup(name) || m.group(name) == null) {
        continue;
      }
      String read = m.group(name).strip().replaceAll("\\s+", " ");
      Optional<String> fixed = regex.repair(name, read);
      if (fixed.isEmpty()) {
        return null;
      }
      changed |= !fixed.get().equals(read);
      repaired.put(name, fixed.get());
    }
    return new Hit(m, line, confidence * line.wordConfidence() * (changed ? REPAIRED : TOLERATED), repaired);
  }

  /** The named groups a rule's pattern may have. */
  private static final List<String> GROUPS = List.of("value", "start", "end", "units", "band", "description",
      "factor");

  /**
   * The form of the line on which the label matches, with its matcher found; on an OCR line the label may be
   * read with look-alike characters ({@link Regex#tolerant}).
   */
  private record Labelled(Ln line, Matcher label, boolean tolerated) {}

  private static Labelled labelled(Regex label, Ln line) {
    Ln form = formMatching(label.spaced(), line);
    if (form != null) {
      Matcher m = label.spaced().matcher(form.text());
      m.find();
      return new Labelled(form, m, false);
    }
    if (line.page().origin() != Page.Origin.OCR) {
      return null;
    }
    form = formMatching(label.tolerant(), line);
    if (form == null) {
      return null;
    }
    Matcher m = label.tolerant().matcher(form.text());
    m.find();
    return new Labelled(form, m, true);
  }

  private List<Rule> rules(String field) {
    return template.fields().getOrDefault(field, List.of());
  }

  // ---- finding ---------------------------------------------------------------------------------------------

  /** Every match of a rule in the lines, in reading order. */
  private List<Hit> find(Rule rule, List<Ln> scope) {
    List<Ln> lines = scope.stream().filter(l -> inRegion(l, rule.region())).toList();
    double confidence = rule.confidence() == null ? DEFAULT_CONFIDENCE : rule.confidence();
    Position position = rule.position() == null
        ? (rule.label() != null && rule.pattern() == null ? Position.RIGHT : Position.LINE) : rule.position();
    Occurrence occurrence = rule.occurrence() == null ? Occurrence.FIRST : rule.occurrence();
    Regex valueRegex = rule.pattern() == null ? ANY_VALUE : rule.pattern();
    java.util.regex.Pattern value = valueRegex.pattern();
    List<Hit> hits = new ArrayList<>();
    if (position == Position.TEXT) {
      String joined = lines.stream().map(Ln::text).collect(Collectors.joining("\n"));
      Matcher m = value.matcher(joined);
      while (m.find()) {
        // a Hit keeps its own matcher: this one moves on to the next match
        hits.add(new Hit(rematch(value, joined, m.start()), null, confidence));
        if (occurrence == Occurrence.FIRST) {
          break;
        }
      }
      return pick(hits, occurrence);
    }
    for (int i = 0; i < lines.size(); i++) {
      Ln line = lines.get(i);
      if (position == Position.LINE) {
        Hit hit = hit(valueRegex, line, confidence);
        if (hit != null) {
          hits.add(hit);
        }
      } else {
        Labelled labelled = labelled(rule.label(), line);
        if (labelled == null) {
          continue;
        }
        line = labelled.line();
        Matcher label = labelled.label();
        double sure = labelled.tolerated() ? confidence * TOLERATED : confidence;
        Hit hit = switch (position) {
          case RIGHT -> hit(valueRegex, rightOf(line, label.end()), sure);
          case NEXT_LINE -> {
            int n = rule.lines() == null ? DEFAULT_NEXT_LINES : rule.lines();
            Hit found = null;
            for (int j = i + 1; j <= i + n && j < lines.size() && found == null; j++) {
              found = hit(valueRegex, lines.get(j), sure);
            }
            yield found;
          }
          case BELOW -> {
            int n = rule.lines() == null ? DEFAULT_BELOW_LINES : rule.lines();
            float[] span = column(line, label.start(), label.end());
            Hit found = null;
            for (int j = i + 1; j <= i + n && j < lines.size() && found == null; j++) {
              Ln column = under(lines.get(j), span);
              Matcher m = value.matcher(column.text());
              if (!column.text().isEmpty() && m.find()) {
                found = new Hit(m, column, sure * column.wordConfidence());
              }
            }
            yield found;
          }
          default -> null;
        };
        if (hit != null) {
          hits.add(hit);
        }
      }
      if (occurrence == Occurrence.FIRST && !hits.isEmpty()) {
        break;
      }
    }
    return pick(hits, occurrence);
  }

  private static Matcher rematch(java.util.regex.Pattern pattern, String text, int from) {
    Matcher m = pattern.matcher(text);
    m.find(from);
    return m;
  }

  private static List<Hit> pick(List<Hit> hits, Occurrence occurrence) {
    if (hits.isEmpty() || occurrence == Occurrence.ALL) {
      return hits;
    }
    return List.of(occurrence == Occurrence.LAST ? hits.get(hits.size() - 1) : hits.get(0));
  }

  private static boolean inRegion(Ln line, Region region) {
    if (region == null) {
      return true;
    }
    if (region.page() != null && line.page().number() != region.page()) {
      return false;
    }
    float h = line.page().height();
    float w = line.page().width();
    float y = line.line().y();
    float x = line.line().x();
    return (region.top() == null || y >= region.top() * h) && (region.bottom() == null || y <= region.bottom() * h)
        && (region.left() == null || x >= region.left() * w) && (region.right() == null || x <= region.right() * w);
  }

  /** The index of the word holding character {@code offset} of the line's text. */
  private static int wordAt(Line line, int offset) {
    int at = 0;
    for (int i = 0; i < line.words().size(); i++) {
      at += line.words().get(i).text().length();
      if (offset < at + 1) {
        return i;
      }
      at++; // the joining space
    }
    return line.words().size();
  }

  /** The words after the label's end, as a line of their own. */
  private Ln rightOf(Ln line, int labelEnd) {
    int from = labelEnd == 0 ? 0 : wordAt(line.line(), labelEnd - 1) + 1;
    List<Word> words = line.line().words();
    Line right = new Line(words.subList(Math.min(from, words.size()), words.size()));
    return ln(right, line.page());
  }

  /**
   * The column a label heads: from the label's left edge to the next word printed right of it on the same line
   * (the next column's label), or to the page's edge.
   */
  private static float[] column(Ln line, int start, int end) {
    List<Word> words = line.line().words();
    if (words.isEmpty()) {
      return new float[] {0, 0};
    }
    int first = Math.min(wordAt(line.line(), start), words.size() - 1);
    int last = Math.min(wordAt(line.line(), Math.max(start, end - 1)), words.size() - 1);
    float right = last + 1 < words.size() ? words.get(last + 1).x() : line.page().width();
    return new float[] {words.get(first).x(), right};
  }

  /** The words of a line that start inside a column. */
  private static Ln under(Ln line, float[] span) {
    float slack = 2;
    List<Word> words = line.line().words().stream()
        .filter(w -> w.x() >= span[0] - slack && w.x() < span[1] - slack).toList();
    Line column = new Line(words);
    return new Ln(column, line.page(), column.text());
  }

  // ---- values ----------------------------------------------------------------------------------------------

  private <T> Field<T> firstValue(List<Rule> rules, List<Ln> scope, Function<Hit, Optional<T>> read) {
    for (Rule rule : rules) {
      for (Hit hit : find(rule, scope)) {
        Optional<T> value = read.apply(hit);
        if (value.isPresent()) {
          return Field.of(value.get(), hit.confidence(), raw(hit));
        }
      }
    }
    return null;
  }

  private static String raw(Hit hit) {
    return hit.match().group().strip();
  }

  private Field<String> text(List<Rule> rules, List<Ln> scope) {
    return firstValue(rules, scope, hit -> Optional.of(hit.value()).filter(v -> !v.isEmpty()));
  }

  private Field<Amount> amount(List<Rule> rules, List<Ln> scope) {
    Field<Amount> f = firstValue(rules, scope, hit -> Amounts.parse(hit.value(), template.decimalStyle()));
    return f == null ? null : Field.of(f.value(), f.confidence(), f.value().raw());
  }

  private static Field<BigDecimal> value(Field<Amount> amount) {
    return amount == null ? null : Field.of(amount.value().value(), amount.confidence(), amount.raw());
  }

  private Field<LocalDate> date(List<Rule> rules, List<Ln> scope, Map<String, Field<LocalDate>> known,
      boolean borrowYear) {
    for (Rule rule : rules) {
      boolean needsYear = rule.yearFrom() != null;
      if (needsYear != borrowYear) {
        continue;
      }
      LocalDate reference = needsYear && known.get(rule.yearFrom()) != null ? known.get(rule.yearFrom()).value()
          : null;
      if (needsYear && reference == null) {
        continue;
      }
      for (Hit hit : find(rule, scope)) {
        Optional<LocalDate> d = Dates.parse(hit.value(), template.dateOrder());
        if (d.isEmpty() && reference != null) {
          d = Dates.parseBefore(hit.value(), template.dateOrder(), reference);
        }
        if (d.isPresent()) {
          return Field.of(d.get(), hit.confidence(), hit.value());
        }
      }
    }
    return null;
  }

  private Optional<Field<DateRange>> range(List<Rule> rules, List<Ln> scope) {
    for (Rule rule : rules) {
      for (Hit hit : find(rule, scope)) {
        String start = hit.group("start");
        String end = hit.group("end");
        Optional<DateRange> r;
        if (start != null && end != null) {
          Optional<LocalDate> e = Dates.parse(end, template.dateOrder());
          r = e.flatMap(endDate -> Dates.parse(start, template.dateOrder())
              .or(() -> Dates.parseBefore(start, template.dateOrder(), endDate))
              .map(s -> new DateRange(s, endDate)));
        } else {
          r = Dates.parseRange(hit.value(), template.dateOrder());
        }
        if (r.isPresent()) {
          return Optional.of(Field.of(r.get(), hit.confidence(), raw(hit)));
        }
      }
    }
    return Optional.empty();
  }

  // ---- meters ----------------------------------------------------------------------------------------------

  private List<MeterUsage> meters(List<Ln> lines, Map<String, Field<LocalDate>> billDates) {
    Template.Meters meters = template.meters();
    if (meters == null) {
      return List.of();
    }
    List<MeterUsage> out = new ArrayList<>();
    for (List<Ln> block : blocks(lines, meters.block())) {
      out.addAll(meter(block, meters));
    }
    return out;
  }

  private static List<List<Ln>> blocks(List<Ln> lines, Template.Block block) {
    if (block == null) {
      return List.of(lines);
    }
    List<List<Ln>> blocks = new ArrayList<>();
    List<Ln> current = null;
    for (Ln line : lines) {
      if (found(block.start().spaced(), line) != null) {
        current = new ArrayList<>();
        blocks.add(current);
      } else if (current != null && block.end() != null && block.end().pattern().matcher(line.text()).find()) {
        current = null;
        continue;
      }
      if (current != null) {
        current.add(line);
      }
    }
    return blocks;
  }

  private List<MeterUsage> meter(List<Ln> block, Template.Meters rules) {
    Field<String> meterNumber = text(rules.meterNumber(), block);
    LocalDate start = Optional.ofNullable(date(rules.periodStart(), block, Map.of(), false)).map(Field::value)
        .orElse(null);
    LocalDate end = Optional.ofNullable(date(rules.periodEnd(), block, Map.of(), false)).map(Field::value)
        .orElse(null);
    Optional<Field<DateRange>> period = range(rules.period(), block);
    if (period.isPresent()) {
      start = start == null ? period.get().value().start() : start;
      end = end == null ? period.get().value().end() : end;
    }
    BigDecimal multiplier = number(rules.multiplier(), block);
    BigDecimal previous = number(rules.previousReading(), block);
    BigDecimal current = number(rules.currentReading(), block);

    List<TimeOfUse> timeOfUse = new ArrayList<>();
    for (UsageRule rule : rules.timeOfUse()) {
      for (Hit hit : find(rule.asRule(), block)) {
        String band = hit.group("band") != null ? hit.group("band") : rule.band();
        String description = hit.group("description") != null ? hit.group("description") : rule.description();
        quantity(rule, hit).ifPresent(q -> timeOfUse.add(new TimeOfUse(band, q.value(), q.units(), description)));
      }
    }
    List<Demand> demand = new ArrayList<>();
    for (UsageRule rule : rules.demand()) {
      for (Hit hit : find(rule.asRule(), block)) {
        String description = hit.group("description") != null ? hit.group("description") : rule.description();
        quantity(rule, hit).ifPresent(q -> demand.add(new Demand(q.value(), q.units() == null ? "KW" : q.units(),
            rule.type(), description)));
      }
    }
    boolean estimated = rules.estimated() != null
        && block.stream().anyMatch(l -> rules.estimated().pattern().matcher(l.text()).find());
    List<MeterUsage> out = new ArrayList<>();
    for (UsageRule rule : rules.usage()) {
      for (Hit hit : find(rule.asRule(), block)) {
        Optional<Quantity> q = quantity(rule, hit);
        if (q.isEmpty()) {
          continue;
        }
        boolean firstOfBlock = out.isEmpty();
        out.add(new MeterUsage(meterNumber, start, end, Field.of(q.get().value(), hit.confidence(), raw(hit)),
            q.get().units(), q.get().rawValue(), q.get().rawUnits(), previous, current, multiplier, estimated,
            rule.register(), firstOfBlock ? timeOfUse : List.of(), firstOfBlock ? demand : List.of()));
      }
    }
    if (out.isEmpty() && (meterNumber != null || !demand.isEmpty())) {
      out.add(new MeterUsage(meterNumber, start, end, null, null, null, null, previous, current, multiplier, false,
          null, timeOfUse, demand));
    }
    return out;
  }

  private BigDecimal number(List<Rule> rules, List<Ln> scope) {
    Field<Amount> a = amount(rules, scope);
    return a == null ? null : a.value().value();
  }

  /** A figure with its API units, and as printed. */
  private record Quantity(BigDecimal value, String units, BigDecimal rawValue, String rawUnits) {}

  private Optional<Quantity> quantity(UsageRule rule, Hit hit) {
    Optional<BigDecimal> raw = Amounts.value(hit.value(), template.decimalStyle());
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String printedUnits = hit.group("units");
    String rawUnits = printedUnits != null ? printedUnits : rule.units();
    String units = rawUnits == null ? null : Units.apiUnit(rawUnits).orElse(null);
    BigDecimal value = raw.get();
    String factor = Boolean.TRUE.equals(rule.factorGroup()) ? hit.group("factor") : null;
    if (factor != null) {
      Optional<BigDecimal> f = Amounts.value(factor, template.decimalStyle());
      if (f.isPresent()) {
        value = Units.ccfToTherms(value, f.get());
        units = "thm (US)";
      }
    }
    return Optional.of(new Quantity(value, units, raw.get(), rawUnits));
  }

  // ---- line items --------------------------------------------------------------------------------------------

  /** The charges a template's tables read, and every table line's possible readings for the total check. */
  private record TableRead(List<Charge> charges, List<List<TotalCheck.Reading>> readings, List<TableLine> lines) {}

  /** A table line as read (and its form without marks, or null) and the meter its table is for. */
  private record TableLine(String text, String bare, String meter) {}

  /**
   * The table with one line's amount taken from the line's own quantity × rate (or its percentage of the charges above
   * it), when that is the one line whose
   * printed arithmetic ({@link RowArithmetic}) gives exactly the amount that closes the gap between the other lines
   * as read and the total: two independent checks agree on the figure OCR garbled ({@code 25:20)} for 125.20, a
   * row read 212.57 for 272.57). Empty when no line, or more than one, fits.
   */
  private Optional<List<Charge>> byArithmetic(TableRead table, BigDecimal total) {
    List<Charge> asRead = new ArrayList<>();
    for (List<TotalCheck.Reading> r : table.readings()) {
      asRead.add(r.get(0).charge());
    }
    BigDecimal gap = total;
    for (Charge c : asRead) {
      if (c != null) {
        gap = gap.subtract(c.amount());
      }
    }
    int found = -1;
    BigDecimal amount = null;
    for (int i = 0; i < asRead.size(); i++) {
      Charge c = asRead.get(i);
      BigDecimal wanted = c == null ? gap : c.amount().add(gap);
      TableLine line = table.lines().get(i);
      BigDecimal above = null;
      for (int k = 0; k < i; k++) {
        if (asRead.get(k) != null) {
          above = above == null ? asRead.get(k).amount() : above.add(asRead.get(k).amount());
        }
      }
      boolean confirmed = RowArithmetic.confirms(line.text(), wanted, template.decimalStyle(), above)
          || (line.bare() != null && RowArithmetic.confirms(line.bare(), wanted, template.decimalStyle(), above));
      if (!confirmed) {
        continue;
      }
      if (found >= 0) {
        return Optional.empty();
      }
      found = i;
      amount = wanted;
    }
    if (found < 0) {
      return Optional.empty();
    }
    List<Charge> out = new ArrayList<>();
    for (int i = 0; i < asRead.size(); i++) {
      Charge c = asRead.get(i);
      if (i == found) {
        TableLine line = table.lines().get(i);
        String text = line.bare() != null ? line.bare() : line.text();
        out.add(c != null ? withAmount(c, amount)
            : new Charge(LooseRow.description(text), null, null, null, amount, null, line.meter()));
      } else if (c != null) {
        out.add(c);
      }
    }
    return Optional.of(out);
  }

  /** Whether every line of the table was read by a row pattern or holds no figure that could be a charge. */
  private static boolean readWhole(TableRead table) {
    return table.readings().stream().allMatch(r -> r.get(0).charge() != null || r.size() == 1);
  }

  private static boolean sumsTo(List<Charge> charges, BigDecimal total) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Charge c : charges) {
      if (c.amount() != null) {
        sum = sum.add(c.amount());
      }
    }
    return sum.compareTo(total) == 0;
  }

  private TableRead charges(List<Ln> allLines, List<MeterUsage> meters) {
    long meterCount = meters.stream().map(MeterUsage::meterNumber).filter(f -> f != null && f.value() != null)
        .map(f -> f.value().replaceAll("[\\s-]", "")).distinct().count();
    List<Charge> out = new ArrayList<>();
    List<List<TotalCheck.Reading>> readings = new ArrayList<>();
    List<TableLine> tableLines = new ArrayList<>();
    for (Table table : template.lineItems()) {
      if (!table.meters().fits(meterCount)) {
        continue;
      }
      List<Ln> lines = clip(allLines, table.region());
      boolean all = table.occurrence() == Occurrence.ALL;
      int i = 0;
      while (i < lines.size()) {
        int start = -1;
        String meter = null;
        // the heading as printed first; only when no line has it, a line that reads like it on a scan
        for (HeadingMatch match : HeadingMatch.values()) {
          for (int j = i; j < lines.size() && start < 0; j++) {
            Matcher m = table.start() == null ? null : heading(table.start(), lines.get(j), match);
            if (table.start() == null || m != null) {
              start = table.start() == null ? j - 1 : j;
              if (m != null && table.meterGroup() != null) {
                meter = new Hit(m, null, 0).group(table.meterGroup());
              }
            }
          }
          if (start >= 0 || table.start() == null) {
            break;
          }
        }
        if (start < 0 && table.start() != null) {
          break;
        }
        int j = start + 1;
        // a row whose words wrapped: the line that matched no row waits to be read with the next one
        String pending = null;
        for (; j < lines.size(); j++) {
          Ln line = lines.get(j);
          String text = line.text();
          if (table.end() != null && heading(table.end(), line, HeadingMatch.LOOK_ALIKE) != null) {
            break;
          }
          if (all && table.start() != null && heading(table.start(), line, HeadingMatch.LOOK_ALIKE) != null) {
            break;
          }
          if (table.skip().stream().anyMatch(s -> heading(s, line, HeadingMatch.LOOK_ALIKE) != null)) {
            pending = null;
            continue;
          }
          Optional<Charge> charge = row(table, text, meter);
          if (charge.isEmpty() && line.bare() != null) {
            charge = row(table, line.bare().text(), meter);
          }
          if (charge.isEmpty() && pending != null) {
            charge = row(table, pending + " " + text, meter);
          }
          charge.ifPresent(out::add);
          readings.add(readings(charge, line, meter));
          tableLines.add(new TableLine(text, line.bare() == null ? null : line.bare().text(), meter));
          pending = charge.isPresent() ? null : text;
        }
        if (!all) {
          break;
        }
        i = j;
      }
    }
    return new TableRead(out, readings, tableLines);
  }

  /** How a table's heading may be matched. */
  private enum HeadingMatch {
    /** As printed, give or take spacing and specks ({@link Regex#heading}). */
    AS_PRINTED,
    /** Also, on a scan, with look-alike characters ({@link Regex#tolerantHeading}: {@code Product | Service}). */
    LOOK_ALIKE
  }

  /** The heading's match on the line, or null; look-alike characters are allowed only on OCR lines. */
  private static Matcher heading(Regex heading, Ln line, HeadingMatch match) {
    Matcher m = found(heading.heading(), line);
    if (m != null || match == HeadingMatch.AS_PRINTED || line.page().origin() != Page.Origin.OCR) {
      return m;
    }
    return found(heading.tolerantHeading(), line);
  }

  /**
   * What a table line may be, for {@link TotalCheck}: as read first; then, on an OCR page, what OCR may have
   * spoiled. A row read by its pattern may have lost or gained a minus, lost its decimal point, or be no charge
   * at all; a line no row pattern read may still be a charge whose middle columns OCR garbled (its last figure
   * read loosely, see {@link LooseRow}).
   */
  private List<TotalCheck.Reading> readings(Optional<Charge> charge, Ln line, String meter) {
    List<TotalCheck.Reading> out = new ArrayList<>();
    out.add(TotalCheck.Reading.asRead(charge.orElse(null)));
    if (line.page().origin() != Page.Origin.OCR) {
      return out;
    }
    if (charge.isPresent()) {
      Charge c = charge.get();
      out.add(new TotalCheck.Reading(withAmount(c, c.amount().negate()), 1));
      if (c.amount().scale() == 0 && c.amount().abs().compareTo(BigDecimal.valueOf(100)) >= 0) {
        out.add(new TotalCheck.Reading(withAmount(c, c.amount().movePointLeft(2)), 1));
      }
      out.add(new TotalCheck.Reading(null, 2));
      return out;
    }
    String text = (line.bare() != null ? line.bare() : line).text();
    for (LooseRow.Amount a : LooseRow.amounts(text, template.decimalStyle())) {
      int cost = a.recovery() == LooseRow.Recovery.NONE ? 1 : 2;
      Charge c = new Charge(LooseRow.description(text), null, null, null, a.value(), null, meter);
      out.add(new TotalCheck.Reading(c, cost));
      out.add(new TotalCheck.Reading(withAmount(c, a.value().negate()), cost + 1));
    }
    return out;
  }

  private static Charge withAmount(Charge c, BigDecimal amount) {
    return new Charge(c.description(), c.quantity(), c.quantityUnits(), c.rate(), amount, c.chargeType(),
        c.meterNumber());
  }

  /**
   * OCR drops the thin minus of a credit ({@code -$77.74} read as {@code $77.74}): when the charges miss the total
   * by exactly twice one charge, that charge was the credit. Only one charge may fit, or nothing is changed.
   */
  static List<Charge> lostMinus(List<Charge> charges, BigDecimal total) {
    if (total == null || charges.isEmpty() || charges.stream().anyMatch(c -> c.amount() == null)) {
      return charges;
    }
    BigDecimal excess = charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
        .subtract(total);
    if (excess.signum() <= 0) {
      return charges;
    }
    int found = -1;
    for (int i = 0; i < charges.size(); i++) {
      if (charges.get(i).amount().multiply(BigDecimal.valueOf(2)).compareTo(excess) == 0) {
        if (found >= 0) {
          return charges;
        }
        found = i;
      }
    }
    if (found < 0) {
      return charges;
    }
    List<Charge> out = new ArrayList<>(charges);
    Charge c = charges.get(found);
    out.set(found, new Charge(c.description(), c.quantity(), c.quantityUnits(), c.rate(), c.amount().negate(),
        c.chargeType(), c.meterNumber()));
    return out;
  }

  /** The charge the first matching row pattern reads off a line, if any. */
  private Optional<Charge> row(Table table, String text, String meter) {
    for (Template.Row row : table.rows()) {
      Matcher m = row.pattern().pattern().matcher(text);
      if (m.find()) {
        return charge(m, row, meter);
      }
    }
    return Optional.empty();
  }

  /**
   * The lines inside a region: lines off its page or above or below it are dropped, and of the others only the
   * words between its left and right edges are kept (a line left with no word is dropped).
   */
  private List<Ln> clip(List<Ln> lines, Region region) {
    if (region == null) {
      return lines;
    }
    Region rows = new Region(region.page(), region.top(), region.bottom(), null, null);
    List<Ln> out = new ArrayList<>();
    for (Ln line : lines) {
      if (!inRegion(line, rows)) {
        continue;
      }
      float w = line.page().width();
      List<Word> words = line.line().words().stream()
          .filter(word -> (region.left() == null || word.x() >= region.left() * w)
              && (region.right() == null || word.x() < region.right() * w))
          .toList();
      if (!words.isEmpty()) {
        Line kept = new Line(words);
        out.add(ln(kept, line.page()));
      }
    }
    return out;
  }

  private Optional<Charge> charge(Matcher m, Template.Row row, String meter) {
    Hit hit = new Hit(m, null, 0);
    Optional<BigDecimal> amount = Amounts.value(hit.group("amount"), template.decimalStyle());
    if (amount.isEmpty()) {
      return Optional.empty();
    }
    String quantity = hit.group("quantity");
    String rate = hit.group("rate");
    String units = hit.group("units");
    return Optional.of(new Charge(hit.group("description"),
        quantity == null ? null : Amounts.value(quantity, template.decimalStyle()).orElse(null),
        units == null ? null : Units.apiUnit(units).orElse(units),
        rate == null ? null : Amounts.value(rate, template.decimalStyle()).orElse(null),
        amount.get(), row.chargeType(), meter));
  }
}

package io.nectar.parsing.generic;

import io.nectar.parsing.BillText;
import io.nectar.parsing.Detection;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.Demand;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import io.nectar.parsing.Extractor;
import io.nectar.parsing.Field;
import io.nectar.parsing.generic.LabelFinder.Found;
import io.nectar.parsing.generic.LabelFinder.Read;
import io.nectar.parsing.generic.Vocabulary.Label;
import io.nectar.parsing.normal.DateOrder;
import io.nectar.parsing.normal.DecimalStyle;
import io.nectar.parsing.normal.Units;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads any bill through the vocabulary: values beside or below their labels, periods from labelled ranges, read
 * rows and read dates, usage from checked meter reads or figures in units, and the charge table that sums to a
 * printed total. Each field's confidence says how it was found.
 */
public final class GenericExtractor implements Extractor {
  private static final Pattern COMMA_DECIMAL = Pattern.compile("\\d,\\d{2}(?![\\d])");
  private static final Pattern POINT_DECIMAL = Pattern.compile("\\d\\.\\d{2}(?![\\d])");
  private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})[/.](\\d{1,2})[/.](\\d{2,4})");

  private final Vocabulary vocabulary;

  public GenericExtractor() {
    this(Vocabulary.standard());
  }

  public GenericExtractor(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  public ExtractedBill extract(BillText text, Detection detection) {
    return new Reading(Sheet.of(text), detection).read();
  }

  /** One bill being read. */
  private final class Reading {
    final Sheet sheet;
    final Detection detection;
    final String key;
    final DateOrder order;
    final DecimalStyle style;
    final LabelFinder labels;

    Reading(Sheet sheet, Detection detection) {
      this.sheet = sheet;
      this.detection = detection;
      this.key = sheet.key();
      this.order = dateOrder();
      this.style = decimalStyle();
      this.labels = new LabelFinder(sheet);
    }

    ExtractedBill read() {
      ExtractedBill.Builder b = ExtractedBill.builder("generic");
      if (detection != null && detection.datasourceType() != null) {
        b.datasourceType(Field.of(detection.datasourceType(), detection.confidence(), detection.evidence()));
      }
      b.accountNumber(best(labels.find(vocabulary.label(Label.accountNumber), t -> id(t, 4))));
      Field<LocalDate> statement = best(labels.find(vocabulary.label(Label.statementDate), this::date));
      Field<LocalDate> due = best(labels.find(vocabulary.label(Label.dueDate), this::date));
      b.statementDate(statement).dueDate(due);
      LocalDate reference = statement != null ? statement.value() : due != null ? due.value() : latestDate();
      Field<LocalDate>[] period = period(reference);
      b.periodStart(period[0]).periodEnd(period[1]);
      b.currency(currency());
      b.serviceAddress(address());
      charges(b);
      b.meters(meters());
      return b.build();
    }

    // ---- document conventions

    private DateOrder dateOrder() {
      int dayFirst = 0;
      int us = 0;
      Matcher m = NUMERIC_DATE.matcher(key);
      while (m.find()) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        if (a > 12 && b <= 12) {
          dayFirst++;
        } else if (b > 12 && a <= 12) {
          us++;
        }
      }
      if (dayFirst != us) {
        return dayFirst > us ? DateOrder.DAY_FIRST : DateOrder.US;
      }
      return vocabulary.dayFirstWords().in(key) ? DateOrder.DAY_FIRST : DateOrder.US;
    }

    private DecimalStyle decimalStyle() {
      long comma = COMMA_DECIMAL.matcher(key).results().count();
      long point = POINT_DECIMAL.matcher(key).results().count();
      return comma > point ? DecimalStyle.COMMA : DecimalStyle.POINT;
    }

    private LocalDate latestDate() {
      return Grammar.dates(key, order).stream().map(Grammar.FoundDate::date).max(Comparator.naturalOrder())
          .orElse(null);
    }

    // ---- readers for label values

    private Optional<Read<String>> id(List<String> tokens, int minDigits) {
      return Grammar.identifier(tokens, minDigits).map(v -> new Read<>(v, String.join(" ", tokens)));
    }

    private Optional<Read<LocalDate>> date(List<String> tokens) {
      String s = String.join(" ", tokens);
      List<Grammar.FoundDate> d = Grammar.dates(s, order);
      return d.isEmpty() ? Optional.empty() : Optional.of(new Read<>(d.get(0).date(), s));
    }

    private Optional<Read<BigDecimal>> amount(List<String> tokens) {
      for (int i = 0; i < tokens.size(); i++) {
        Optional<BigDecimal> v = Grammar.money(tokens.get(i), style);
        if (v.isPresent()) {
          boolean credit = i + 1 < tokens.size() && tokens.get(i + 1).equalsIgnoreCase("CR");
          return Optional.of(new Read<>(credit ? v.get().abs().negate() : v.get(), String.join(" ", tokens)));
        }
        if (tokens.get(i).chars().filter(Character::isLetter).count() > 2) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }

    /** The value found most often; its confidence grows when several labels agree. */
    private <T> Field<T> best(List<Found<T>> found) {
      if (found.isEmpty()) {
        return null;
      }
      Map<T, List<Found<T>>> byValue = new LinkedHashMap<>();
      found.forEach(f -> byValue.computeIfAbsent(f.value(), k -> new ArrayList<>()).add(f));
      List<Found<T>> top = byValue.values().stream()
          .max(Comparator.<List<Found<T>>>comparingDouble(l -> l.stream().mapToDouble(Found::confidence).max()
              .orElse(0) + 0.05 * Math.min(4, l.size()))).orElseThrow();
      double c = top.stream().mapToDouble(Found::confidence).max().orElse(0);
      if (top.size() > 1) {
        c = Math.min(0.99, c + 0.05 * (top.size() - 1));
      }
      if (byValue.size() > 1) {
        c -= 0.1;
      }
      return Field.of(top.get(0).value(), c, top.get(0).raw());
    }

    // ---- service period

    @SuppressWarnings("unchecked")
    private Field<LocalDate>[] period(LocalDate reference) {
      List<Candidate> candidates = new ArrayList<>();
      for (Row row : sheet.rows) {
        for (Phrases.Hit hit : vocabulary.label(Label.servicePeriod).find(row.key)) {
          labelledPeriod(row, hit, reference).ifPresent(candidates::add);
        }
        List<Grammar.FoundDate> dates = Grammar.dates(row.key, order);
        if (dates.size() == 2) {
          LocalDate a = dates.get(0).date();
          LocalDate b = dates.get(1).date();
          double c = prose(row) ? 0.45 : 0.7;
          plausible(a, b, c, row).ifPresent(candidates::add);
        }
      }
      readDates().ifPresent(candidates::add);
      if (candidates.isEmpty()) {
        serviceDay().ifPresent(candidates::add);
      }
      Optional<Candidate> best = candidates.stream().max(Comparator.comparingDouble(Candidate::confidence)
          .thenComparing(Comparator.comparingInt((Candidate c) -> c.row().index).reversed()));
      Field<LocalDate>[] out = new Field[2];
      best.ifPresent(c -> {
        out[0] = Field.of(c.start(), c.confidence(), c.row().text());
        out[1] = Field.of(c.end(), c.confidence(), c.row().text());
      });
      return out;
    }

    /**
     * A service given on one day and billed alone (a fuel delivery): with no period printed, the period is that day,
     * as the API's period of a delivery runs from it to itself.
     */
    private Optional<Candidate> serviceDay() {
      List<Found<LocalDate>> days = labels.find(vocabulary.label(Label.serviceDay), this::date);
      return days.stream().max(Comparator.comparingDouble(Found::confidence))
          .map(d -> new Candidate(d.value(), d.value(), d.confidence() * 0.8, d.valueRow()));
    }

    private boolean prose(Row row) {
      return row.tokens.stream().filter(t -> t.key().matches("[a-z]{2,}")).count() >= 7;
    }

    private Optional<Candidate> plausible(LocalDate a, LocalDate b, double c, Row row) {
      LocalDate start = a.isBefore(b) ? a : b;
      LocalDate end = a.isBefore(b) ? b : a;
      long days = ChronoUnit.DAYS.between(start, end);
      if (days < 7 || days > 400) {
        return Optional.empty();
      }
      double fit = days >= 25 && days <= 35 ? 0.05 : 0;
      return Optional.of(new Candidate(start, end, c + fit, row));
    }

    /** Dates after a period label on its line, or in the rows under it (newest first is fine: they are ordered). */
    private Optional<Candidate> labelledPeriod(Row row, Phrases.Hit hit, LocalDate reference) {
      List<Grammar.FoundDate> right = Grammar.dates(row.key.substring(hit.end()), order);
      if (right.size() >= 2) {
        return plausible(right.get(0).date(), right.get(1).date(), 0.9, row);
      }
      int a = Math.min(row.tokenAt(hit.start()), row.tokens.size() - 1);
      float from = row.tokens.get(a).x() - 40;
      float to = row.right(row.tokenAt(Math.max(hit.start(), hit.end() - 1))) + 120;
      List<LocalDate> dates = new ArrayList<>();
      List<MonthDay> partial = new ArrayList<>();
      for (Row r : sheet.below(row, 4)) {
        String inSpan = r.textWithin(from, to);
        Grammar.dates(inSpan, order).forEach(d -> dates.add(d.date()));
        if (dates.isEmpty()) {
          partial.addAll(Grammar.partialDates(inSpan, order));
        }
        if (dates.size() >= 2) {
          return plausible(dates.get(0), dates.get(1), 0.85, r);
        }
      }
      if (dates.isEmpty() && partial.size() >= 2 && reference != null) {
        // Read dates printed without a year take it from the statement: the end is the last such day on or
        // before the statement (plus a little for bills printed before the read is due).
        MonthDay s = partial.get(0);
        MonthDay e = partial.get(1);
        LocalDate end = e.atYear(reference.getYear());
        if (end.isAfter(reference.plusDays(45))) {
          end = end.minusYears(1);
        }
        LocalDate start = s.atYear(end.getYear());
        if (start.isAfter(end)) {
          start = start.minusYears(1);
        }
        return plausible(start, end, 0.8, row);
      }
      return Optional.empty();
    }

    /**
     * Two read rows ("Apr 19 2024 reading 1805", "Mar 19 2024 reading 1761"): the period runs between them. A read
     * row is judged up to its reading (date, read word, figure), since other columns often share its line.
     * Two such rows close together are the meter's own record of the period, so they count for more than any other
     * row with two dates (a next-read date beside a bill date is not a period), though less than a period label
     * with its dates on the same line.
     */
    private Optional<Candidate> readDates() {
      List<LocalDate> dates = new ArrayList<>();
      List<Row> at = new ArrayList<>();
      MeterReads reads = new MeterReads(sheet, style, order, vocabulary.label(Label.multiplier));
      for (Row row : sheet.rows) {
        List<Grammar.FoundDate> d = Grammar.dates(row.key, order);
        if (d.size() != 1) {
          continue;
        }
        // The read record ends at its reading: the first figure after the date.
        List<int[]> figures = reads.numbers(row, new ArrayList<>());
        int dateEnd = row.tokenAt(d.get(0).end() - 1);
        Optional<int[]> reading = figures.stream().filter(f -> f[0] > dateEnd).findFirst();
        if (reading.isEmpty()) {
          continue;
        }
        Row part = new Row(row.index, row.page, row.tokens.subList(0, reading.get()[0] + 1));
        if (vocabulary.label(Label.readingWord).in(part.key) && !prose(part)) {
          dates.add(d.get(0).date());
          at.add(row);
        }
      }
      for (int k = 0; k + 1 < dates.size(); k++) {
        Row a = at.get(k);
        Row b = at.get(k + 1);
        if (a.page == b.page && b.index - a.index <= 3 && !dates.get(k).equals(dates.get(k + 1))) {
          return plausible(dates.get(k), dates.get(k + 1), 0.88, a);
        }
      }
      return Optional.empty();
    }

    // ---- money

    private void charges(ExtractedBill.Builder b) {
      List<BigDecimal> current = values(labels.find(vocabulary.label(Label.currentCharges), this::amount));
      List<BigDecimal> due = values(labels.find(vocabulary.label(Label.amountDue), this::amount));
      Field<BigDecimal> amountDue = best(labels.find(vocabulary.label(Label.amountDue), this::amount));
      Field<BigDecimal> currentCharges = best(labels.find(vocabulary.label(Label.currentCharges), this::amount));
      b.amountDue(amountDue);
      LineItemTable table = new LineItemTable(sheet, vocabulary, style);
      List<LineItemTable.Entry> entries = table.entries();
      List<BigDecimal> totals = new ArrayList<>(current);
      due.stream().filter(v -> !totals.contains(v)).forEach(totals::add);
      entries.stream().filter(LineItemTable.Entry::total).map(LineItemTable.Entry::amount)
          .filter(v -> !totals.contains(v)).forEach(totals::add);
      Optional<LineItemTable.Result> run = table.bestRun(entries, totals);
      if (run.isPresent() && run.get().lines().size() >= 2) {
        b.lineItems(run.get().lines());
        b.totalCharges(Field.of(run.get().total(), 0.95, run.get().total().toPlainString()));
      } else if (currentCharges != null) {
        b.totalCharges(currentCharges);
      } else if (amountDue != null) {
        b.totalCharges(Field.of(amountDue.value(), amountDue.confidence() * 0.75, amountDue.raw()));
      }
      List<BigDecimal> taxes = new ArrayList<>();
      run.ifPresent(r -> r.lines().stream().filter(c -> "TAX".equals(c.chargeType()))
          .forEach(c -> taxes.add(c.amount())));
      if (!taxes.isEmpty()) {
        BigDecimal sum = taxes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        b.taxCharges(Field.of(sum, 0.8, sum.toPlainString()));
      }
    }

    private <T> List<T> values(List<Found<T>> found) {
      List<T> out = new ArrayList<>();
      found.forEach(f -> {
        if (!out.contains(f.value())) {
          out.add(f.value());
        }
      });
      return out;
    }

    private Field<String> currency() {
      String best = null;
      int bestCount = 0;
      String text = String.join("\n", sheet.rows.stream().map(Row::text).toList());
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      for (Map.Entry<String, String> e : vocabulary.currencies().entrySet()) {
        String sym = e.getKey();
        int count = 0;
        if (sym.chars().allMatch(Character::isLetter)) {
          count = (int) Pattern.compile("(?<![a-z])" + Pattern.quote(sym) + "(?![a-z])").matcher(lower).results()
              .count();
        } else {
          count = (int) Pattern.compile("(?<![A-Z])" + Pattern.quote(sym)).matcher(text).results().count();
        }
        if (count > bestCount) {
          best = e.getValue();
          bestCount = count;
        }
      }
      return best == null ? null : Field.of(best, bestCount > 1 ? 0.9 : 0.7, best);
    }

    private Field<String> address() {
      for (Row row : sheet.rows) {
        for (Phrases.Hit hit : vocabulary.label(Label.serviceAddress).find(row.key)) {
          int t = row.tokenAt(hit.end());
          String right = t < row.tokens.size() ? row.text(t, row.block(t)[1]).replaceAll("^[:\\s]+", "") : "";
          if (right.matches(".*\\d.*\\p{L}.*")) {
            return Field.of(right, 0.7, right);
          }
          float from = row.tokens.get(Math.min(row.tokenAt(hit.start()), row.tokens.size() - 1)).x() - 6;
          List<String> lines = new ArrayList<>();
          for (Row r : sheet.below(row, 4)) {
            String s = r.textWithin(from, from + 220).strip();
            if (s.isEmpty() || vocabulary.label(Label.accountNumber).in(Phrases.normalise(s))) {
              break;
            }
            lines.add(s);
            if (lines.size() == 3) {
              break;
            }
          }
          if (!lines.isEmpty() && String.join(" ", lines).matches(".*\\d.*")) {
            String a = String.join(", ", lines);
            return Field.of(a, 0.65, a);
          }
        }
      }
      return null;
    }

    // ---- meters and usage

    private List<MeterUsage> meters() {
      MeterReads reads = new MeterReads(sheet, style, order, vocabulary.label(Label.multiplier));
      List<MeterReads.Figure> figures = reads.figures();
      List<MeterReads.Read> readRows = reads.reads(figures);
      List<BigDecimal> readings = new ArrayList<>();
      java.util.stream.Stream.concat(readRows.stream(), reads.bareReads().stream())
          .forEach(r -> readings.addAll(List.of(r.previous(), r.current())));
      // A meter number is an identifier: never a figure with a unit after it, nor a reading of a read row.
      List<Found<String>> meterFound = labels.find(vocabulary.label(Label.meterNumber), readHeads(),
          t -> id(t, 4).filter(r -> !quantityWithUnit(t) && !isReading(r.value(), readings)));
      Field<String> meter = best(meterFound);
      List<MeterUsage> out = new ArrayList<>();
      List<Demand> demands = new ArrayList<>();
      for (MeterReads.Read r : readRows) {
        String unit = r.usage().apiUnit() == null ? defaultUnit() : r.usage().apiUnit();
        Field<String> rowMeter = meterOf(r.row(), meterFound, meter);
        if (Units.isDemand(unit)) {
          demands.add(new Demand(r.usage().value(), unit, null, r.row().text()));
          continue;
        }
        if (!isUsageUnit(unit)) {
          continue;
        }
        out.add(usage(rowMeter, r.usage().value(), unit, r.usage().rawUnit(), r.previous(), r.current(),
            r.multiplier(), 0.97, r.row().text(), r.usage().rawUnit() == null ? null
                : MeterReads.register(r.usage().rawUnit())));
      }
      out.replaceAll(u -> billedEnergy(u, figures));
      if (out.isEmpty()) {
        Optional<MeterUsage> labelled = labelledUsage(figures, meter);
        labelled.ifPresent(out::add);
      }
      if (out.isEmpty()) {
        for (MeterReads.Read r : reads.bareReads()) {
          out.add(usage(meter, r.usage().value(), defaultUnit(), null, r.previous(), r.current(), r.multiplier(),
              r.checked() ? 0.75 : 0.55, r.row().text(), null));
          break;
        }
      }
      if (out.isEmpty() && meter != null) {
        out.add(usage(meter, null, null, null, null, null, null, 0, null, null));
      }
      if (demands.isEmpty()) {
        figures.stream().filter(f -> Units.isDemand(f.apiUnit())
            && vocabulary.label(Label.demand).in(f.row().key)).findFirst()
            .ifPresent(f -> demands.add(new Demand(f.value(), f.apiUnit(), null, f.row().text())));
      }
      if (!demands.isEmpty() && !out.isEmpty()) {
        MeterUsage first = out.get(0);
        out.set(0, new MeterUsage(first.meterNumber(), first.startDate(), first.endDate(), first.usage(),
            first.usageUnits(), first.rawUsage(), first.rawUnits(), first.previousReading(), first.currentReading(),
            first.multiplier(), first.isEstimated(), first.register(), first.timeOfUse(), demands));
      }
      return out;
    }

    /**
     * Gas is metered in volume (CCF, m³) and billed in energy: the bill prints its factor ("Therm factor 1.072",
     * "Brennwert 11,2 x Zustandszahl 0,96") and the energy it bills. A figure in an energy unit that is the
     * metered volume times a factor printed on the bill (or two factors printed on one line) is the usage, and
     * the volume is kept as printed. Checking the product keeps any other energy figure out.
     */
    private MeterUsage billedEnergy(MeterUsage u, List<MeterReads.Figure> figures) {
      String type = detection == null ? null : detection.datasourceType();
      if (u.usage() == null || !isGasVolume(u.usageUnits()) || type != null && !"GAS".equals(type)) {
        return u;
      }
      BigDecimal volume = u.usage().value();
      List<MeterReads.Figure> energy = new ArrayList<>(figures.stream().filter(f -> isEnergy(f.apiUnit())).toList());
      List<BigDecimal> factors = new ArrayList<>();
      MeterReads reads = new MeterReads(sheet, style, order, vocabulary.label(Label.multiplier));
      for (Row row : sheet.rows) {
        List<BigDecimal> values = new ArrayList<>();
        reads.numbers(row, values);
        List<BigDecimal> plausible = values.stream().filter(v -> v.compareTo(new BigDecimal("0.5")) >= 0
            && v.compareTo(new BigDecimal("50")) <= 0).toList();
        factors.addAll(plausible);
        for (int i = 0; i < plausible.size(); i++) {
          for (int j = i + 1; j < plausible.size(); j++) {
            factors.add(plausible.get(i).multiply(plausible.get(j)));
          }
        }
        // "Therms billed (CCF x therm factor): 254.064": the unit is in the label, the figure after it.
        Optional<String> unit = row.tokens.stream().map(t -> MeterReads.unit(t.text())).flatMap(Optional::stream)
            .filter(this::isEnergy).findFirst();
        if (unit.isPresent() && !values.isEmpty()) {
          energy.add(new MeterReads.Figure(values.get(values.size() - 1), unit.get(), unit.get(), row, -1));
        }
      }
      for (MeterReads.Figure e : energy) {
        if (e.value().signum() <= 0) {
          continue;
        }
        for (BigDecimal f : factors) {
          if (volume.multiply(f).setScale(e.value().scale(), java.math.RoundingMode.HALF_UP)
              .compareTo(e.value()) == 0) {
            Field<BigDecimal> usage = Field.of(e.value(), Math.min(0.95, u.usage().confidence()), e.row().text());
            return new MeterUsage(u.meterNumber(), u.startDate(), u.endDate(), usage, e.apiUnit(), volume,
                u.rawUnits() == null ? u.usageUnits() : u.rawUnits(), u.previousReading(), u.currentReading(),
                u.multiplier(), u.isEstimated(), u.register(), u.timeOfUse(), u.demand());
          }
        }
      }
      return u;
    }

    private boolean isGasVolume(String unit) {
      return unit != null && List.of("CCF", "HCF", "MCF", "MMCF", "CF", "cubic ft", "cubic m").contains(unit);
    }

    /** Words that, right after "meter", make a reading or multiplier header rather than a meter-number label. */
    private List<Phrases> readHeads() {
      return java.util.stream.Stream.of(Label.readingWord, Label.multiplier, Label.previousReading,
          Label.currentReading, Label.usage).map(vocabulary::label).toList();
    }

    private boolean quantityWithUnit(List<String> tokens) {
      List<String> t = tokens.stream().filter(s -> !s.matches("[:#№]+")).toList();
      return t.size() >= 2 && Grammar.quantity(t.get(0), style).isPresent() && MeterReads.unit(t.get(1)).isPresent();
    }

    private boolean isReading(String id, List<BigDecimal> readings) {
      if (!id.matches("\\d+")) {
        return false;
      }
      BigDecimal v = new BigDecimal(id);
      return readings.stream().anyMatch(r -> r.compareTo(v) == 0);
    }

    private Field<String> meterOf(Row row, List<Found<String>> meterFound, Field<String> fallback) {
      for (Found<String> f : meterFound) {
        if (f.valueRow() == row || f.labelRow() == row) {
          return Field.of(f.value(), f.confidence(), f.raw());
        }
      }
      // A read row that starts with an identifier under a meter column.
      if (!row.tokens.isEmpty()) {
        Optional<String> id = Grammar.identifier(List.of(row.tokens.get(0).text()), 4);
        if (id.isPresent() && meterFound.stream().anyMatch(f -> f.value().equals(id.get()))) {
          return Field.of(id.get(), 0.9, id.get());
        }
        // A read row that starts with a letter-and-digit identifier names its meter (A1001, AB0378).
        if (id.isPresent() && id.get().chars().anyMatch(Character::isLetter) && !meterFound.isEmpty()) {
          return Field.of(id.get(), 0.8, id.get());
        }
      }
      // A read row under a meter's section heading ("Meter Number: 906..." then its registers) is that meter's,
      // when the bill names more than one meter.
      if (meterFound.stream().map(Found::value).distinct().count() > 1) {
        Optional<Found<String>> heading = meterFound.stream()
            .filter(f -> f.labelRow().page == row.page && f.labelRow().index < row.index
                && row.index - f.labelRow().index <= 8)
            .max(Comparator.comparingInt(f -> f.labelRow().index));
        if (heading.isPresent()) {
          return Field.of(heading.get().value(), heading.get().confidence() * 0.95, heading.get().raw());
        }
      }
      return fallback;
    }

    /** A figure in a usage unit next to a usage label; energy units before volumes (therms over CCF). */
    private Optional<MeterUsage> labelledUsage(List<MeterReads.Figure> figures, Field<String> meter) {
      List<MeterReads.Figure> usable = figures.stream().filter(f -> isUsageUnit(f.apiUnit())).toList();
      MeterReads.Figure best = null;
      double bestScore = 0;
      for (MeterReads.Figure f : usable) {
        if (afterReadingLabel(f)) {
          continue;
        }
        double score = 0.5;
        if (vocabulary.label(Label.usage).in(f.row().key)) {
          score = 0.85;
        }
        long same = usable.stream().filter(g -> g.value().compareTo(f.value()) == 0).count();
        score += Math.min(0.1, 0.03 * (same - 1));
        // A whole is labelled total; a line of one time-of-use band holds only a part of the usage.
        if (vocabulary.label(Label.total).in(f.row().key)) {
          score += 0.03;
        }
        if (vocabulary.label(Label.timeOfUse).in(f.row().key)) {
          score -= 0.1;
        }
        if (isEnergy(f.apiUnit())) {
          score += 0.02;
        }
        if (f.value().signum() > 0 && score > bestScore) {
          best = f;
          bestScore = score;
        }
      }
      // "Total therms used 45": the unit is in the label, the figure after it.
      for (Found<BigDecimal> f : labels.find(vocabulary.label(Label.usage), t -> t.isEmpty() ? Optional.empty()
          : Grammar.quantity(t.get(0), style).map(v -> new Read<>(v, t.get(0))))) {
        Optional<String> unit = f.labelRow().tokens.stream().map(t -> MeterReads.unit(t.text()))
            .flatMap(Optional::stream).filter(this::isUsageUnit).findFirst();
        if (unit.isPresent() && f.where() == LabelFinder.Where.RIGHT) {
          double score = 0.8 + (isEnergy(unit.get()) ? 0.02 : 0);
          long agree = usable.stream().filter(g -> g.value().compareTo(f.value()) == 0).count();
          score += Math.min(0.1, 0.05 * agree);
          if (score > bestScore) {
            bestScore = score;
            best = new MeterReads.Figure(f.value(), unit.get(), unit.get(), f.labelRow(), -1);
          }
        }
      }
      if (best == null) {
        return Optional.empty();
      }
      return Optional.of(usage(meter, best.value(), best.apiUnit(), best.rawUnit(), null, null, null,
          Math.min(0.95, bestScore), best.row().text(), null));
    }

    /** A figure printed right after "previous reading", "start" and the like is a register reading, not usage. */
    private boolean afterReadingLabel(MeterReads.Figure f) {
      if (f.token() <= 0) {
        return false;
      }
      String before = f.row().key.substring(0, f.row().start(f.token())).replaceAll("[\\s:#=]+$", "");
      return java.util.stream.Stream.of(Label.previousReading, Label.currentReading).map(vocabulary::label)
          .flatMap(p -> p.find(before).stream()).anyMatch(h -> h.end() == before.length());
    }

    private boolean isEnergy(String unit) {
      return unit != null && (unit.contains("thm") || unit.contains("Wh") || unit.contains("Dth"));
    }

    private boolean isUsageUnit(String unit) {
      return unit != null && !Units.isDemand(unit) && !unit.toLowerCase(java.util.Locale.ROOT).contains("var");
    }

    /** When a bill prints no unit, the usual unit of its utility, at low confidence. */
    private String defaultUnit() {
      String type = detection == null ? null : detection.datasourceType();
      if (type == null) {
        return null;
      }
      return switch (type) {
        case "ELECTRICITY" -> "kWh";
        case "GAS" -> "thm (US)";
        case "WATER", "FUEL" -> Units.apiUnit("gal").orElse("gal");
        default -> null;
      };
    }

    private MeterUsage usage(Field<String> meter, BigDecimal value, String unit, String rawUnit, BigDecimal prev,
        BigDecimal cur, BigDecimal mult, double confidence, String raw, String register) {
      Field<BigDecimal> usage = value == null ? null : Field.of(value, confidence, raw);
      return new MeterUsage(meter, null, null, usage, unit, value, rawUnit, prev, cur, mult, false, register,
          List.of(), List.of());
    }
  }

  /** A service period found somewhere, and how sure. */
  private record Candidate(LocalDate start, LocalDate end, double confidence, Row row) {}

  static <T> Function<T, T> identity() {
    return x -> x;
  }
}

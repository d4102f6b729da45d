package io.nectar.insights;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The usage and cost of a company, a site or a meter over a {@link Period}, from one aggregate query:
 * month by month per utility, and (for a company) per site over the whole period.
 */
public record Figures(Period period, List<Figure> monthly, List<Figure> bySite) {

  public Figures {
    monthly = List.copyOf(monthly);
    bySite = List.copyOf(bySite);
  }

  /**
   * The figures of rows that each carry a site and a month: summed over sites for the months, and
   * over months for the sites (exact additions).
   */
  static Figures of(Period period, List<Figure> rows) {
    Map<List<Object>, BigDecimal> monthly = new LinkedHashMap<>();
    Map<List<Object>, BigDecimal> bySite = new LinkedHashMap<>();
    for (Figure f : rows) {
      monthly.merge(List.of(f.measure(), f.utility(), f.units(), f.month()), f.amount(), BigDecimal::add);
      bySite.merge(java.util.Arrays.asList(f.measure(), f.utility(), f.units(), f.siteId()), f.amount(),
          BigDecimal::add);
    }
    List<Figure> months = new ArrayList<>();
    monthly.forEach((k, sum) -> months.add(new Figure((Measure) k.get(0), (String) k.get(1), (String) k.get(2), null,
        (YearMonth) k.get(3), sum)));
    List<Figure> sites = new ArrayList<>();
    bySite.forEach((k, sum) -> sites.add(new Figure((Measure) k.get(0), (String) k.get(1), (String) k.get(2),
        (UUID) k.get(3), null, sum)));
    return new Figures(period, months, sites);
  }

  /** The utility's usage or cost in one unit, month by month: null for a month without data. */
  public record Series(Measure measure, String units, List<BigDecimal> values) {}

  /** Everything one utility's chart shows: its usage series (one per unit) and cost series (one per currency). */
  public record UtilityChart(String utility, List<Series> series) {}

  /** A whole-period total of one utility in one unit (or currency). */
  public record Total(Measure measure, String utility, String units, BigDecimal amount) {}

  /** A whole-period total of one site, utility and unit. */
  public record SiteTotal(UUID siteId, Measure measure, String utility, String units, BigDecimal amount) {}

  /** A utility's totals (of one site, or of all when {@code siteId} is null): usage per unit, cost per currency. */
  public record Row(UUID siteId, String utility, List<Total> usage, List<Total> cost) {}

  /** The period's totals, a row per utility: what the overview's table shows. */
  public List<Row> utilityRows() {
    return rows(totals().stream().map(t -> new SiteTotal(null, t.measure(), t.utility(), t.units(), t.amount()))
        .toList());
  }

  /** The period's totals per site, a row per site and utility, the sites in the order given. */
  public List<Row> siteRows(List<UUID> siteOrder) {
    List<SiteTotal> sorted = new ArrayList<>(siteTotals());
    sorted.sort(java.util.Comparator.comparing((SiteTotal t) -> t.siteId() == null ? Integer.MAX_VALUE
            : siteOrder.indexOf(t.siteId()) < 0 ? Integer.MAX_VALUE - 1 : siteOrder.indexOf(t.siteId()))
        .thenComparing(SiteTotal::utility).thenComparing(SiteTotal::measure).thenComparing(SiteTotal::units));
    return rows(sorted);
  }

  private static List<Row> rows(List<SiteTotal> totals) {
    Map<List<Object>, List<List<Total>>> grouped = new LinkedHashMap<>();
    for (SiteTotal t : totals) {
      List<Object> key = java.util.Arrays.asList(t.siteId(), t.utility());
      List<List<Total>> lists = grouped.computeIfAbsent(key, k -> List.of(new ArrayList<>(), new ArrayList<>()));
      lists.get(t.measure() == Measure.USAGE ? 0 : 1).add(new Total(t.measure(), t.utility(), t.units(), t.amount()));
    }
    List<Row> rows = new ArrayList<>();
    grouped.forEach((key, lists) -> rows.add(new Row((UUID) key.get(0), (String) key.get(1), List.copyOf(lists.get(0)),
        List.copyOf(lists.get(1)))));
    return List.copyOf(rows);
  }

  /** One chart per utility, usage first, in the order of the utilities' names. */
  public List<UtilityChart> charts() {
    List<YearMonth> months = period.months();
    Map<String, Map<String, BigDecimal[]>> byUtility = new java.util.TreeMap<>();
    for (Figure f : monthly) {
      int index = months.indexOf(f.month());
      if (index < 0) {
        continue;
      }
      BigDecimal[] values = byUtility.computeIfAbsent(f.utility(), u -> new java.util.TreeMap<>())
          .computeIfAbsent(f.measure() + "\u0000" + f.units(), k -> new BigDecimal[months.size()]);
      values[index] = values[index] == null ? f.amount() : values[index].add(f.amount());
    }
    List<UtilityChart> charts = new ArrayList<>();
    byUtility.forEach((utility, seriesByKey) -> {
      List<Series> series = new ArrayList<>();
      seriesByKey.forEach((key, values) -> {
        String[] parts = key.split("\u0000", 2);
        series.add(new Series(Measure.valueOf(parts[0]), parts[1], Arrays.asList(values)));
      });
      charts.add(new UtilityChart(utility, List.copyOf(series)));
    });
    return List.copyOf(charts);
  }

  /** The period's totals per utility and unit: the monthly figures added up exactly. */
  public List<Total> totals() {
    Map<List<Object>, BigDecimal> sums = new LinkedHashMap<>();
    monthly.stream()
        .sorted(java.util.Comparator.comparing(Figure::utility).thenComparing(Figure::measure)
            .thenComparing(Figure::units))
        .forEach(f -> sums.merge(List.of(f.measure(), f.utility(), f.units()), f.amount(), BigDecimal::add));
    List<Total> totals = new ArrayList<>();
    sums.forEach((key, sum) -> totals.add(new Total((Measure) key.get(0), (String) key.get(1), (String) key.get(2),
        sum)));
    return List.copyOf(totals);
  }

  /** The per-site totals, site by site. */
  public List<SiteTotal> siteTotals() {
    return bySite.stream()
        .map(f -> new SiteTotal(f.siteId(), f.measure(), f.utility(), f.units(), f.amount()))
        .toList();
  }
}

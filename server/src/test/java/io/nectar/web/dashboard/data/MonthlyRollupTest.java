package io.nectar.web.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.web.dashboard.core.DashboardClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The overview, the site page and their chart data read monthly rollups that database triggers keep
 * (V19). Whatever writes the rows, the figures shown must stay the exact sums of the rows themselves:
 * after the sandbox collection's inserts, after PATCH /usage (a value, then a period moved to another
 * month), and after a document's deletion. The expected figures are summed here from usage_data and
 * document directly, never from the rollups.
 */
class MonthlyRollupTest {
  private static final Pattern ROW = Pattern.compile("<tr data-utility=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td class=\"number\">(.*?)</td>", Pattern.DOTALL);
  private static final Pattern FIGURE = Pattern.compile("<span class=\"figure\">([^<]*)</span>");
  private static final Pattern TABLE = Pattern.compile("<table id=\"utility-totals\">(.*?)</table>", Pattern.DOTALL);
  private static final Pattern MISSING = Pattern.compile("id=\"missing-summary\" data-months=\"(\\d+)\"");

  static DataWorld world;
  static DashboardClient ann;
  static UUID company;
  static UUID site;
  static YearMonth from;
  static YearMonth to;

  @BeforeAll
  static void start() {
    world = DataWorld.start();
    ann = world.signIn("Org A", "ann@a.example", Environment.SANDBOX);
    company = world.uuid(world.companyA.companyId());
    site = world.uuid(world.companyA.siteId());
    // The twelve months that have ended: every one of them has sandbox bills.
    YearMonth now = YearMonth.from(LocalDate.ofInstant(world.server.clock().instant(), ZoneOffset.UTC));
    from = now.minusMonths(12);
    to = now.minusMonths(1);
  }

  @AfterAll
  static void stop() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void theFiguresStayTheExactSumsOfTheRowsThroughInsertsPatchesAndDeletions() {
    assertThat(rows("select count(*) from usage_data where company_id = ? and not is_deleted")).isPositive();
    assertFiguresMatchTheRows("after the collection's inserts");

    // PATCH /usage: a new value (more decimals than the others), then the period moved into the next month.
    UUID usage = world.one("select id from usage_data where company_id = ? and datasource_type = 'ELECTRICITY' "
        + "and not is_deleted and end_date >= ? and end_date < ? order by end_date, id limit 1", company,
        from.plusMonths(3).atDay(1), from.plusMonths(4).atDay(1));
    Response value = world.server.patchJson("/v2.2/usage/" + usage, world.keyA.key(), "{\"usage\": 12345.678901}");
    assertThat(value.status()).as(value.body()).isEqualTo(200);
    assertFiguresMatchTheRows("after a PATCH of a usage value");

    LocalDate end = world.server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select end_date from usage_data where id = :id").bind("id", usage).mapTo(LocalDate.class).one());
    Response moved = world.server.patchJson("/v2.2/usage/" + usage, world.keyA.key(),
        "{\"endDate\": \"" + end.plusMonths(1) + "\"}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertFiguresMatchTheRows("after a PATCH that moves a period into the next month");

    // A document deleted through the API: its usage and cost leave the figures, its months become missing.
    UUID gasBill = world.one("select id from document where company_id = ? and datasource_types = '{GAS}' "
        + "and deleted_at is null and end_date >= ? and end_date < ? order by end_date limit 1", company,
        from.plusMonths(6).atDay(1), from.plusMonths(7).atDay(1));
    int missingBefore = missingMonthsShown();
    assertThat(world.server.delete("/v2.2/document/" + gasBill, world.keyA.key()).status()).isEqualTo(204);
    assertFiguresMatchTheRows("after a document's deletion");
    assertThat(missingMonthsShown()).isGreaterThan(missingBefore);
  }

  /** The overview's totals, its bills still missing, and the company's and site's chart data, against the rows. */
  private static void assertFiguresMatchTheRows(String when) {
    Map<String, String> expected = rowSums("company_id", company);
    String period = "from=" + from + "&to=" + to;

    assertThat(chart(ann.get("/dashboard/companies/" + company + "/charts/monthly?" + period)))
        .as("the company's chart data " + when).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(chart(ann.get("/dashboard/sites/" + site + "/charts/monthly?" + period)))
        .as("the site's chart data " + when).containsExactlyInAnyOrderEntriesOf(rowSums("site_id", site));

    Response overview = ann.get("/dashboard/companies/" + company + "?" + period);
    assertThat(overview.status()).isEqualTo(200);
    assertThat(utilityTotals(overview.body())).as("the overview's totals by utility " + when)
        .containsExactlyInAnyOrderEntriesOf(totals(expected));
    assertThat(missingMonthsShown()).as("the overview's meter-months without a bill " + when)
        .isEqualTo(missingMonthsInTheRows());
  }

  /**
   * Usage and cost per measure, utility, units and month, summed in SQL from the rows: a usage row
   * counts in the month its period ends in, a bill's cost in the month its period (else its date) ends in.
   */
  private static Map<String, String> rowSums(String scope, UUID id) {
    Map<String, String> sums = new TreeMap<>();
    world.server.server().database().jdbi().useHandle(h -> h.createQuery("""
            select 'USAGE', datasource_type, usage_units, to_char(end_date, 'YYYY-MM'), sum(usage)
              from usage_data where %1$s = :id and not is_deleted and end_date >= :start and end_date < :end
             group by 1, 2, 3, 4
            union all
            select 'COST', case cardinality(datasource_types) when 1 then datasource_types[1] when 0 then 'NONE'
                             else 'SEVERAL' end,
                   coalesce(charges_units, ''), to_char(coalesce(end_date, bill_date), 'YYYY-MM'), sum(total_charges)
              from document where %1$s = :id and deleted_at is null and total_charges is not null
               and coalesce(end_date, bill_date) >= :start and coalesce(end_date, bill_date) < :end
             group by 1, 2, 3, 4""".formatted(scope))
        .bind("id", id).bind("start", from.atDay(1)).bind("end", to.plusMonths(1).atDay(1))
        .map((rs, ctx) -> Map.entry(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
            + rs.getString(4), rs.getBigDecimal(5)))
        .forEach(e -> sums.put(e.getKey(), exact(e.getValue()))));
    assertThat(sums).isNotEmpty();
    return sums;
  }

  /** The chart JSON as the same keys: measure|utility|units|month → the number as written. */
  private static Map<String, String> chart(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode json = response.json();
    Map<String, String> values = new TreeMap<>();
    for (JsonNode chart : json.get("charts")) {
      for (JsonNode series : chart.get("series")) {
        JsonNode numbers = series.get("values");
        for (int i = 0; i < numbers.size(); i++) {
          if (!numbers.get(i).isNull()) {
            // Exact decimals in the JSON, never a double's rendering.
            assertThat(numbers.get(i).isBigDecimal() || numbers.get(i).isIntegralNumber()).isTrue();
            values.put(series.get("measure").asText() + "|" + chart.get("utility").asText() + "|"
                + series.get("units").asText() + "|" + json.get("months").get(i).asText(),
                exact(numbers.get(i).decimalValue()));
          }
        }
      }
    }
    return values;
  }

  /** Monthly sums added up per measure, utility and units: what the totals table must show. */
  private static Map<String, String> totals(Map<String, String> monthly) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    monthly.forEach((key, amount) -> sums.merge(key.substring(0, key.lastIndexOf('|')), new BigDecimal(amount),
        BigDecimal::add));
    Map<String, String> totals = new TreeMap<>();
    sums.forEach((key, sum) -> totals.put(key, exact(sum)));
    return totals;
  }

  /** The overview's "Totals by utility" table read back: usage per unit and cost per currency, per utility. */
  private static Map<String, String> utilityTotals(String page) {
    Matcher table = TABLE.matcher(page);
    assertThat(table.find()).as("the totals table").isTrue();
    Map<String, String> totals = new TreeMap<>();
    Matcher row = ROW.matcher(table.group(1));
    while (row.find()) {
      Matcher cell = CELL.matcher(row.group(2));
      for (String measure : new String[] {"USAGE", "COST"}) {
        assertThat(cell.find()).isTrue();
        Matcher figure = FIGURE.matcher(cell.group(1));
        while (figure.find()) {
          String text = figure.group(1).trim();
          int space = text.indexOf(' ');
          String amount = space < 0 ? text : text.substring(0, space);
          String units = space < 0 ? "" : text.substring(space + 1).replace("&#40;", "(").replace("&#41;", ")");
          totals.put(measure + "|" + row.group(1) + "|" + units, exact(new BigDecimal(amount.replace(",", ""))));
        }
      }
    }
    return totals;
  }

  /** How many meter-months the overview lists as without a bill (0 when it says every month has one). */
  private static int missingMonthsShown() {
    String page = ann.get("/dashboard/companies/" + company + "?from=" + from + "&to=" + to).body();
    Matcher m = MISSING.matcher(page);
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    assertThat(page).contains("id=\"missing-none\"");
    return 0;
  }

  /**
   * Meter-months without a bill, from the rows: each tracked meter and ended month of the period (from
   * the collection start on) that no live usage period of the meter touches.
   */
  private static int missingMonthsInTheRows() {
    return world.server.server().database().jdbi().withHandle(h -> h.createQuery("""
            with months as (
              select m::date as first, (m + interval '1 month')::date as after
                from company c, generate_series(greatest(cast(:from as date),
                       date_trunc('month', c.data_collection_start_date)::date), cast(:to as date), interval '1 month') m
               where c.id = :company)
            select count(*) from meter mt, months
             where mt.company_id = :company and mt.is_tracked
               and not exists (select 1 from usage_data u where u.meter_id = mt.id and not u.is_deleted
                                  and u.start_date < months.after and u.end_date >= months.first)""")
        .bind("company", company).bind("from", from.atDay(1)).bind("to", to.atDay(1))
        .mapTo(Integer.class).one());
  }

  private static long rows(String sql) {
    return world.server.server().database().jdbi().withHandle(h -> h.createQuery(sql).bind(0, company)
        .mapTo(Long.class).one());
  }

  /** A number without the zeros its scale may trail: the rollup's sums are exact, their scale may differ. */
  private static String exact(BigDecimal amount) {
    return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
  }
}

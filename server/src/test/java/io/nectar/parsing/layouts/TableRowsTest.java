package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.BillText;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.FileType;
import io.nectar.parsing.Line;
import io.nectar.parsing.Page;
import io.nectar.parsing.Word;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line-item tables: rows wrapped over two lines, a sidebar clipped off, tables kept to one- or multi-meter bills. */
class TableRowsTest {
  private static final String HEAD = """
      id: t
      datasourceType: ELECTRICITY
      decimalStyle: POINT
      identify: {all: ["Charges"]}
      """;

  @Test
  void aRowWrappedOverTwoLinesIsReadAsOne() {
    Template t = template(HEAD + """
        lineItems:
          - start: '^Charges$'
            end: '^Total'
            rows:
              - pattern: '^(?<description>.*?[A-Za-z].*?) (?<amount>[\\d,]*\\.\\d\\d(?: ?CR)?)$'
        """);
    BillText text = page(List.of(
        line(20, "Charges"),
        line(20, "Basic Charge 45.00"),
        line(20, "Reactive Demand Charge (32.000 x $0.50) Billed KVAR"),
        line(300, "16.00"),
        line(20, "Regulatory Adjustment 9.34 CR"),
        line(20, "Subtotal 51.66"),
        line(300, "51.66"),
        line(20, "Total 51.66")));
    List<Charge> charges = new TemplateExtractor(t).extract(text).lineItems();
    assertThat(charges).extracting(Charge::amount).containsExactly(new BigDecimal("45.00"),
        new BigDecimal("16.00"), new BigDecimal("-9.34"), new BigDecimal("51.66"));
    assertThat(charges.get(1).description()).isEqualTo("Reactive Demand Charge (32.000 x $0.50) Billed KVAR");
  }

  @Test
  void aRegionKeepsASidebarOutOfTheRows() {
    String table = """
        lineItems:
          - start: '^Charges$'
            end: '^Total'
            %s
            rows:
              - pattern: '^(?<description>.*?[A-Za-z].*?) (?<amount>[\\d,]*\\.\\d\\d)$'
        """;
    BillText text = page(List.of(
        line(20, "Charges"),
        new Line(List.of(word("Basic", 20), word("Charge", 50), word("45.00", 200), word("Online", 420),
            word("12.00", 500))),
        line(20, "Total 45.00")));
    List<Charge> unclipped = new TemplateExtractor(template(HEAD + table.formatted(""))).extract(text).lineItems();
    List<Charge> clipped = new TemplateExtractor(template(HEAD + table.formatted("region: {right: 0.6}")))
        .extract(text).lineItems();
    assertThat(unclipped).extracting(Charge::amount).containsExactly(new BigDecimal("12.00"));
    assertThat(clipped).extracting(Charge::amount).containsExactly(new BigDecimal("45.00"));
    assertThat(clipped.get(0).description()).isEqualTo("Basic Charge");
  }

  @Test
  void aTableCanBeKeptToBillsWithOneMeterOrSeveral() {
    Template t = template(HEAD + """
        meters:
          block: {start: '^Meter \\d+$'}
          meterNumber: [{pattern: '^Meter (?<value>\\d+)$'}]
          usage: [{pattern: '^Used (?<value>\\d+) kWh$', units: kWh}]
        lineItems:
          - start: '^Details$'
            end: '^End'
            meters: ONE
            rows: [{pattern: '^(?<description>\\D+) (?<amount>[\\d,]*\\.\\d\\d)$'}]
          - start: '^Summary$'
            end: '^End'
            meters: SEVERAL
            rows: [{pattern: '^(?<description>\\D+) (?<amount>[\\d,]*\\.\\d\\d)$'}]
        """);
    List<Line> oneMeter = new ArrayList<>(List.of(line(20, "Summary"), line(20, "Service A 30.00"),
        line(20, "End"), line(20, "Details"), line(20, "Energy 20.00"), line(20, "Basic 10.00"), line(20, "End"),
        line(20, "Meter 111"), line(20, "Used 5 kWh")));
    ExtractedBill one = new TemplateExtractor(t).extract(page(oneMeter));
    assertThat(one.lineItems()).extracting(Charge::amount)
        .containsExactly(new BigDecimal("20.00"), new BigDecimal("10.00"));

    List<Line> twoMeters = new ArrayList<>(oneMeter);
    twoMeters.addAll(List.of(line(20, "Meter 222"), line(20, "Used 7 kWh")));
    ExtractedBill two = new TemplateExtractor(t).extract(page(twoMeters));
    assertThat(two.meters()).hasSize(2);
    assertThat(two.lineItems()).extracting(Charge::amount).containsExactly(new BigDecimal("30.00"));
  }

  private static Template template(String yaml) {
    return TemplateLoader.read("t.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Word word(String text, float x) {
    return new Word(text, x, 0, text.length() * 5f, 10, 1);
  }

  /** A line of words starting at {@code x}, each word placed after the previous. */
  private static Line line(float x, String text) {
    List<Word> words = new ArrayList<>();
    float at = x;
    for (String w : text.split(" ")) {
      words.add(word(w, at));
      at += w.length() * 5f + 4;
    }
    return new Line(words);
  }

  /** The lines on one page, 12 points apart. */
  private static BillText page(List<Line> lines) {
    List<Line> placed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      float y = 20 + 12 * i;
      placed.add(new Line(lines.get(i).words().stream()
          .map(w -> new Word(w.text(), w.x(), y, w.width(), w.height(), w.confidence())).toList()));
    }
    return new BillText(FileType.PDF, List.of(new Page(1, placed, Page.Origin.TEXT_LAYER, 600, 800)));
  }
}

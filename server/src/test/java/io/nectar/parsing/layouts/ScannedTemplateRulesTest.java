package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.BillText;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.Field;
import io.nectar.parsing.FileType;
import io.nectar.parsing.Line;
import io.nectar.parsing.Page;
import io.nectar.parsing.Problem;
import io.nectar.parsing.Validator;
import io.nectar.parsing.Word;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A template reading an OCR'd page: look-alike characters in labels and values, a charge row whose middle columns
 * OCR garbled, a field the template misses read the generic way; and the same text from a text layer, which none
 * of this touches.
 */
class ScannedTemplateRulesTest {
  private static final Template TEMPLATE = TemplateLoader.read("t.yaml", new ByteArrayInputStream("""
      id: t
      datasourceType: ELECTRICITY
      decimalStyle: POINT
      dateOrder: US
      identify: {all: ["Charges"]}
      fields:
        accountNumber:
          - pattern: 'Account No\\s*(?<value>AC-\\d{6})'
        period:
          - pattern: 'Period (?<start>\\d{2}/\\d{2}/\\d{4}) to (?<end>\\d{2}/\\d{2}/\\d{4})'
        totalCharges:
          - pattern: '^Total (?<value>[\\d,]+\\.\\d{2})$'
      meters:
        meterNumber: [{pattern: 'Meter (?<value>1ESY\\d{6})'}]
        usage: [{pattern: 'Usage (?<value>[\\d,]+) (?<units>kWh)'}]
      lineItems:
        - start: '^Charges$'
          end: '^Total'
          rows:
            - pattern: '^(?<description>[A-Za-z ]+) (?<quantity>\\d+) kWh (?<rate>\\d\\.\\d+) (?<amount>[\\d,]*\\.\\d\\d)$'
      """.getBytes(StandardCharsets.UTF_8)));

  private static final List<String> SCANNED = List.of(
      "Acc0unt N0 AC-12345O",
      "Meter LESY123456",
      "Period 01/01/2024 to 01/31/2024",
      "Usage 500 kWh",
      "Charges",
      "Energy 500 kWh 0.1200 60.00",
      "Delivery 5O0 kVVh O.O5OO 25.00",
      "Total 85.00");

  @Test
  void lookAlikesInLabelsAndValuesAreReadAndRepairedValuesFlagTheBill() {
    ExtractedBill bill = new TemplateExtractor(TEMPLATE).extract(page(SCANNED, Page.Origin.OCR));

    assertThat(bill.accountNumber().value()).isEqualTo("AC-123450");
    assertThat(bill.accountNumber().confidence()).isLessThan(Field.TRUSTED);
    assertThat(bill.meters().get(0).meterNumber().value()).isEqualTo("1ESY123456");
    assertThat(new Validator().check(bill)).extracting(Problem::field).containsExactly("accountNumber");
  }

  @Test
  void aRowWhoseMiddleColumnsOcrGarbledIsTakenBackWhenTheTotalConfirmsIt() {
    ExtractedBill bill = new TemplateExtractor(TEMPLATE).extract(page(SCANNED, Page.Origin.OCR));

    assertThat(bill.lineItems()).extracting(Charge::amount).containsExactly(new BigDecimal("60.00"),
        new BigDecimal("25.00"));
    assertThat(bill.lineItems().get(1).description()).isEqualTo("Delivery");
  }

  @Test
  void anAmountOcrGarbledIsTheLinesQuantityTimesRateWhenTheTotalConfirmsItAndTheBillIsFlagged() {
    List<String> lines = new ArrayList<>(SCANNED);
    lines.set(6, "Delivery 500 kWh 0.0500 2S:");
    ExtractedBill bill = new TemplateExtractor(TEMPLATE).extract(page(lines, Page.Origin.OCR));

    assertThat(bill.lineItems()).extracting(Charge::amount).containsExactly(new BigDecimal("60.00"),
        new BigDecimal("25.00"));
    assertThat(bill.lineItems().get(1).description()).isEqualTo("Delivery");
    assertThat(bill.totalCharges().value()).isEqualByComparingTo("85.00");
    assertThat(bill.totalCharges().confidence()).isLessThan(Field.TRUSTED);
    assertThat(new Validator().check(bill)).extracting(Problem::field).contains("totalCharges");
  }

  @Test
  void aRowReadWithAWrongDigitIsPutRightOnlyWhenItsOwnArithmeticGivesWhatTheTotalNeeds() {
    List<String> lines = new ArrayList<>(SCANNED);
    lines.set(5, "Energy 500 kWh 0.1200 10.00");
    lines.set(6, "Delivery 500 kWh 0.0500 25.00");
    ExtractedBill fixed = new TemplateExtractor(TEMPLATE).extract(page(lines, Page.Origin.OCR));
    assertThat(fixed.lineItems()).extracting(Charge::amount).containsExactly(new BigDecimal("60.00"),
        new BigDecimal("25.00"));

    lines.set(5, "Energy 500 kWh 0.1300 10.00"); // 65.00 by its arithmetic: no line gives the 60.00 missing
    ExtractedBill asRead = new TemplateExtractor(TEMPLATE).extract(page(lines, Page.Origin.OCR));
    assertThat(asRead.lineItems()).extracting(Charge::amount).containsExactly(new BigDecimal("10.00"),
        new BigDecimal("25.00"));
    assertThat(new Validator().check(asRead)).extracting(Problem::field).contains("lineItems");
  }

  @Test
  void aTableHeadingReadWithLookAlikesStillAnchorsTheTableOnAScanOnly() {
    List<String> lines = new ArrayList<>(SCANNED);
    lines.set(4, "Charqes");
    assertThat(new TemplateExtractor(TEMPLATE).extract(page(lines, Page.Origin.OCR)).lineItems()).hasSize(2);
    lines.set(0, "Account No AC-123450");
    lines.set(6, "Delivery 500 kWh 0.0500 25.00");
    assertThat(new TemplateExtractor(TEMPLATE).extract(page(lines, Page.Origin.TEXT_LAYER)).lineItems()).isEmpty();
  }

  @Test
  void aFieldTheTemplateMissesOnAScanIsReadTheGenericWayBelowTheTrustedLevel() {
    List<String> lines = new ArrayList<>(SCANNED);
    lines.set(0, "ACCOUNT NUMBER: 5120-33");
    ExtractedBill bill = new TemplateExtractor(TEMPLATE).extract(page(lines, Page.Origin.OCR));

    assertThat(bill.accountNumber().value()).isEqualTo("5120-33");
    assertThat(bill.accountNumber().confidence()).isLessThanOrEqualTo(GenericFallback.CAP);
    assertThat(new Validator().check(bill)).extracting(Problem::field).contains("accountNumber");
  }

  @Test
  void aUsageTheTemplateMissesOnAScanIsTheGenericOneOnTheTemplatesMeterBelowTheTrustedLevel() {
    List<String> lines = new ArrayList<>(SCANNED);
    lines.set(3, "Energy used this period: 500 kWh");
    ExtractedBill bill = new TemplateExtractor(TEMPLATE).extract(page(lines, Page.Origin.OCR));

    assertThat(bill.meters()).hasSize(1);
    assertThat(bill.meters().get(0).meterNumber().value()).isEqualTo("1ESY123456");
    assertThat(bill.meters().get(0).usage().value()).isEqualByComparingTo("500");
    assertThat(bill.meters().get(0).usageUnits()).isEqualTo("kWh");
    assertThat(bill.meters().get(0).usage().confidence()).isLessThanOrEqualTo(GenericFallback.CAP);
    assertThat(new Validator().check(bill)).extracting(Problem::field).contains("usage");
  }

  @Test
  void aTextLayerIsReadAsPrinted() {
    List<String> lines = new ArrayList<>(SCANNED);
    lines.set(0, "ACCOUNT NUMBER: 5120-33");
    ExtractedBill bill = new TemplateExtractor(TEMPLATE).extract(page(lines, Page.Origin.TEXT_LAYER));

    assertThat(bill.accountNumber()).isNull();
    assertThat(bill.meters().get(0).meterNumber()).isNull();
    assertThat(bill.lineItems()).extracting(Charge::amount).containsExactly(new BigDecimal("60.00"));
    assertThat(bill.periodStart().value()).isEqualTo(LocalDate.of(2024, 1, 1));
  }

  private static BillText page(List<String> lines, Page.Origin origin) {
    List<Line> placed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      float y = 20 + 14 * i;
      List<Word> words = new ArrayList<>();
      float x = 20;
      for (String w : lines.get(i).split(" ")) {
        words.add(new Word(w, x, y, w.length() * 5f, 10, 0.9f));
        x += w.length() * 5f + 4;
      }
      placed.add(new Line(words));
    }
    return new BillText(FileType.PDF, List.of(new Page(1, placed, origin, 600, 800)));
  }
}

package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.Line;
import io.nectar.parsing.Word;
import io.nectar.parsing.layouts.OcrLines.Marks;
import io.nectar.parsing.normal.DecimalStyle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcrLinesTest {
  @Test
  void specksReadAsMarksOrDoubtedLettersGoButConfidentSeparatorsStay() {
    Line line = line("Nettobetrag:0.9 —:0.3 2.614,04:0.9 €:0.0");
    assertThat(clean(line, DecimalStyle.COMMA, Marks.KEEP_SEPARATORS)).isEqualTo("Nettobetrag 2.614,04 €");

    Line range = line("Billing:0.9 Period:0.9 Jan:0.9 3,:0.9 2024:0.9 -:0.9 Feb:0.9 2,:0.9 2024:0.9");
    assertThat(clean(range, DecimalStyle.POINT, Marks.KEEP_SEPARATORS)).isEqualTo("Billing Period Jan 3, 2024 - Feb 2, 2024");
    assertThat(clean(range, DecimalStyle.POINT, Marks.DROP_ALL)).isEqualTo("Billing Period Jan 3 2024 Feb 2 2024");

    Line speck = line("Delivery:0.9 fee:0.9 ak:0.42 45.0000:0.9 45.00:0.9");
    assertThat(clean(speck, DecimalStyle.POINT, Marks.KEEP_SEPARATORS)).isEqualTo("Delivery fee 45.0000 45.00");
    Line sure = line("Basic:0.9 ak:0.9 45.00:0.9");
    assertThat(clean(sure, DecimalStyle.POINT, Marks.KEEP_SEPARATORS)).isEqualTo("Basic ak 45.00");
  }

  @Test
  void theBareFormDropsAShortWordTesseractAllButAdmitsItGuessed() {
    Line line = line("Gesamtbetrag:0.9 (brutto):0.9 ces:0.11 1.854,41:0.73 €:0.9");
    assertThat(clean(line, DecimalStyle.COMMA, Marks.DROP_ALL)).isEqualTo("Gesamtbetrag (brutto) 1.854,41 €");
    assertThat(clean(line, DecimalStyle.COMMA, Marks.KEEP_SEPARATORS)).isEqualTo("Gesamtbetrag (brutto) ces 1.854,41 €");
    // a word read with some confidence, or a long one, stays
    assertThat(clean(line("Total:0.9 Due:0.45 12.00:0.9"), DecimalStyle.POINT, Marks.DROP_ALL)).isEqualTo("Total Due 12.00");
    assertThat(clean(line("Strom:0.2 12,00:0.9"), DecimalStyle.COMMA, Marks.DROP_ALL)).isEqualTo("Strom 12,00");
  }

  @Test
  void marksStuckToAWordsEndsComeOff() {
    assertThat(clean(line("Rechnungsnummer::0.9 —R-2022-915607:0.9"), DecimalStyle.COMMA, Marks.KEEP_SEPARATORS))
        .isEqualTo("Rechnungsnummer: R-2022-915607");
    assertThat(clean(line("Delivery:0.9 fee:0.9 4::0.9 45.00:0.9"), DecimalStyle.POINT, Marks.KEEP_SEPARATORS))
        .isEqualTo("Delivery fee 4 45.00");
    assertThat(clean(line("TOTAL:0.9 CHARGES.:0.9 541.18:0.9"), DecimalStyle.POINT, Marks.DROP_ALL))
        .isEqualTo("TOTAL CHARGES 541.18");
    assertThat(clean(line("On-Peak:0.9 kWh:0.9 53,188:0.9 54,401.:0.9 1,213:0.9"), DecimalStyle.POINT, Marks.DROP_ALL))
        .isEqualTo("On-Peak kWh 53,188 54,401 1,213");
    assertThat(clean(line("Customer:0.9 Charge:0.9 29:95:0.9"), DecimalStyle.POINT, Marks.DROP_ALL))
        .isEqualTo("Customer Charge 29.95");
  }

  @Test
  void aMisreadDecimalSeparatorIsPutRightOnlyWhereItCannotGroupThousands() {
    assertThat(clean(line("75,25:0.9 49,7:0.9 45,0000:0.9 1,234:0.9 1,850.19:0.9"), DecimalStyle.POINT,
        Marks.KEEP_SEPARATORS)).isEqualTo("75.25 49.7 45.0000 1,234 1,850.19");
    assertThat(clean(line("14.00:0.9 5.168:0.9 1,850,19:0.9 04.12:0.9 04.12.2022:0.9"), DecimalStyle.COMMA,
        Marks.KEEP_SEPARATORS)).isEqualTo("14,00 5.168 1.850,19 04.12 04.12.2022");
    assertThat(clean(line("1.234.56:0.9"), DecimalStyle.POINT, Marks.KEEP_SEPARATORS)).isEqualTo("1,234.56");
  }

  private static String clean(Line line, DecimalStyle style, Marks marks) {
    return OcrLines.clean(line, style, marks).text();
  }

  /** Words written {@code text:confidence}, side by side. */
  private static Line line(String spec) {
    List<Word> words = new ArrayList<>();
    float x = 10;
    for (String token : spec.split(" ")) {
      int colon = token.lastIndexOf(':');
      String text = token.substring(0, colon);
      words.add(new Word(text, x, 100, text.length() * 5f, 10, Float.parseFloat(token.substring(colon + 1))));
      x += text.length() * 5f + 4;
    }
    return new Line(words);
  }
}

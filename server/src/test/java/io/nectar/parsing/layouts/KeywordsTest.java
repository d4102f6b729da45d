package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.layouts.Keywords.Source;
import org.junit.jupiter.api.Test;

/** A layout's keywords found on a scan despite look-alike characters and a slip, never on a text layer. */
class KeywordsTest {
  @Test
  void onAScanLookAlikesCompareEqual() {
    String scanned = Keywords.squash("N ectar San d b OX Uti | ity SAMPLE BILL", Source.SCANNED);
    assertThat(Keywords.carries(scanned, Keywords.squash("Nectar Sandbox Utility", Source.SCANNED), Source.SCANNED))
        .isTrue();
    String printed = Keywords.squash("N ectar San d b OX Uti | ity SAMPLE BILL");
    assertThat(Keywords.carries(printed, Keywords.squash("Nectar Sandbox Utility"), Source.PRINTED)).isFalse();
    // too short for a slip: only the look-alikes make these equal
    String invoice = Keywords.squash("C0unty Uti|ity lNV0lCE", Source.SCANNED);
    assertThat(Keywords.carries(invoice, Keywords.squash("Invoice", Source.SCANNED), Source.SCANNED)).isTrue();
    assertThat(Keywords.carries(invoice, Keywords.squash("Utility", Source.SCANNED), Source.SCANNED)).isTrue();
  }

  @Test
  void aLongKeywordMayHaveOneSlipPerTenLettersAShortOneNone() {
    String text = Keywords.squash("Nectar San d b QO Xx Uti | ity statement", Source.SCANNED);
    // nectarsandbqoxxutility: two letters too many for a 20-letter keyword
    assertThat(Keywords.carries(text, Keywords.squash("Nectar Sandbox Utility", Source.SCANNED), Source.SCANNED))
        .isTrue();
    assertThat(Keywords.fewestEdits("abcxdef", "abcdef")).isEqualTo(1);
    // 'statemant' is one slip from 'statement', but nine letters allow none
    String other = Keywords.squash("Gas statemant", Source.SCANNED);
    assertThat(Keywords.carries(other, Keywords.squash("statement", Source.SCANNED), Source.SCANNED)).isFalse();
    // three slips in a 22-letter keyword are too many
    assertThat(Keywords.carries(Keywords.squash("Nortbeast Heatirg Oll & Propone", Source.SCANNED),
        Keywords.squash("Northeast Heating Oil & Propane", Source.SCANNED), Source.SCANNED)).isFalse();
  }

  @Test
  void onAScanALongKeywordMayHaveOneWordLostButOnlyWhenTheRestHoldsMostOfItsLetters() {
    String heading = Keywords.squash("CASCADE POWER & LIGHT Commercial Electric Sais PO Box 4410", Source.SCANNED);
    double presence = Keywords.presence(heading, "Commercial Electric Service", Source.SCANNED);
    // commercialelectric: 18 of the 25 letters
    assertThat(presence).isEqualTo(18.0 / 25);
    assertThat(Keywords.presence(Keywords.squash("Commercial Electric Service", Source.SCANNED),
        "Commercial Electric Service", Source.SCANNED)).isEqualTo(1);
    // a lost word in the middle: the rest in order around whatever OCR made of it
    String middle = Keywords.squash("City of Millbrook Department of Pbcuie Utilities", Source.SCANNED);
    assertThat(Keywords.presence(middle, "Department of Public Utilities", Source.SCANNED)).isEqualTo(21.0 / 27);
    // two words are too few to lose one: 'statement' alone would claim every sandbox layout
    String solar = Keywords.squash("Nectar Sandbox Utility Solar statement", Source.SCANNED);
    assertThat(Keywords.presence(solar, "Electricity statement", Source.SCANNED)).isZero();
    // a long word lost leaves too little read: 'Light' and '&' are not 'Cascade Power & Light'
    assertThat(Keywords.presence(Keywords.squash("Casoode Powcr & Light", Source.SCANNED), "Cascade Power & Light",
        Source.SCANNED)).isZero();
    // never on a text layer
    assertThat(Keywords.presence(Keywords.squash("Commercial Electric Sais"), "Commercial Electric Service",
        Source.PRINTED)).isZero();
  }

  @Test
  void aLayoutWithEveryKeywordReadWholeWinsOverOneFoundWithALostWord() {
    Template.Identify commercial = new Template.Identify(
        java.util.List.of("Cascade Power & Light", "Commercial Electric Service"), java.util.List.of(),
        java.util.List.of(), null);
    Template.Identify residential = new Template.Identify(
        java.util.List.of("Cascade Power & Light", "Commercial Electric Sales"), java.util.List.of(),
        java.util.List.of(), null);
    String text = Keywords.squash("CASCADE POWER & LIGHT Commercial Electric Sales", Source.SCANNED);
    assertThat(Keywords.score(residential, text, Source.SCANNED))
        .isGreaterThan(Keywords.score(commercial, text, Source.SCANNED)).isEqualTo(1);
    assertThat(Keywords.score(commercial, text, Source.SCANNED)).isGreaterThan(0);
    assertThat(Keywords.score(commercial, Keywords.squash("CASCADE POWER & LIGHT Commercial Electric Sales"),
        Source.PRINTED)).isZero();
  }
}

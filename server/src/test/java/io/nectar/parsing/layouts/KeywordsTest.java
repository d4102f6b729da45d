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
}

package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Look-alike characters on scans: patterns that tolerate them, values put back into the pattern's shape. */
class ConfusablesTest {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  @Test
  void aTolerantPatternReadsLookAlikesInLabelsLiteralsAndDigits() {
    Regex meter = Regex.of("Zählernummer\\s*[:;]?\\s*(?<value>1ESY ?\\d{10})");
    String scanned = "Zählernurnmer: LESY15O39O2824";

    assertThat(meter.pattern().matcher(scanned).find()).isFalse();
    assertThat(meter.tolerant().matcher(scanned).find()).isTrue();
    // a coarse scan closes an h's bowl into a b, and opens a b into an h
    assertThat(meter.tolerant().matcher("Zäblernummer: 1ESY1503902824").find()).isTrue();
    assertThat(Regex.of("^Rechnungsbetrag$").tolerant().matcher("Rechnungshetrag").find()).isTrue();
    // what a class, an escape, a group name and a quantifier say is kept as written
    assertThat(Confusables.tolerant("(?<value>[A-Z]{2}\\s\\p{L}+) 1")).isEqualTo("(?<value>[A-Z]{2}\\s\\p{L}+)\\s*[1lit7|!\\]]");
  }

  @Test
  void aRepairChangesTheFewestLookAlikesIntoTheShapeThePatternGives() {
    Regex meter = Regex.of("Meter (?<value>1ESY ?\\d{10})");

    assertThat(meter.repair("value", "LESY15O39O2824")).contains("1ESY1503902824");
    assertThat(meter.repair("value", "1ESY1503902824")).contains("1ESY1503902824");
    assertThat(Confusables.repair("T31643", Pattern.compile("T\\d{5}", FLAGS))).contains("T31643");
    assertThat(Confusables.repair("731643", Pattern.compile("T\\d{5}", FLAGS))).contains("T31643");
  }

  @Test
  void aSlashIsReadAsABarOrAOneOnScans() {
    Regex heading = Regex.of("^Product / Service");
    assertThat(heading.pattern().matcher("Product | Service Gallons").find()).isFalse();
    assertThat(heading.tolerantHeading().matcher("Product | Service Gallons").find()).isTrue();
    assertThat(heading.tolerantHeading().matcher("Product 1 Service Gallons").find()).isTrue();
    // a lone mark OCR dropped (or read as a bar it then dropped) does not lose the heading either
    assertThat(heading.heading().matcher("Product Service Gallons").find()).isTrue();
    assertThat(heading.heading().matcher("Service Product Gallons").find()).isFalse();
    assertThat(Regex.of("Due (?<value>\\d{2}/\\d{2}/\\d{4})").repair("value", "01|05/2024")).contains("01/05/2024");
  }

  @Test
  void noRepairWhenNoneFitsOrTwoFitEquallyWell() {
    // too far from the shape
    assertThat(Confusables.repair("ABCDEF", Pattern.compile("\\d{6}", FLAGS))).isEmpty();
    // 'l' may be 1 or i, and the shape takes both: OCR's reading cannot be told
    assertThat(Confusables.repair("Al", Pattern.compile("A[1i]", FLAGS))).isEmpty();
  }

  @Test
  void theSourceOfANamedGroupIsFoundThroughNestedGroupsAndClasses() {
    assertThat(Confusables.groupSource("No\\.? (?<value>T-(?:\\d{5}|[)(]x))$", "value"))
        .isEqualTo("T-(?:\\d{5}|[)(]x)");
    assertThat(Confusables.groupSource("No (?<value>\\d+)", "units")).isNull();
  }
}

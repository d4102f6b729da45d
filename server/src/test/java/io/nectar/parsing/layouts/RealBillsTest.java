package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.score.BillScore;
import io.nectar.parsing.score.FieldScore;
import io.nectar.parsing.score.Scorer;
import io.nectar.parsing.score.Truth;
import io.nectar.parsing.text.PdfTextReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each real bill, read with its template, gives every field of its hand-checked truth. */
class RealBillsTest {
  private static final Path BILLS = Path.of("..", "..", "shared", "data", "bills");
  private static final LayoutLibrary LIBRARY = new LayoutLibrary((Path) null);

  @ParameterizedTest
  @CsvSource({"keller-water-2019-06,keller-water", "keller-water-2019-09,keller-water"})
  void readsEveryTruthField(String name, String layout) throws Exception {
    Path pdf = BILLS.resolve(name + ".pdf");
    Assumptions.assumeTrue(Files.isRegularFile(pdf), "real bills folder absent");
    BillText text = new PdfTextReader(ParseLimits.defaults()).read(Files.readAllBytes(pdf),
        Deadline.after(Duration.ofMinutes(1)));
    assertThat(LIBRARY.match(text)).contains(layout);
    ExtractedBill bill = LIBRARY.extract(layout, text);
    BillScore score = Scorer.score(name, Truth.beside(pdf).orElseThrow(), bill);
    assertThat(score.fields()).filteredOn(f -> f.outcome() != FieldScore.Outcome.EXACT).isEmpty();
    assertThat(score.total()).isGreaterThanOrEqualTo(8);
  }
}

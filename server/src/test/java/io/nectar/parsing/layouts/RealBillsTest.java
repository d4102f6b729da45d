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
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each real bill, read with its template, gives every field of its hand-checked truth. */
class RealBillsTest {
  private static final Path BILLS = bills();
  private static final LayoutLibrary LIBRARY = new LayoutLibrary((Path) null);

  @ParameterizedTest
  @CsvSource({"keller-water-2019-06,keller-water", "keller-water-2019-09,keller-water",
      "cemig-convencional-2023-10,cemig",
      "nationalgrid-gas-2024-04,nationalgrid-gas", "pacificpower-2019-03,pacificpower",
      "pacificpower-2019-07,pacificpower", "pacificpower-2017-08-multi,pacificpower",
      "pge-portland-2018-02,pge-portland", "pge-portland-2020-08,pge-portland"})
  void readsEveryTruthField(String name, String layout) throws Exception {
    Assumptions.assumeTrue(BILLS != null, "real bills folder absent");
    Path pdf = BILLS.resolve(name + ".pdf");
    BillText text = new PdfTextReader(ParseLimits.defaults()).read(Files.readAllBytes(pdf),
        Deadline.after(Duration.ofMinutes(1)));
    assertThat(LIBRARY.match(text)).contains(layout);
    // no other layout claims the bill at all, so the match does not hang on a close score
    assertThat(LIBRARY.scores(text)).filteredOn(e -> e.getValue() > 0).extracting(Map.Entry::getKey)
        .containsExactly(layout);
    ExtractedBill bill = LIBRARY.extract(layout, text);
    BillScore score = Scorer.score(name, Truth.beside(pdf).orElseThrow(), bill);
    assertThat(score.fields()).filteredOn(f -> f.outcome() != FieldScore.Outcome.EXACT).isEmpty();
    assertThat(score.total()).isGreaterThanOrEqualTo(8);
  }

  /**
   * The shared real-bills folder: {@code ../../shared/data/bills} from the module in the main checkout, further up
   * from a worktree; null when there is none.
   */
  private static Path bills() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path bills = dir.resolve(Path.of("shared", "data", "bills"));
      if (Files.isDirectory(bills)) {
        return bills;
      }
    }
    return null;
  }
}

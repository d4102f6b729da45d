package io.nectar.parsing.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.corpus.CorpusGenerator;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.Detection;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generic extractor on the generated layouts, as if each were left out: no template is used, so every
 * bill is a layout the extractor has never been told about. The target for left-out layouts is 90 % of
 * the key fields (account, meter, period start and end, each usage with its units, total); the extractor
 * reads all of them on these layouts, and this test holds it there per layout. The bills are drawn with a
 * seed of their own (not the benchmark's), from the corpus generator, and scored by the benchmark's scorer.
 */
class GenericLeaveOneOutTest {
  private static final Set<String> KEY_FIELDS =
      Set.of("accountNumber", "meterNumber", "periodStart", "periodEnd", "usage", "totalCharges");
  private static final int BILLS_PER_LAYOUT = 4;
  private static final long SEED = 47;
  /** The share of key fields each left-out layout reaches now; a change that loses any fails here. */
  private static final double FLOOR = 1.0;

  @TempDir
  static Path corpus;

  @BeforeAll
  static void generate() throws Exception {
    CorpusGenerator.main(new String[] {corpus.toString(), String.valueOf(BILLS_PER_LAYOUT), "0",
        String.valueOf(SEED)});
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gen-commercial-electric", "gen-gas-ccf", "gen-water-sewer", "gen-fuel-delivery",
      "gen-eu-electric"})
  void theGenericExtractorReadsTheKeyFieldsOfALayoutItHasNotSeen(String layout) throws Exception {
    List<Path> pdfs;
    try (Stream<Path> files = Files.list(corpus.resolve("text").resolve(layout))) {
      pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
    assertThat(pdfs).hasSize(BILLS_PER_LAYOUT);
    int exact = 0;
    int total = 0;
    List<String> misses = new ArrayList<>();
    for (Path pdf : pdfs) {
      for (FieldScore f : score(pdf).fields()) {
        if (!KEY_FIELDS.contains(f.field())) {
          continue;
        }
        total++;
        if (f.outcome() == FieldScore.Outcome.EXACT) {
          exact++;
        } else {
          misses.add(pdf.getFileName() + " " + f.field() + " " + f.outcome());
        }
      }
    }
    double accuracy = (double) exact / total;
    System.out.printf("generic extractor, left-out layout %s: %d/%d key fields = %.1f%%%n", layout, exact, total,
        100 * accuracy);
    assertThat(total).isGreaterThanOrEqualTo(6 * BILLS_PER_LAYOUT);
    assertThat(accuracy).as("key-field accuracy on %s; missed %s", layout, misses).isGreaterThanOrEqualTo(FLOOR);
  }

  private static BillScore score(Path pdf) throws Exception {
    BillText text = new PdfTextReader(ParseLimits.defaults())
        .read(Files.readAllBytes(pdf), Deadline.after(Duration.ofSeconds(30)));
    Detection detection = new GenericDetector().detect(text);
    ExtractedBill bill = new GenericExtractor().extract(text, detection);
    Truth truth = Truth.beside(pdf).orElseThrow(() -> new AssertionError("no truth beside " + pdf));
    return Scorer.score(pdf.toString(), truth, bill);
  }
}

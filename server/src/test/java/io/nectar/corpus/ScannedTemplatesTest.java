package io.nectar.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nectar.parsing.BillFile;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.FileType;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.layouts.LayoutLibrary;
import io.nectar.parsing.score.BillScore;
import io.nectar.parsing.score.FieldScore;
import io.nectar.parsing.score.Scorer;
import io.nectar.parsing.score.Truth;
import io.nectar.parsing.text.StandardTextReader;
import io.nectar.parsing.text.TesseractOcr;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The templates read scans, not only text PDFs: two scans of each generated layout (150-300 dpi, turned,
 * grainy, JPEG-damaged, as {@link Scanner} makes them) go through the real OCR stage and the templates,
 * and the share of truth fields read exactly over all of them must hold the level reached (the benchmark's
 * target for scans is 97 %; a scan has figures Tesseract cannot read, so this is an aggregate, never a list
 * of per-value answers).
 */
class ScannedTemplatesTest {
  /**
   * Measured 94 of 100 fields on these ten scans (73 of 100 before the OCR stage stopped binarising and the
   * templates learnt to see past scanner dirt); losing three more fails.
   */
  private static final double FLOOR = 0.92;
  private static final int SCANS_PER_LAYOUT = 2;
  private static final long SEED = 11;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void templatesReadGeneratedScansAlmostAsWellAsTheirTextPdfs() throws Exception {
    TesseractOcr ocr = TesseractOcr.onPath(2);
    assumeTrue(ocr.version().isPresent(), "tesseract is not installed");
    LayoutLibrary library = new LayoutLibrary(null);
    List<BillScore> scores = new ArrayList<>();
    try (StandardTextReader reader = new StandardTextReader(ParseLimits.defaults(), ocr)) {
      for (Layout layout : CorpusGenerator.LAYOUTS) {
        for (int i = 1; i <= SCANS_PER_LAYOUT; i++) {
          SplittableRandom random = new SplittableRandom(SEED * 1_000_003L + layout.id().hashCode() * 7919L + i);
          GeneratedBill bill = layout.generate(random, i);
          Scanner.Scan scan = Scanner.scan(bill.pdf(), Scanner.Style.SCAN, random.split());
          BillText text = reader.read(new BillFile(bill.name(), scan.bytes(), type(scan.format())),
              Deadline.after(Duration.ofMinutes(2)));
          String layoutId = library.match(text).orElse(null);
          ExtractedBill read = layoutId == null ? null : library.extract(layoutId, text);
          Truth truth = new Truth(Path.of(bill.name() + ".json"), JSON.readTree(bill.truth().json()));
          scores.add(Scorer.score(bill.name(), truth, read));
        }
      }
    }
    long exact = scores.stream().mapToLong(BillScore::exact).sum();
    long total = scores.stream().mapToLong(BillScore::total).sum();

    List<String> misses = scores.stream().flatMap(score -> score.fields().stream()
        .filter(f -> f.outcome() != FieldScore.Outcome.EXACT)
        .map(f -> score.file() + " " + f.field() + " " + f.outcome() + " " + f.expected() + " / " + f.actual()))
        .toList();
    assertThat((double) exact / total).as("fields read exactly from the scans: %d of %d; misses %s", exact, total,
        misses).isGreaterThanOrEqualTo(FLOOR);
  }

  private static FileType type(Scanner.Format format) {
    return switch (format) {
      case JPEG -> FileType.JPEG;
      case PNG -> FileType.PNG;
      case PDF -> FileType.PDF;
    };
  }
}

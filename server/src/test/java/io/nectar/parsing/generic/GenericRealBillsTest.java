package io.nectar.parsing.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.Detection;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.text.PdfTextReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scores the generic extractor alone (no templates) on every real bill with a hand-checked truth file. The
 * assertion is on the aggregate, so the test says how good the extractor is on layouts it has no rules for.
 */
class GenericRealBillsTest {
  static final Path BILLS = bills();
  /** The share of truth fields the generic extractor reaches today; a regression fails the build. */
  static final double THRESHOLD = 0.98;

  /** From the module folder of the main checkout; a worktree one level deeper reaches it through /work. */
  private static Path bills() {
    Path p = Path.of("..", "..", "shared", "data", "bills");
    return Files.isDirectory(p) ? p : Path.of("/work/shared/data/bills");
  }

  @Test
  void theGenericExtractorReadsMostFieldsOfRealBills() throws Exception {
    assumeTrue(Files.isDirectory(BILLS), "the real bills are not here");
    List<Path> pdfs;
    try (Stream<Path> s = Files.list(BILLS)) {
      pdfs = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
    PdfTextReader reader = new PdfTextReader(ParseLimits.defaults());
    GenericDetector detector = new GenericDetector();
    GenericExtractor extractor = new GenericExtractor();
    ObjectMapper json = new ObjectMapper();
    int right = 0;
    int total = 0;
    int typeRight = 0;
    for (Path pdf : pdfs) {
      Path truthFile = Path.of(pdf.toString().replaceAll("\\.pdf$", ".json"));
      if (!Files.exists(truthFile)) {
        continue;
      }
      JsonNode truth = json.readTree(truthFile.toFile());
      BillText text = reader.read(Files.readAllBytes(pdf), Deadline.after(Duration.ofMinutes(1)));
      Detection detection = detector.detect(text);
      ExtractedBill bill = extractor.extract(text, detection);
      RealBillScore score = new RealBillScore(truth, bill);
      right += score.right();
      total += score.total();
      boolean typeOk = detection.isBill() && truth.get("datasourceType").asText().equals(detection.datasourceType());
      typeRight += typeOk ? 1 : 0;
      System.out.printf("%-32s %d/%d bill=%s type=%s %s%n", pdf.getFileName(), score.right(), score.total(),
          detection.isBill(), detection.datasourceType(), score.misses);
    }
    System.out.printf("generic extractor on real bills: %d/%d fields = %.1f%%, type right on %d/%d%n", right, total,
        100.0 * right / total, typeRight, pdfs.size());
    assertThat(typeRight).isEqualTo(pdfs.size());
    assertThat((double) right / total).isGreaterThanOrEqualTo(THRESHOLD);
  }
}

package io.nectar.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nectar.corpus.BillTruth.LineItem;
import io.nectar.corpus.BillTruth.Usage;
import io.nectar.meters.DatasourceType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator cannot silently write wrong truth: every truth value of every generated bill is
 * found in the PDF's own text (read back with PDFBox, in one of the forms bills print), and the
 * truth's line items sum to its total to the cent.
 */
class CorpusGeneratorTest {
  private static final int BILLS_PER_LAYOUT = 6;

  static Stream<GeneratedBill> bills() {
    List<GeneratedBill> bills = new ArrayList<>();
    for (Layout layout : CorpusGenerator.LAYOUTS) {
      for (int i = 1; i <= BILLS_PER_LAYOUT; i++) {
        bills.add(layout.generate(new SplittableRandom(1000L * i + layout.id().hashCode()), i));
      }
    }
    for (DatasourceType type : SandboxCorpus.TYPES) {
      for (int i = 1; i <= 2; i++) {
        bills.add(SandboxCorpus.generate(type, new SplittableRandom(77L * i + type.ordinal()), i));
      }
    }
    return bills.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bills")
  void lineItemsSumToTheTotal(GeneratedBill bill) {
    BillTruth truth = bill.truth();
    assertThat(truth.lineItems()).isNotEmpty();
    assertThat(truth.lineItemSum()).isEqualByComparingTo(truth.totalCharges());
    assertThat(truth.totalCharges().scale()).isEqualTo(2);
    assertThat(truth.periodStart()).isBeforeOrEqualTo(truth.periodEnd());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bills")
  void everyTruthValueIsPrintedOnTheBill(GeneratedBill bill) throws IOException {
    String text = text(bill.pdf());
    BillTruth truth = bill.truth();
    assertThat(text).contains(truth.accountNumber());
    assertThat(truth.meterNumbers()).isNotEmpty().allSatisfy(meter -> assertThat(text).contains(meter));
    assertPrintedDate(text, truth.periodStart());
    assertPrintedDate(text, truth.periodEnd());
    assertPrintedDate(text, truth.billDate());
    assertPrintedDate(text, truth.dueDate());
    assertPrintedNumber(text, truth.totalCharges());
    for (Usage usage : truth.usage()) {
      assertPrintedNumber(text, usage.value());
      if (usage.meterNumber() != null) {
        assertThat(text).contains(usage.meterNumber());
      }
    }
    for (Usage usage : truth.alternateUsage()) {
      assertPrintedNumber(text, usage.value());
    }
    if (truth.demand() != null) {
      assertPrintedNumber(text, truth.demand());
    }
    for (LineItem line : truth.lineItems()) {
      assertThat(text).contains(line.description());
      assertPrintedNumber(text, line.totalCharge().abs());
    }
  }

  @Test
  void theSameSeedGivesTheSameTruth() {
    for (Layout layout : CorpusGenerator.LAYOUTS) {
      String first = layout.generate(new SplittableRandom(5), 1).truth().json();
      String second = layout.generate(new SplittableRandom(5), 1).truth().json();
      assertThat(first).isEqualTo(second);
      assertThat(layout.generate(new SplittableRandom(6), 1).truth().json()).isNotEqualTo(first);
    }
  }

  @Test
  void truthFilesUseOnlyTheKeysOfTheRealBillsTruthFiles() throws IOException {
    // From the module folder of a checkout beside shared/ (../../shared), or of a worktree one level deeper.
    Path real = Stream.of(Path.of("..", "..", "shared", "data", "bills"), Path.of("..", "..", "..", "shared", "data",
        "bills")).filter(Files::isDirectory).findFirst().orElse(null);
    assumeTrue(real != null, "the real bills are not here");
    ObjectMapper json = new ObjectMapper();
    Set<String> known = new HashSet<>();
    try (Stream<Path> files = Files.list(real)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        json.readTree(file.toFile()).fieldNames().forEachRemaining(known::add);
      }
    }
    assertThat(known).contains("meterNumber", "usage", "lineItems");
    for (GeneratedBill bill : bills().toList()) {
      JsonNode truth = json.readTree(bill.truth().json());
      assertThat(fieldNames(truth.fieldNames())).isSubsetOf(known);
      JsonNode meter = truth.get("meterNumber");
      assertThat(meter.isArray()).isEqualTo(bill.truth().meterNumbers().size() > 1);
      assertThat(truth.get("totalCharges").isTextual()).isTrue();
    }
  }

  private static List<String> fieldNames(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  @Test
  void aOnePageBillScansToAnImageAtScannerResolution() throws IOException {
    GeneratedBill bill = new GasCcfBill().generate(new SplittableRandom(3), 1);
    Scanner.Scan scan = Scanner.scan(bill.pdf(), Scanner.Style.SCAN, new SplittableRandom(3));
    assertThat(scan.format()).isIn(Scanner.Format.JPEG, Scanner.Format.PNG);
    assertThat(scan.dpi()).isIn(150, 200, 300);
    assertThat(Math.abs(scan.degrees())).isLessThanOrEqualTo(3);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(scan.bytes()));
    // A letter page is 8.5 inches wide.
    assertThat(image.getWidth()).isEqualTo(Math.round(8.5f * scan.dpi()));
  }

  @Test
  void aTwoPageBillScansToAPdfOfPageImagesWithoutText() throws IOException {
    GeneratedBill bill = new CommercialElectricBill().generate(new SplittableRandom(3), 1);
    Scanner.Scan scan = Scanner.scan(bill.pdf(), Scanner.Style.PHOTO, new SplittableRandom(3));
    assertThat(scan.format()).isEqualTo(Scanner.Format.PDF);
    try (PDDocument document = Loader.loadPDF(scan.bytes())) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      assertThat(new PDFTextStripper().getText(document)).isBlank();
    }
  }

  @Test
  void thePhotoWarpMapsCornersToCorners() {
    double[][] from = {{10, 20}, {300, 5}, {320, 410}, {0, 400}};
    double[][] to = {{0, 0}, {99, 0}, {99, 199}, {0, 199}};
    double[] h = Scanner.homography(from, to);
    for (int i = 0; i < 4; i++) {
      double w = h[6] * from[i][0] + h[7] * from[i][1] + 1;
      assertThat((h[0] * from[i][0] + h[1] * from[i][1] + h[2]) / w).isCloseTo(to[i][0], within(1e-6));
      assertThat((h[3] * from[i][0] + h[4] * from[i][1] + h[5]) / w).isCloseTo(to[i][1], within(1e-6));
    }
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static void assertPrintedDate(String text, LocalDate date) {
    if (date == null) {
      return;
    }
    List<String> forms = new ArrayList<>(List.of(date.toString()));
    for (Printed.DateForm form : Printed.DateForm.values()) {
      forms.add(Printed.date(date, form));
    }
    assertThat(forms).as("%s printed in some form", date).anyMatch(text::contains);
  }

  /** The value as plain, US or European digits. */
  private static void assertPrintedNumber(String text, BigDecimal value) {
    List<String> forms = List.of(value.toPlainString(), Printed.us(value), Printed.european(value));
    assertThat(forms).as("%s printed in some form", value).anyMatch(form -> contains(text, form));
  }

  /** Whole numbers only: 12.5 must not be found inside 112.50. */
  private static boolean contains(String text, String number) {
    return Pattern.compile("(?<![0-9.,])" + Pattern.quote(number) + "(?![0-9])")
        .matcher(text).find();
  }
}

package io.nectar.parsing.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.nectar.parsing.Deadline;
import io.nectar.parsing.Line;
import io.nectar.parsing.Page;
import io.nectar.parsing.Word;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TesseractOcrTest {
  private static final long MAX_PIXELS = 50_000_000L;
  private final TesseractOcr tesseract = TesseractOcr.onPath(2);

  @BeforeEach
  void needsTesseract() {
    assumeThat(tesseract.version()).as("tesseract on the PATH").isPresent();
  }

  @Test
  void aRenderedBillLineIsReadWordForWordWithPositionsInPoints() throws Exception {
    BufferedImage picture = Fixtures.billPicture(Fixtures.BILL_LINES, 300, 0);

    Page page = tesseract.recognise(ImagePreparation.prepare(picture, MAX_PIXELS), 1, 612, 216, deadline());

    assertThat(page.origin()).isEqualTo(Page.Origin.OCR);
    assertThat(page.lines()).extracting(Line::text).containsSubsequence(Fixtures.BILL_LINES);
    Word account = page.lines().get(0).words().get(2);
    assertThat(account.text()).isEqualTo("28706321-003");
    // The line starts 0.8 inch from the left and its baseline is 0.6 inch down: 57.6 and 43.2 points.
    assertThat(page.lines().get(0).x()).isBetween(55f, 60f);
    assertThat(account.y() + account.height()).isBetween(40f, 46f);
    assertThat(account.confidence()).isBetween(0.5f, 1f);
  }

  @Test
  void aLowResolutionScanIsScaledUpBeforeReading() throws Exception {
    BufferedImage picture = Fixtures.billPicture(Fixtures.BILL_LINES, 100, 0);
    BufferedImage prepared = ImagePreparation.prepare(picture, MAX_PIXELS);

    assertThat(prepared.getWidth()).isGreaterThanOrEqualTo(picture.getWidth() * 3);
    Page page = tesseract.recognise(prepared, 1, 612, 216, deadline());
    assertThat(matched(page)).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void theSkewOfATurnedPageIsFoundAndTakenOut() {
    BufferedImage turned = Fixtures.billPicture(Fixtures.BILL_LINES, 300, 3);

    assertThat(skew(turned)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.3));
    assertThat(skew(ImagePreparation.prepare(turned, MAX_PIXELS))).isCloseTo(0.0,
        org.assertj.core.data.Offset.offset(0.3));
  }

  @Test
  void deskewingATurnedPageKeepsEachChargeOnItsAmountsLine() throws Exception {
    // Across a page, 3 degrees drops the amount column by more than a row: read turned, labels pair
    // with the wrong amounts.
    BufferedImage turned = Fixtures.chargeTable(300, 3);

    Page straightened = tesseract.recognise(ImagePreparation.prepare(turned, MAX_PIXELS), 1, 612, 288, deadline());
    Page asItCame = tesseract.recognise(binarised(turned), 1, 612, 288, deadline());

    assertThat(rowsPaired(straightened)).isEqualTo(Fixtures.CHARGE_ROWS.size());
    assertThat(rowsPaired(asItCame)).isLessThan(rowsPaired(straightened));
  }

  private static double skew(BufferedImage image) {
    BufferedImage grey = ImagePreparation.grey(image, 1);
    byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    return ImagePreparation.skewDegrees(pixels, grey.getWidth(), grey.getHeight());
  }

  private static BufferedImage binarised(BufferedImage image) {
    BufferedImage grey = ImagePreparation.grey(image, 1);
    byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    byte[] ink = ImagePreparation.binarise(pixels, grey.getWidth(), grey.getHeight());
    BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    System.arraycopy(ink, 0, ((DataBufferByte) out.getRaster().getDataBuffer()).getData(), 0, ink.length);
    return out;
  }

  /** The share of the expected words that came out exactly. */
  private static double matched(Page page) {
    Set<String> read = Arrays.stream(page.text().split("\\s+")).collect(Collectors.toSet());
    List<String> expected = Fixtures.BILL_LINES.stream().flatMap(l -> Arrays.stream(l.split(" "))).toList();
    return (double) expected.stream().filter(read::contains).count() / expected.size();
  }

  /** How many charge rows came out as one line: the label and its own amount. */
  private static long rowsPaired(Page page) {
    Set<String> lines = page.lines().stream().map(Line::text).collect(Collectors.toSet());
    return Fixtures.CHARGE_ROWS.stream().filter(row -> lines.contains(row.get(0) + " " + row.get(1))).count();
  }

  private static Deadline deadline() {
    return Deadline.after(Duration.ofMinutes(2));
  }
}

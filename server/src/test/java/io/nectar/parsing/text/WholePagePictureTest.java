package io.nectar.parsing.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.nectar.parsing.BillFile;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.FileSniffer;
import io.nectar.parsing.Line;
import io.nectar.parsing.Page;
import io.nectar.parsing.ParseLimits;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** A scanned page that is one picture is read from that picture as scanned, anything else as drawn. */
class WholePagePictureTest {
  /** The fixture page: 8.5 x 3 inches. */
  private static final float WIDTH = 612;
  private static final float HEIGHT = 216;
  private static final int SCAN_DPI = 270;

  /** What the page looks like besides its picture. */
  private enum Extra {
    NOTHING,
    /** A short visible rule in a corner: a viewer shows it, so the page must be drawn. */
    RULE,
    /** The picture drawn over the left half only. */
    HALF_WIDTH
  }

  @Test
  void aPageThatIsOnePictureIsReadAtThePicturesOwnResolution() throws Exception {
    BufferedImage scan = Fixtures.billPicture(Fixtures.BILL_LINES, SCAN_DPI, 0);
    List<BufferedImage> handed = imagesHandedToOcr(scannedPdf(scan, Extra.NOTHING));

    assertThat(handed).singleElement().satisfies(image -> {
      assertThat(image.getWidth()).isEqualTo(scan.getWidth());
      assertThat(image.getHeight()).isEqualTo(scan.getHeight());
      assertThat(differentPixels(image, scan)).as("pixels unlike the embedded picture's").isZero();
    });
  }

  @Test
  void aGreyJpegPictureIsDecodedStraightFromItsBytesToTheGreysPdfboxDecodes() throws Exception {
    BufferedImage scan = ImagePreparation.grey(Fixtures.billPicture(Fixtures.BILL_LINES, SCAN_DPI, 0), 1);
    try (PDDocument document = new PDDocument()) {
      PDImageXObject jpeg = JPEGFactory.createFromImage(document, scan, 0.6f);
      PDImageXObject lossless = LosslessFactory.createFromImage(document, scan);
      assertThat(jpeg.getColorSpace().getName()).isEqualTo("DeviceGray");

      Optional<BufferedImage> decoded = WholePagePicture.greyJpeg(jpeg);

      assertThat(decoded).get().satisfies(image -> {
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(image.getWidth()).isEqualTo(scan.getWidth());
        assertThat(samples(image)).isEqualTo(samples(ImagePreparation.grey(jpeg.getOpaqueImage(), 1)));
      });
      assertThat(WholePagePicture.greyJpeg(lossless)).as("not a JPEG: PDFBox decodes it").isEmpty();
    }
  }

  private static int[] samples(BufferedImage image) {
    return image.getRaster().getSamples(0, 0, image.getWidth(), image.getHeight(), 0, (int[]) null);
  }

  @Test
  void aPageWithAnythingBesidesItsPictureIsDrawnAt300Dpi() throws Exception {
    BufferedImage scan = Fixtures.billPicture(Fixtures.BILL_LINES, SCAN_DPI, 0);
    int drawnWidth = Math.round(WIDTH * PdfPageOcr.OCR_DPI / 72);

    assertThat(imagesHandedToOcr(scannedPdf(scan, Extra.RULE))).singleElement()
        .extracting(BufferedImage::getWidth).isEqualTo(drawnWidth);
    assertThat(imagesHandedToOcr(scannedPdf(scan, Extra.HALF_WIDTH))).singleElement()
        .extracting(BufferedImage::getWidth).isEqualTo(drawnWidth);
  }

  @Test
  void a180DpiPictureIsReadAtItsOwnResolutionAVeryCoarseOneDrawnAt300Dpi() throws Exception {
    // 180 dpi: this 8.5-inch strip is then wide enough for ImagePreparation to leave it at its size.
    BufferedImage ordinary = Fixtures.billPicture(Fixtures.BILL_LINES, 180, 0);
    BufferedImage coarse = Fixtures.billPicture(Fixtures.BILL_LINES, 100, 0);

    assertThat(imagesHandedToOcr(scannedPdf(ordinary, Extra.NOTHING))).singleElement()
        .extracting(BufferedImage::getWidth).isEqualTo(ordinary.getWidth());
    assertThat(imagesHandedToOcr(scannedPdf(coarse, Extra.NOTHING))).singleElement()
        .extracting(BufferedImage::getWidth).isEqualTo(Math.round(WIDTH * PdfPageOcr.OCR_DPI / 72));
  }

  @Test
  void thePictureGivesTheSameWordsAsTheDrawnPage() throws Exception {
    TesseractOcr tesseract = TesseractOcr.onPath(1);
    assumeThat(tesseract.version()).as("tesseract on the PATH").isPresent();
    BufferedImage scan = Fixtures.billPicture(Fixtures.BILL_LINES, SCAN_DPI, 0);

    List<String> fromPicture = lines(read(scannedPdf(scan, Extra.NOTHING), tesseract));
    List<String> fromDrawing = lines(read(scannedPdf(scan, Extra.RULE), tesseract));

    assertThat(fromPicture).containsSubsequence(Fixtures.BILL_LINES);
    assertThat(fromPicture).isEqualTo(fromDrawing);
  }

  private static byte[] scannedPdf(BufferedImage scan, Extra extra) throws Exception {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
      document.addPage(page);
      var image = LosslessFactory.createFromImage(document, scan);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(image, 0, 0, extra == Extra.HALF_WIDTH ? WIDTH / 2 : WIDTH, HEIGHT);
        if (extra == Extra.RULE) {
          content.moveTo(4, 4);
          content.lineTo(20, 4);
          content.stroke();
        }
      }
      return Fixtures.save(document);
    }
  }

  private static List<BufferedImage> imagesHandedToOcr(byte[] pdf) throws Exception {
    List<BufferedImage> handed = new ArrayList<>();
    OcrEngine recording = new OcrEngine() {
      @Override
      public Page recognise(BufferedImage image, int pageNumber, float widthPoints, float heightPoints,
          Deadline deadline) {
        synchronized (handed) {
          handed.add(image);
        }
        return new Page(pageNumber, List.of(), Page.Origin.OCR, widthPoints, heightPoints);
      }

      @Override
      public Optional<String> version() {
        return Optional.of("recording");
      }
    };
    read(pdf, recording);
    return handed;
  }

  private static BillText read(byte[] pdf, OcrEngine ocr) throws Exception {
    try (StandardTextReader reader = new StandardTextReader(ParseLimits.defaults(), ocr)) {
      return reader.read(new BillFile("scan.pdf", pdf, FileSniffer.sniff(pdf)), Deadline.after(Duration.ofMinutes(2)));
    }
  }

  private static List<String> lines(BillText text) {
    return text.pages().stream().flatMap(p -> p.lines().stream()).map(Line::text).toList();
  }

  /**
   * How many of the handed (greyscale) image's samples differ from the picture embedded in the PDF. The PDF
   * holds the fixture's greys as sRGB values, which is what {@code getRGB} gives of it.
   */
  private static long differentPixels(BufferedImage handed, BufferedImage scan) {
    int[] samples = handed.getRaster().getSamples(0, 0, handed.getWidth(), handed.getHeight(), 0, (int[]) null);
    int[] rgb = scan.getRGB(0, 0, scan.getWidth(), scan.getHeight(), null, 0, scan.getWidth());
    long different = 0;
    for (int i = 0; i < rgb.length; i++) {
      if (samples[i] != (rgb[i] & 0xFF)) {
        different++;
      }
    }
    return different;
  }
}

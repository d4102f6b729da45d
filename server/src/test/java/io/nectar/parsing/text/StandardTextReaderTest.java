package io.nectar.parsing.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.nectar.parsing.BillFile;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.FileSniffer;
import io.nectar.parsing.FileType;
import io.nectar.parsing.Page;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.UnreadableFile.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardTextReaderTest {
  private static final ParseLimits LIMITS = new ParseLimits(25L << 20, 150, 50_000_000L, Duration.ofMinutes(5), 2);

  @TempDir
  Path temp;

  @Test
  void aScannedPdfIsReadByOcrPageByPageInOrder() throws Exception {
    TesseractOcr tesseract = TesseractOcr.onPath(2);
    assumeThat(tesseract.version()).as("tesseract on the PATH").isPresent();
    byte[] scanned = scannedPdf(List.of(List.of("Account Number 28706321-003 6"), List.of("Page two Total Due 887.07"),
        List.of("Page three Meter 13714552")));

    try (StandardTextReader reader = new StandardTextReader(LIMITS, tesseract)) {
      BillText text = read(reader, scanned);

      assertThat(text.type()).isEqualTo(FileType.PDF);
      assertThat(text.usedOcr()).isTrue();
      assertThat(text.pages()).extracting(Page::number).containsExactly(1, 2, 3);
      assertThat(text.pages().get(0).text()).contains("28706321-003 6");
      assertThat(text.pages().get(1).text()).contains("887.07");
      assertThat(text.pages().get(2).text()).contains("13714552");
      assertThat(text.pages().get(0).width()).isEqualTo(612f);
    }
  }

  @Test
  void aPngBillIsReadByOcr() throws Exception {
    TesseractOcr tesseract = TesseractOcr.onPath(2);
    assumeThat(tesseract.version()).as("tesseract on the PATH").isPresent();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(Fixtures.billPicture(Fixtures.BILL_LINES, 200, 0), "png", png);

    try (StandardTextReader reader = new StandardTextReader(LIMITS, tesseract)) {
      BillText text = read(reader, png.toByteArray());

      assertThat(text.type()).isEqualTo(FileType.PNG);
      assertThat(text.pages()).singleElement().extracting(Page::origin).isEqualTo(Page.Origin.OCR);
      assertThat(text.text()).contains("28706321-003 6", "$10,033.71");
      // No resolution stated: the picture is taken to be a letter-wide page.
      assertThat(text.pages().get(0).width()).isCloseTo(612f, org.assertj.core.data.Offset.offset(1f));
    }
  }

  @Test
  void anOcrProgramThatOutrunsTheDeadlineIsStoppedAndTheFileTimesOut() throws Exception {
    Path slow = script("slow-tesseract", "#!/bin/sh\nexec sleep 600\n");
    TesseractOcr ocr = new TesseractOcr(slow, "eng", 1);

    UnreadableFile failure = catchThrowableOfType(() -> ocr.recognise(Fixtures.billPicture(Fixtures.BILL_LINES, 100,
        0), 1, 612, 216, Deadline.after(Duration.ofMillis(300))), UnreadableFile.class);

    assertThat(failure.reason()).isEqualTo(Reason.TIMED_OUT);
  }

  @Test
  void anOcrProgramThatCrashesIsReportedAsOcrUnavailableWithItsMessage() throws Exception {
    Path broken = script("broken-tesseract", "#!/bin/sh\necho 'Error opening data file eng.traineddata' >&2\nexit 1\n");
    TesseractOcr ocr = new TesseractOcr(broken, "eng", 1);

    UnreadableFile failure = catchThrowableOfType(() -> ocr.recognise(Fixtures.billPicture(Fixtures.BILL_LINES, 100,
        0), 1, 612, 216, Deadline.after(Duration.ofMinutes(1))), UnreadableFile.class);

    assertThat(failure.reason()).isEqualTo(Reason.OCR_UNAVAILABLE);
    assertThat(failure.getMessage()).contains("eng.traineddata");
  }

  @Test
  void aScannedPdfWithAMissingOcrProgramFailsAsTheServersFault() throws Exception {
    byte[] scanned = scannedPdf(List.of(Fixtures.BILL_LINES));
    try (StandardTextReader reader = new StandardTextReader(LIMITS,
        new TesseractOcr(temp.resolve("no-such-tesseract"), "eng", 1))) {
      UnreadableFile failure = catchThrowableOfType(() -> read(reader, scanned), UnreadableFile.class);

      assertThat(failure.reason()).isEqualTo(Reason.OCR_UNAVAILABLE);
      assertThat(failure.isServerFault()).isTrue();
    }
  }

  private Path script(String name, String body) throws Exception {
    Path file = temp.resolve(name);
    Files.writeString(file, body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private static BillText read(StandardTextReader reader, byte[] content) throws UnreadableFile {
    return reader.read(new BillFile("bill", content, FileSniffer.sniff(content)),
        Deadline.after(Duration.ofMinutes(3)));
  }

  /** A PDF of pictures only, one page each, at 200 dpi. */
  private static byte[] scannedPdf(List<List<String>> pages) throws Exception {
    try (PDDocument document = new PDDocument()) {
      for (List<String> lines : pages) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        var image = LosslessFactory.createFromImage(document, Fixtures.billPicture(lines, 200, 0));
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(image, 0, 792 - 216, 612, 216);
        }
      }
      return Fixtures.save(document);
    }
  }
}

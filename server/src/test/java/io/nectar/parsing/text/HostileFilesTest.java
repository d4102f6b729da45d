package io.nectar.parsing.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nectar.parsing.BillFile;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.FileSniffer;
import io.nectar.parsing.Page;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.UnreadableFile.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostileFilesTest {
  private final RecordingOcr ocr = new RecordingOcr();
  private final StandardTextReader reader = new StandardTextReader(ParseLimits.defaults(), ocr);

  @AfterEach
  void close() {
    reader.close();
  }

  @Test
  void anEmptyFileIsRefusedAsEmpty() {
    assertThat(reasonFor(new byte[0])).isEqualTo(Reason.EMPTY);
  }

  @Test
  void aPdfHeaderOverGarbageIsCorrupt() {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    byte[] content = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), garbage);
    assertThat(reasonFor(content)).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void aPdfThatNeedsAPasswordIsRefusedAsEncrypted() throws Exception {
    byte[] content = encrypted("user-secret");
    assertThat(reasonFor(content)).isEqualTo(Reason.ENCRYPTED);
  }

  @Test
  void aPdfWithOnlyAnOwnerPasswordIsReadLikeAnyViewerWould() throws Exception {
    BillText text = read(encrypted(""));
    assertThat(text.text()).contains("28706321-003 6");
  }

  @Test
  void aPdfOfMoreThanTheMaximumPagesIsRefusedBeforeItsTextIsRead() throws Exception {
    byte[] content = Fixtures.textPdf(151, Fixtures.Ink.BLACK, List.of("Page of a very long file"));
    assertThat(reasonFor(content)).isEqualTo(Reason.TOO_MANY_PAGES);
  }

  @Test
  void aPdfOfExactlyTheMaximumPagesIsRead() throws Exception {
    byte[] content = Fixtures.textPdf(150, Fixtures.Ink.BLACK, Fixtures.BILL_LINES);
    assertThat(read(content).pages()).hasSize(150);
  }

  @Test
  void aDecompressionBombIsRefusedAsTooLarge() throws Exception {
    byte[] content = Fixtures.bombPdf(1100L * 1024 * 1024);
    assertThat(content.length).isLessThan(5 * 1024 * 1024);
    assertThat(reasonFor(content)).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void aPngDeclaring20000By20000PixelsIsRefusedBeforeDecoding() throws Exception {
    assertThat(reasonFor(Fixtures.pngHeader(20_000, 20_000))).isEqualTo(Reason.TOO_MANY_PIXELS);
  }

  @Test
  void aBrokenJpegIsCorrupt() {
    byte[] content = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, new byte[300]);
    assertThat(reasonFor(content)).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void aPdfThatRunsJavaScriptOnOpeningIsRefused() throws Exception {
    byte[] content = withDocument(document ->
        document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');")));
    assertThat(reasonFor(content)).isEqualTo(Reason.ACTIVE_CONTENT);
  }

  @Test
  void aPdfWithDocumentLevelJavaScriptIsRefused() throws Exception {
    byte[] content = withDocument(document -> {
      PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
      scripts.setNames(java.util.Map.of("init", new PDActionJavaScript("this.print();")));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setJavascript(scripts);
      document.getDocumentCatalog().setNames(names);
    });
    assertThat(reasonFor(content)).isEqualTo(Reason.ACTIVE_CONTENT);
  }

  @Test
  void aPdfWhoseTextIsAllWhiteIsRefusedAsHiddenText() throws Exception {
    byte[] content = Fixtures.textPdf(1, Fixtures.Ink.WHITE, Fixtures.BILL_LINES);
    assertThat(reasonFor(content)).isEqualTo(Reason.HIDDEN_TEXT);
  }

  @Test
  void aPdfWhoseTextIsAllInvisibleIsRefusedAsHiddenText() throws Exception {
    byte[] content = Fixtures.textPdf(1, Fixtures.Ink.INVISIBLE, Fixtures.BILL_LINES);
    assertThat(reasonFor(content)).isEqualTo(Reason.HIDDEN_TEXT);
  }

  @Test
  void aPdfWhoseTextIsClippedAwayIsRefusedAsHiddenText() throws Exception {
    byte[] content = Fixtures.textPdf(1, Fixtures.Ink.CLIPPED, Fixtures.BILL_LINES);
    assertThat(reasonFor(content)).isEqualTo(Reason.HIDDEN_TEXT);
  }

  @Test
  void aPdfWhoseTextIsOffThePageIsRefusedAsHiddenText() throws Exception {
    byte[] content = Fixtures.textPdf(1, Fixtures.Ink.OFF_PAGE, Fixtures.BILL_LINES);
    assertThat(reasonFor(content)).isEqualTo(Reason.HIDDEN_TEXT);
  }

  @Test
  void aSearchableScanIsReadFromItsPictureNotItsInvisibleText() throws Exception {
    byte[] invisible = Fixtures.textPdf(1, Fixtures.Ink.INVISIBLE, Fixtures.BILL_LINES);
    byte[] content;
    try (PDDocument document = Loader.loadPDF(invisible)) {
      var image = LosslessFactory.createFromImage(document,
          Fixtures.billPicture(Fixtures.BILL_LINES, 100, 0));
      var page = document.getPage(0);
      try (PDPageContentStream stream = new PDPageContentStream(document, page,
          PDPageContentStream.AppendMode.PREPEND, false)) {
        stream.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
      }
      content = Fixtures.save(document);
    }
    BillText text = read(content);
    assertThat(ocr.calls.get()).isEqualTo(1);
    assertThat(text.pages()).singleElement().extracting(Page::origin).isEqualTo(Page.Origin.OCR);
  }

  @Test
  void aZipNamedBillPdfIsNotTakenForAPdf() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      ZipEntry entry = new ZipEntry("bill.pdf");
      byte[] pdf = Fixtures.textPdf(1, Fixtures.Ink.BLACK, Fixtures.BILL_LINES);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(pdf.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(pdf);
      entry.setCrc(crc.getValue());
      out.putNextEntry(entry);
      out.write(pdf);
      out.closeEntry();
    }
    assertThat(reasonFor(zip.toByteArray())).isEqualTo(Reason.UNSUPPORTED_TYPE);
  }

  @Test
  void aPdfHeaderAfterAShortPreambleIsStillAPdf() throws Exception {
    byte[] pdf = Fixtures.textPdf(1, Fixtures.Ink.BLACK, Fixtures.BILL_LINES);
    byte[] content = concat(new byte[200], pdf);
    assertThat(read(content).text()).contains("Total Current Charges $10,033.71");
  }

  @Test
  void aBlankPageKeepsItsPlaceWithoutBeingSentToOcr() throws Exception {
    byte[] content;
    try (PDDocument document = Loader.loadPDF(Fixtures.textPdf(1, Fixtures.Ink.BLACK, Fixtures.BILL_LINES))) {
      document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      content = Fixtures.save(document);
    }
    BillText text = read(content);
    assertThat(text.pages()).extracting(Page::number).containsExactly(1, 2);
    assertThat(text.pages().get(1).lines()).isEmpty();
    assertThat(ocr.calls.get()).isZero();
  }

  @Test
  void aPdfWhoseTimeIsUpIsNotRead() throws Exception {
    byte[] content = Fixtures.textPdf(3, Fixtures.Ink.BLACK, Fixtures.BILL_LINES);
    UnreadableFile failure = catchThrowableOfType(() -> new PdfTextReader(ParseLimits.defaults()).read(content,
        Deadline.after(Duration.ZERO)), UnreadableFile.class);
    assertThat(failure.reason()).isEqualTo(Reason.TIMED_OUT);
  }

  @Test
  void filesAreToldApartByTheirFirstBytesNotTheirNames() throws Exception {
    assertThat(FileSniffer.sniff(Fixtures.pngHeader(10, 10))).isEqualTo(io.nectar.parsing.FileType.PNG);
    assertThat(FileSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB}))
        .isEqualTo(io.nectar.parsing.FileType.JPEG);
    assertThat(reasonFor("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Reason.UNSUPPORTED_TYPE);
    byte[] lateHeader = concat(new byte[1100], "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
    assertThat(reasonFor(lateHeader)).isEqualTo(Reason.UNSUPPORTED_TYPE);
  }

  @Test
  void aMissingTesseractIsReportedAsOcrUnavailable() {
    TesseractOcr missing = new TesseractOcr(Path.of("/nonexistent/bin/tesseract"), "eng", 1);
    BufferedImage picture = Fixtures.billPicture(Fixtures.BILL_LINES, 100, 0);

    UnreadableFile failure = catchThrowableOfType(() -> missing.recognise(picture, 1, 612, 216,
        Deadline.after(Duration.ofMinutes(1))), UnreadableFile.class);

    assertThat(failure.reason()).isEqualTo(Reason.OCR_UNAVAILABLE);
    assertThat(failure.isServerFault()).isTrue();
    assertThat(failure.getMessage()).contains("/nonexistent/bin/tesseract");
    assertThat(missing.version()).isEmpty();
  }

  private interface DocumentChange {
    void apply(PDDocument document) throws Exception;
  }

  private static byte[] withDocument(DocumentChange change) throws Exception {
    try (PDDocument document = Loader.loadPDF(Fixtures.textPdf(1, Fixtures.Ink.BLACK, Fixtures.BILL_LINES))) {
      change.apply(document);
      return Fixtures.save(document);
    }
  }

  private static byte[] encrypted(String userPassword) throws Exception {
    return withDocument(document -> {
      AccessPermission permissions = new AccessPermission();
      permissions.setCanPrint(false);
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
    });
  }

  private BillText read(byte[] content) throws UnreadableFile {
    return reader.read(new BillFile("bill.pdf", content, FileSniffer.sniff(content)),
        Deadline.after(Duration.ofMinutes(2)));
  }

  private Reason reasonFor(byte[] content) {
    UnreadableFile failure = catchThrowableOfType(() -> read(content), UnreadableFile.class);
    assertThat(failure).as("the file should be refused").isNotNull();
    assertThat(failure.getMessage()).isNotBlank();
    return failure.reason();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Stands in for Tesseract: counts the pages it is asked to read and gives each an empty page. */
  private static final class RecordingOcr implements OcrEngine {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Page recognise(BufferedImage image, int pageNumber, float widthPoints, float heightPoints,
        Deadline deadline) {
      calls.incrementAndGet();
      return new Page(pageNumber, List.of(), Page.Origin.OCR, widthPoints, heightPoints);
    }

    @Override
    public Optional<String> version() {
      return Optional.of("recording");
    }
  }
}

package io.nectar.parsing.text;

import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.FileType;
import io.nectar.parsing.Line;
import io.nectar.parsing.Page;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.UnreadableFile.Reason;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads a PDF's text layer with positions, page by page, after refusing what a bill never is:
 * password-protected, damaged, too long, carrying scripts, or hiding its text.
 *
 * <p>A PDF protected only by an owner password (no password to open, restrictions on printing or
 * copying) is read: any viewer shows it without asking, and utilities often publish bills so.
 *
 * <p>Pages whose text layer has no usable text but that hold pictures or outlined text (a scan, text
 * drawn as curves), and searchable scans
 * (an image under invisible OCR text, whose text we do not trust) are handed to a {@link PageOcr}
 * if there is one, else they come back with no lines.
 */
public final class PdfTextReader {
  /** Fewer letters and digits than this and a page is taken for a picture of text. */
  static final int USABLE_CHARACTERS = 16;
  /** Part of a page an image must cover for its invisible text to be a searchable scan's OCR. */
  static final float SCAN_COVERAGE = 0.5f;
  private static final long IN_MEMORY_CACHE = 8L * 1024 * 1024;
  /** A textless page with this much of it under images is a scan. */
  static final float PICTURE_COVERAGE = 0.05f;
  /** A textless page with this many path segments is text drawn as outlines (a glyph takes ten or more). */
  static final int OUTLINED_TEXT_SEGMENTS = 1000;
  private static final PositionedTextStripper.PageGlyphs NO_GLYPHS =
      new PositionedTextStripper.PageGlyphs(List.of(), 0, 0, 0);

  private final ParseLimits limits;

  public PdfTextReader(ParseLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads a one-page PDF made here, with a line of text in a standard font, and throws the result away.
   * PDFBox loads its logging, glyph-name list, font metrics, parser and text operators during the first
   * document it reads, about a tenth of a second: a short command calls this on a spare thread at start, so
   * that cost overlaps with its own start instead of delaying the first bill.
   */
  public static void prepare() {
    try {
      new PdfTextReader(ParseLimits.defaults()).read(SMALLEST_TEXT_PDF, Deadline.after(Duration.ofSeconds(10)));
    } catch (UnreadableFile e) {
      throw new IllegalStateException("PDFBox cannot read a minimal PDF", e);
    }
  }

  static final byte[] SMALLEST_TEXT_PDF = smallestTextPdf();

  private static byte[] smallestTextPdf() {
    String text = "BT /F1 10 Tf 72 720 Td (Account 1234567 Total due $10.00) Tj ET";
    String[] objects = {
        "<</Type/Catalog/Pages 2 0 R>>",
        "<</Type/Pages/Kids[3 0 R]/Count 1>>",
        "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
        "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>",
        "<</Length " + text.length() + ">>stream\n" + text + "\nendstream"};
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    StringBuilder xref = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
    for (int i = 0; i < objects.length; i++) {
      xref.append(String.format(Locale.ROOT, "%010d 00000 n \n", pdf.length()));
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int start = pdf.length();
    pdf.append(xref).append("trailer\n<</Size ").append(objects.length + 1).append("/Root 1 0 R>>\nstartxref\n")
        .append(start).append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The text layer only: pages that would need OCR have no lines. */
  public BillText read(byte[] pdf, Deadline deadline) throws UnreadableFile {
    return read(pdf, deadline, null);
  }

  /** The text layer, with OCR (when {@code ocr} is not null) for the pages that have none. */
  BillText read(byte[] pdf, Deadline deadline, PageOcr ocr) throws UnreadableFile {
    try (PDDocument document = open(pdf)) {
      int pageCount = document.getNumberOfPages();
      if (pageCount > limits.maxPages()) {
        throw new UnreadableFile(Reason.TOO_MANY_PAGES,
            "the PDF has " + pageCount + " pages; at most " + limits.maxPages() + " are read");
      }
      if (pageCount == 0) {
        throw new UnreadableFile(Reason.CORRUPT, "the PDF has no pages (it is damaged)");
      }
      new PdfSafety(limits.maxPixels()).check(document.getDocument(), deadline);
      deadline.check();
      List<PageText> pages = textLayer(document, deadline);
      return new BillText(FileType.PDF, withOcr(document, pages, deadline, ocr));
    } catch (IOException | RuntimeException e) {
      // A refusal from inside PDFBox's page loop arrives wrapped, perhaps more than once.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof UnreadableFile unreadable) {
          throw unreadable;
        }
      }
      throw new UnreadableFile(Reason.CORRUPT, "the PDF is damaged and cannot be read", e);
    }
  }

  private static PDDocument open(byte[] pdf) throws UnreadableFile {
    try {
      // Streams PDFBox must buffer go to a temporary file past a few MB, never all to the heap.
      return Loader.loadPDF(pdf, "", null, null, MemoryUsageSetting.setupMixed(IN_MEMORY_CACHE).streamCache);
    } catch (InvalidPasswordException e) {
      throw new UnreadableFile(Reason.ENCRYPTED, "the PDF is protected by a password", e);
    } catch (IOException | RuntimeException e) {
      String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (message.contains("decrypt") || message.contains("encrypt") || message.contains("password")) {
        throw new UnreadableFile(Reason.ENCRYPTED, "the PDF is encrypted and cannot be opened", e);
      }
      throw new UnreadableFile(Reason.CORRUPT, "the file is not a readable PDF (it is damaged)", e);
    }
  }

  /** What the text layer gave for one page, and whether the page must be read from its picture. */
  record PageText(int number, List<Line> lines, float width, float height, boolean needsOcr) {}

  private List<PageText> textLayer(PDDocument document, Deadline deadline) throws IOException, UnreadableFile {
    // PDFBox skips pages without a content stream (blank pages): collect what it reads by page, then
    // walk the page tree so every page has its place and number.
    Map<COSDictionary, PositionedTextStripper.PageGlyphs> read = new IdentityHashMap<>();
    PositionedTextStripper stripper = new PositionedTextStripper((page, glyphs) -> {
      try {
        deadline.check();
        if (read.size() >= limits.maxPages()) {
          throw new UnreadableFile(Reason.TOO_MANY_PAGES,
              "the PDF has more than " + limits.maxPages() + " pages");
        }
      } catch (UnreadableFile e) {
        throw new IOException(e.getMessage(), e);
      }
      read.put(page.getCOSObject(), glyphs);
    });
    stripper.writeText(document, Writer.nullWriter());
    List<PageText> pages = new ArrayList<>();
    for (PDPage page : document.getPages()) {
      if (pages.size() >= limits.maxPages()) {
        throw new UnreadableFile(Reason.TOO_MANY_PAGES, "the PDF has more than " + limits.maxPages() + " pages");
      }
      PositionedTextStripper.PageGlyphs glyphs = read.getOrDefault(page.getCOSObject(), NO_GLYPHS);
      pages.add(pageText(pages.size() + 1, page, glyphs));
    }
    return pages;
  }

  private static PageText pageText(int number, PDPage page, PositionedTextStripper.PageGlyphs glyphs)
      throws UnreadableFile {
    PDRectangle box = page.getCropBox();
    boolean turned = page.getRotation() % 180 != 0;
    float width = turned ? box.getHeight() : box.getWidth();
    float height = turned ? box.getWidth() : box.getHeight();
    int usable = 0;
    for (var glyph : glyphs.visible()) {
      if (Character.isLetterOrDigit(glyph.text().codePointAt(0))) {
        usable++;
      }
    }
    boolean mostlyHidden = glyphs.hiddenCount() >= USABLE_CHARACTERS && glyphs.hiddenCount() > usable;
    if (mostlyHidden) {
      if (glyphs.imageCoverage() >= SCAN_COVERAGE) {
        return new PageText(number, List.of(), width, height, true);
      }
      throw new UnreadableFile(Reason.HIDDEN_TEXT, "most of the text on page " + number
          + " is invisible (white, transparent or outside the page); such files are refused");
    }
    if (usable < USABLE_CHARACTERS) {
      // A blank page (the back of a statement) is not worth a second of OCR; pictures and outlined text are.
      boolean mayHoldText = glyphs.imageCoverage() >= PICTURE_COVERAGE
          || glyphs.pathSegments() >= OUTLINED_TEXT_SEGMENTS;
      return new PageText(number, mayHoldText ? List.of() : LineBuilder.lines(glyphs.visible()), width, height,
          mayHoldText);
    }
    return new PageText(number, LineBuilder.lines(glyphs.visible()), width, height, false);
  }

  private List<Page> withOcr(PDDocument document, List<PageText> pages, Deadline deadline, PageOcr ocr)
      throws UnreadableFile, IOException {
    if (ocr == null || pages.stream().noneMatch(PageText::needsOcr)) {
      return pages.stream().map(p -> new Page(p.number(), p.lines(), Page.Origin.TEXT_LAYER, p.width(),
          p.height())).toList();
    }
    return new PdfPageOcr(document, limits, ocr).read(pages, deadline);
  }
}

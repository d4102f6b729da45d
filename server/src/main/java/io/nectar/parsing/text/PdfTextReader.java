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
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
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
 * <p>Pages whose text layer has no usable text (a scan, text drawn as curves) and searchable scans
 * (an image under invisible OCR text, whose text we do not trust) are handed to a {@link PageOcr}
 * if there is one, else they come back with no lines.
 */
public final class PdfTextReader {
  /** Fewer letters and digits than this and a page is taken for a picture of text. */
  static final int USABLE_CHARACTERS = 16;
  /** Part of a page an image must cover for its invisible text to be a searchable scan's OCR. */
  static final float SCAN_COVERAGE = 0.5f;
  private static final long IN_MEMORY_CACHE = 8L * 1024 * 1024;

  private final ParseLimits limits;

  public PdfTextReader(ParseLimits limits) {
    this.limits = limits;
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
      new PdfSafety(limits.maxPixels()).check(document.getDocument());
      deadline.check();
      List<PageText> pages = textLayer(document, deadline);
      return new BillText(FileType.PDF, withOcr(document, pages, deadline, ocr));
    } catch (IOException | RuntimeException e) {
      if (e.getCause() instanceof UnreadableFile unreadable) {
        throw unreadable;
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
    List<PageText> pages = new ArrayList<>();
    PositionedTextStripper stripper = new PositionedTextStripper((page, glyphs) -> {
      try {
        deadline.check();
        if (pages.size() >= limits.maxPages()) {
          throw new UnreadableFile(Reason.TOO_MANY_PAGES,
              "the PDF has more than " + limits.maxPages() + " pages");
        }
        pages.add(pageText(pages.size() + 1, page, glyphs));
      } catch (UnreadableFile e) {
        throw new IOException(e.getMessage(), e);
      }
    });
    stripper.writeText(document, Writer.nullWriter());
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
      return new PageText(number, List.of(), width, height, true);
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

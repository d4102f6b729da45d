package io.nectar.parsing.text;

import io.nectar.parsing.Deadline;
import io.nectar.parsing.Page;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.UnreadableFile.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Renders the pages of a PDF that have no usable text layer and has them read by OCR. */
final class PdfPageOcr {
  /** Tesseract reads best at about 300 dpi. */
  static final float OCR_DPI = 300f;
  private static final int MAX_FORM_DEPTH = 8;

  private final PDDocument document;
  private final ParseLimits limits;
  private final PageOcr ocr;
  private final PdfSafety safety;

  PdfPageOcr(PDDocument document, ParseLimits limits, PageOcr ocr) {
    this.document = document;
    this.limits = limits;
    this.ocr = ocr;
    this.safety = new PdfSafety(limits.maxPixels());
  }

  List<Page> read(List<PdfTextReader.PageText> pages, Deadline deadline) throws UnreadableFile, IOException {
    PDFRenderer renderer = new PDFRenderer(document);
    List<Future<Page>> pending = new ArrayList<>(pages.size());
    try {
      for (PdfTextReader.PageText page : pages) {
        if (!page.needsOcr()) {
          pending.add(null);
          continue;
        }
        deadline.check();
        int index = page.number() - 1;
        checkImages(document.getPage(index).getResources() == null ? null
            : document.getPage(index).getResources().getCOSObject(), 0);
        // Decoding and rendering are not thread-safe within one document: pictures are made here, one by
        // one, and read in parallel.
        BufferedImage image = WholePagePicture.of(document.getPage(index)).orElse(null);
        if (image == null) {
          image = renderer.renderImage(index, scaleFor(page.width(), page.height()), ImageType.GRAY);
        }
        pending.add(ocr.submit(image, page.number(), page.width(), page.height(), deadline));
      }
      List<Page> result = new ArrayList<>(pages.size());
      for (int i = 0; i < pages.size(); i++) {
        PdfTextReader.PageText page = pages.get(i);
        Future<Page> future = pending.get(i);
        result.add(future == null
            ? new Page(page.number(), page.lines(), Page.Origin.TEXT_LAYER, page.width(), page.height())
            : await(future, deadline));
      }
      return result;
    } finally {
      for (Future<Page> future : pending) {
        if (future != null) {
          future.cancel(true);
        }
      }
    }
  }

  /** 300 dpi, or less when the page is so large that 300 dpi would pass the pixel limit. */
  private float scaleFor(float widthPoints, float heightPoints) {
    float scale = OCR_DPI / 72f;
    double pixels = (double) widthPoints * scale * heightPoints * scale;
    if (pixels > limits.maxPixels()) {
      scale *= (float) Math.sqrt(limits.maxPixels() / pixels);
    }
    return scale;
  }

  /** Rendering decodes every image whole: refuse one whose declared size passes the pixel limit. */
  private void checkImages(COSDictionary resources, int depth) throws UnreadableFile, IOException {
    if (resources == null || depth > MAX_FORM_DEPTH) {
      return;
    }
    COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
    if (xobjects == null) {
      return;
    }
    for (COSName name : xobjects.keySet()) {
      COSBase value = xobjects.getDictionaryObject(name);
      if (!(value instanceof COSStream stream)) {
        continue;
      }
      if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
        long pixels = (long) stream.getInt(COSName.WIDTH) * stream.getInt(COSName.HEIGHT);
        if (pixels > limits.maxPixels()) {
          throw new UnreadableFile(Reason.TOO_MANY_PIXELS, "an image in the PDF has " + pixels
              + " pixels; at most " + limits.maxPixels() + " are read");
        }
        safety.checkExpansion(stream);
      } else if (COSName.FORM.equals(stream.getCOSName(COSName.SUBTYPE))) {
        checkImages(stream.getCOSDictionary(COSName.RESOURCES), depth + 1);
      }
    }
  }

  private static Page await(Future<Page> future, Deadline deadline) throws UnreadableFile {
    try {
      return future.get(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new UnreadableFile(Reason.TIMED_OUT, "reading the file took longer than allowed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreadableFile(Reason.TIMED_OUT, "reading the file was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnreadableFile unreadable) {
        throw unreadable;
      }
      throw new UnreadableFile(Reason.CORRUPT, "a page could not be read: " + e.getCause().getMessage(),
          e.getCause());
    }
  }
}

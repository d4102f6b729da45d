package io.nectar.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.afm.FontMetrics;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * A generated bill's pages: text and ruled lines, with coordinates measured from the page's top-left
 * corner like a layout designer's, written straight into the content stream. (PDType1Font would ask
 * PDFBox's font mapper for an installed look-alike on every bill and log a warning each time; the AFM
 * metrics bundled with PDFBox are all a writer needs.)
 *
 * <p>Every layout sets Helvetica, one of the standard 14 fonts. Times and Courier were tried: a renderer
 * without them installed (PDFBox bundles only Liberation Sans, Helvetica's metric twin) draws their
 * advances with sans glyphs, and the scans then read "Char ges" and "CI TY" - an artefact of this machine,
 * not of scanning. Issuers differ by sizes, weights, columns and positions instead.
 */
final class Sheet {
  private static final Charset WIN_ANSI = Charset.forName("windows-1252");
  private static final float HEIGHT = PDRectangle.LETTER.getHeight();

  /** How heavy a run of text is. */
  enum Weight { REGULAR, BOLD }

  private static final FontMetrics REGULAR_METRICS = Standard14Fonts.getAFM(FontName.HELVETICA.getName());
  private static final FontMetrics BOLD_METRICS = Standard14Fonts.getAFM(FontName.HELVETICA_BOLD.getName());
  private final List<ByteArrayOutputStream> pages = new ArrayList<>();
  private ByteArrayOutputStream page;

  Sheet() {
    newPage();
  }

  void newPage() {
    page = new ByteArrayOutputStream(4096);
    pages.add(page);
  }

  /** Text whose baseline starts at {@code x}, {@code top} points below the page's top edge. */
  void text(float x, float top, Weight weight, float size, String text) {
    write("BT /" + (weight == Weight.BOLD ? "F2" : "F1") + " " + number(size) + " Tf " + number(x) + " "
        + number(HEIGHT - top) + " Td (");
    for (byte b : text.getBytes(WIN_ANSI)) {
      if (b == '(' || b == ')' || b == '\\') {
        page.write('\\');
      }
      page.write(b);
    }
    write(") Tj ET\n");
  }

  void right(float rightEdge, float top, Weight weight, float size, String text) {
    text(rightEdge - width(text, weight, size), top, weight, size, text);
  }

  float width(String text, Weight weight, float size) {
    FontMetrics metrics = weight == Weight.BOLD ? BOLD_METRICS : REGULAR_METRICS;
    float width = 0;
    for (byte b : text.getBytes(WIN_ANSI)) {
      width += metrics.getCharacterWidth(WinAnsiEncoding.INSTANCE.getName(b & 0xff));
    }
    return width * size / 1000;
  }

  void rule(float fromX, float toX, float top) {
    write("0.5 w " + number(fromX) + " " + number(HEIGHT - top) + " m " + number(toX) + " " + number(HEIGHT - top)
        + " l S\n");
  }

  /** A light grey band behind a heading, as many bills print one. */
  void band(float fromX, float toX, float top, float height) {
    write("q 0.88 g " + number(fromX) + " " + number(HEIGHT - top - height) + " " + number(toX - fromX) + " "
        + number(height) + " re f Q\n");
  }

  /** The finished PDF; no timestamps are written, so a seed always gives the same bytes. */
  byte[] pdf(String title) {
    try (PDDocument document = new PDDocument()) {
      for (ByteArrayOutputStream content : pages) {
        PDPage pdfPage = new PDPage(PDRectangle.LETTER);
        PDStream stream = new PDStream(document);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
          content.writeTo(out);
        }
        pdfPage.setContents(stream);
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), font(FontName.HELVETICA));
        fonts.setItem(COSName.getPDFName("F2"), font(FontName.HELVETICA_BOLD));
        COSDictionary resources = new COSDictionary();
        resources.setItem(COSName.FONT, fonts);
        pdfPage.setResources(new PDResources(resources));
        document.addPage(pdfPage);
      }
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(title);
      info.setCreator("Nectar corpus generator");
      document.setDocumentInformation(info);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(16384);
      document.save(bytes, CompressParameters.NO_COMPRESSION);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write bill " + title, e);
    }
  }

  private static COSDictionary font(FontName name) {
    COSDictionary font = new COSDictionary();
    font.setItem(COSName.TYPE, COSName.FONT);
    font.setItem(COSName.SUBTYPE, COSName.TYPE1);
    font.setName(COSName.BASE_FONT, name.getName());
    font.setItem(COSName.ENCODING, COSName.WIN_ANSI_ENCODING);
    return font;
  }

  private static String number(float value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private void write(String operators) {
    page.writeBytes(operators.getBytes(WIN_ANSI));
  }
}

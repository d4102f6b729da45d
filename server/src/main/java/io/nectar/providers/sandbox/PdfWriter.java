package io.nectar.providers.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Locale;
import org.apache.fontbox.afm.FontMetrics;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * Writes one page of text and rules in Helvetica and Helvetica-Bold, two of the standard 14 fonts
 * every PDF reader has.
 *
 * <p>It writes the content stream itself rather than through {@code PDType1Font}: that class asks
 * PDFBox's global font mapper for an installed look-alike on every construction (scanning the
 * system's fonts once and logging a fallback warning per bill), and one instance cannot be shared
 * between documents because saving stamps object numbers on it. Widths come from the AFM metrics
 * bundled with PDFBox, so right-aligned columns line up exactly.
 */
final class PdfWriter {
  private static final Charset WIN_ANSI = Charset.forName("windows-1252");
  private static final COSName REGULAR = COSName.getPDFName("F1");
  private static final COSName BOLD = COSName.getPDFName("F2");
  private static final FontMetrics REGULAR_METRICS = Standard14Fonts.getAFM(FontName.HELVETICA.getName());
  private static final FontMetrics BOLD_METRICS = Standard14Fonts.getAFM(FontName.HELVETICA_BOLD.getName());

  private final ByteArrayOutputStream content = new ByteArrayOutputStream(4096);
  private float cursor;

  /** How heavy a run of text is set. */
  enum Weight { REGULAR, BOLD }

  void text(float x, float y, Weight weight, float size, String text) {
    COSName font = weight == Weight.BOLD ? BOLD : REGULAR;
    write("BT /" + font.getName() + " " + number(size) + " Tf " + number(x) + " " + number(y)
        + " Td (");
    for (byte b : text.getBytes(WIN_ANSI)) {
      if (b == '(' || b == ')' || b == '\\') {
        content.write('\\');
      }
      content.write(b);
    }
    write(") Tj ET\n");
  }

  void right(float rightEdge, float y, Weight weight, float size, String text) {
    text(rightEdge - width(text, weight == Weight.BOLD ? BOLD_METRICS : REGULAR_METRICS) * size / 1000, y, weight, size,
        text);
  }

  void rule(float fromX, float toX, float y) {
    write("0.5 w " + number(fromX) + " " + number(y) + " m " + number(toX) + " " + number(y) + " l S\n");
  }

  /** Where the next section starts, so sections can be laid out one after another. */
  float cursor() {
    return cursor;
  }

  void cursor(float y) {
    cursor = y;
  }

  /** Puts what was written on {@code page}, compressed, with the two fonts as its resources. */
  void finish(PDDocument document, PDPage page) throws IOException {
    PDStream stream = new PDStream(document);
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      content.writeTo(out);
    }
    page.setContents(stream);
    COSDictionary fonts = new COSDictionary();
    fonts.setItem(REGULAR, font(FontName.HELVETICA));
    fonts.setItem(BOLD, font(FontName.HELVETICA_BOLD));
    COSDictionary resources = new COSDictionary();
    resources.setItem(COSName.FONT, fonts);
    page.setResources(new PDResources(resources));
  }

  private static COSDictionary font(FontName name) {
    COSDictionary font = new COSDictionary();
    font.setItem(COSName.TYPE, COSName.FONT);
    font.setItem(COSName.SUBTYPE, COSName.TYPE1);
    font.setName(COSName.BASE_FONT, name.getName());
    font.setItem(COSName.ENCODING, COSName.WIN_ANSI_ENCODING);
    return font;
  }

  private static float width(String text, FontMetrics metrics) {
    float width = 0;
    for (byte b : text.getBytes(WIN_ANSI)) {
      width += metrics.getCharacterWidth(WinAnsiEncoding.INSTANCE.getName(b & 0xff));
    }
    return width;
  }

  private static String number(float value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private void write(String operators) {
    content.writeBytes(operators.getBytes(WIN_ANSI));
  }
}

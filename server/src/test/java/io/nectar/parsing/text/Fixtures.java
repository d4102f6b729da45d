package io.nectar.parsing.text;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/** Files made in the test, so no binary fixture is committed. */
public final class Fixtures {
  static final List<String> BILL_LINES = List.of(
      "Account Number 28706321-003 6",
      "Service Period Jan 07 2018 to Feb 06 2018",
      "Energy Charges 105380 kWh 9,295.01",
      "Total Current Charges $10,033.71");

  private Fixtures() {}

  /** How a fixture's text is drawn. */
  enum Ink {
    BLACK,
    WHITE,
    INVISIBLE,
    /** Drawn inside a one-point clip in the corner, so nothing shows. */
    CLIPPED,
    /** Drawn above the top of the page. */
    OFF_PAGE
  }

  static byte[] textPdf(int pages, Ink ink, List<String> lines) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          if (ink == Ink.CLIPPED) {
            content.addRect(0, 0, 1, 1);
            content.clip();
          }
          content.beginText();
          content.setFont(font, 11);
          if (ink == Ink.WHITE) {
            content.setNonStrokingColor(Color.WHITE);
          } else if (ink == Ink.INVISIBLE) {
            content.setRenderingMode(RenderingMode.NEITHER);
          }
          content.newLineAtOffset(72, ink == Ink.OFF_PAGE ? 2000 : 700);
          for (String line : lines) {
            content.showText(line);
            content.newLineAtOffset(0, -16);
          }
          content.endText();
        }
      }
      return save(document);
    }
  }

  public static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  /** A one-page PDF whose content stream is small compressed and inflates to {@code inflatedBytes} of spaces. */
  public static byte[] bombPdf(long inflatedBytes) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    byte[] spaces = new byte[1 << 20];
    java.util.Arrays.fill(spaces, (byte) ' ');
    byte[] buffer = new byte[1 << 16];
    for (long written = 0; written < inflatedBytes; written += spaces.length) {
      deflater.setInput(spaces);
      while (!deflater.needsInput()) {
        compressed.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      compressed.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.LETTER);
      document.addPage(page);
      COSStream stream = document.getDocument().createCOSStream();
      try (OutputStream raw = stream.createRawOutputStream()) {
        raw.write(compressed.toByteArray());
      }
      stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
      page.getCOSObject().setItem(COSName.CONTENTS, stream);
      return save(document);
    }
  }

  /** A PNG that is only a header declaring its size (no pixels follow). */
  public static byte[] pngHeader(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    writeInt(ihdr, width);
    writeInt(ihdr, height);
    ihdr.write(new byte[] {8, 0, 0, 0, 0});
    chunk(out, "IHDR", ihdr.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    writeInt(out, data.length);
    byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    writeInt(out, (int) crc.getValue());
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }

  /** Charge rows of a bill: a label at the left margin, its amount at the right. */
  static final List<List<String>> CHARGE_ROWS = List.of(
      List.of("Basic Charge", "12.40"),
      List.of("Energy Charge", "9,295.01"),
      List.of("Delivery Charge", "75.90"),
      List.of("Supply Charge", "36.55"),
      List.of("Public Purpose", "8.43"),
      List.of("State Tax", "353.01"),
      List.of("City Fee", "50.00"),
      List.of("Total Charges", "10,033.71"));

  /** The charge rows drawn as a picture at {@code dpi}, turned by {@code degrees}. */
  static BufferedImage chargeTable(int dpi, double degrees) {
    int width = (int) (8.5 * dpi);
    int height = (int) (4.0 * dpi);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11f * dpi / 72f)));
      int y = (int) (0.6 * dpi);
      for (List<String> row : CHARGE_ROWS) {
        g.drawString(row.get(0), (int) (0.8 * dpi), y);
        int amountWidth = g.getFontMetrics().stringWidth(row.get(1));
        g.drawString(row.get(1), (int) (7.6 * dpi) - amountWidth, y);
        y += (int) (0.25 * dpi);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Bill lines drawn as a picture at the given resolution, turned by {@code degrees}. */
  static BufferedImage billPicture(List<String> lines, int dpi, double degrees) {
    int width = (int) (8.5 * dpi);
    int height = (int) (3.0 * dpi);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12f * dpi / 72f)));
      int y = (int) (0.6 * dpi);
      for (String line : lines) {
        g.drawString(line, (int) (0.8 * dpi), y);
        y += (int) (0.4 * dpi);
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}

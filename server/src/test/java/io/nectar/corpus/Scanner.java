package io.nectar.corpus;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Turns a text PDF into what an office scanner or a phone makes of the paper: the page rendered at
 * 150-300 dpi, turned by up to 3 degrees, grainy, JPEG-compressed; or, for a photo, warped in
 * perspective on a dark table under uneven light. Image maths uses doubles: these are pixels, not money.
 */
final class Scanner {
  /** Which kind of picture of the paper. */
  enum Style { SCAN, PHOTO }

  /** The file a scan is written as. */
  enum Format {
    JPEG("jpg"), PNG("png"), PDF("pdf");

    final String extension;

    Format(String extension) {
      this.extension = extension;
    }
  }

  /**
   * A scanned bill's bytes and how it was made, so accuracy can be broken down by resolution and damage.
   *
   * @param degrees the largest turn of its pages (0 for a photo, whose warp is not a turn)
   */
  record Scan(byte[] bytes, Format format, Style style, int dpi, double degrees, float jpegQuality) {}

  private Scanner() {}

  /**
   * One-page bills become a JPEG or PNG image; longer bills a PDF of page images (no text layer), so
   * every field on any page stays in the scan.
   */
  static Scan scan(byte[] pdf, Style style, SplittableRandom random) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int dpi = style == Style.PHOTO ? 200 : new int[] {150, 200, 300}[random.nextInt(3)];
      float quality = style == Style.PHOTO ? 0.7f : 0.45f + 0.35f * (float) random.nextDouble();
      PDFRenderer renderer = new PDFRenderer(document);
      List<BufferedImage> pages = new ArrayList<>();
      double turned = 0;
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        BufferedImage page = renderer.renderImageWithDPI(i, dpi, style == Style.PHOTO ? ImageType.RGB : ImageType.GRAY);
        if (style == Style.PHOTO) {
          pages.add(photograph(page, random));
        } else {
          double degrees = (random.nextDouble() * 2 - 1) * 3;
          turned = Math.abs(degrees) > Math.abs(turned) ? degrees : turned;
          pages.add(scanned(page, degrees, random));
        }
      }
      if (pages.size() > 1) {
        return new Scan(imagePdf(pages, quality), Format.PDF, style, dpi, turned, quality);
      }
      byte[] jpeg = jpeg(pages.get(0), quality);
      if (style == Style.SCAN && random.nextInt(3) == 0) {
        // A PNG that went through JPEG once, as when a scanner's JPEG is re-saved by an office tool.
        return new Scan(png(ImageIO.read(new ByteArrayInputStream(jpeg))), Format.PNG, style, dpi, turned, quality);
      }
      return new Scan(jpeg, Format.JPEG, style, dpi, turned, quality);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan a generated bill", e);
    }
  }

  /** Turned a little on the glass, a slightly grey paper, sensor grain and a few specks of dust. */
  private static BufferedImage scanned(BufferedImage page, double degrees, SplittableRandom random) {
    BufferedImage turned = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = turned.createGraphics();
    int paper = 232 + random.nextInt(20);
    g.setColor(new Color(paper, paper, paper));
    g.fillRect(0, 0, turned.getWidth(), turned.getHeight());
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
    g.drawImage(page, 0, 0, null);
    g.dispose();
    byte[] pixels = ((DataBufferByte) turned.getRaster().getDataBuffer()).getData();
    double grain = 4 + random.nextDouble() * 10;
    int darkest = 255 - paper;
    for (int i = 0; i < pixels.length; i++) {
      int value = (pixels[i] & 0xff) - darkest;
      value += (int) (random.nextGaussian() * grain);
      pixels[i] = (byte) Math.max(0, Math.min(255, value));
    }
    int specks = 50 + random.nextInt(300);
    for (int i = 0; i < specks; i++) {
      int x = random.nextInt(turned.getWidth() - 3);
      int y = random.nextInt(turned.getHeight() - 3);
      int size = 1 + random.nextInt(2);
      for (int dy = 0; dy < size; dy++) {
        for (int dx = 0; dx < size; dx++) {
          pixels[(y + dy) * turned.getWidth() + x + dx] = (byte) random.nextInt(40, 120);
        }
      }
    }
    return turned;
  }

  /**
   * The page photographed from a little off-square: its corners land at random points inside a
   * slightly larger frame on a dark table, the light falls off from one side and towards the corners.
   */
  private static BufferedImage photograph(BufferedImage page, SplittableRandom random) {
    int width = page.getWidth();
    int height = page.getHeight();
    int frameWidth = (int) (width * 1.12);
    int frameHeight = (int) (height * 1.10);
    double[][] corners = new double[4][];
    double[][] nominal = {{0.05, 0.04}, {0.95, 0.04}, {0.95, 0.96}, {0.05, 0.96}};
    for (int i = 0; i < 4; i++) {
      corners[i] = new double[] {
          (nominal[i][0] + (random.nextDouble() * 2 - 1) * 0.035) * frameWidth,
          (nominal[i][1] + (random.nextDouble() * 2 - 1) * 0.03) * frameHeight};
    }
    double[][] source = {{0, 0}, {width - 1, 0}, {width - 1, height - 1}, {0, height - 1}};
    double[] h = homography(corners, source);
    double lightAngle = random.nextDouble() * 2 * Math.PI;
    double lightX = Math.cos(lightAngle);
    double lightY = Math.sin(lightAngle);
    double strength = 0.25 + random.nextDouble() * 0.2;
    int[] sourcePixels = page.getRGB(0, 0, width, height, null, 0, width);
    int[] out = new int[frameWidth * frameHeight];
    for (int y = 0; y < frameHeight; y++) {
      for (int x = 0; x < frameWidth; x++) {
        double w = h[6] * x + h[7] * y + 1;
        double sx = (h[0] * x + h[1] * y + h[2]) / w;
        double sy = (h[3] * x + h[4] * y + h[5]) / w;
        double nx = (double) x / frameWidth - 0.5;
        double ny = (double) y / frameHeight - 0.5;
        double light = 1 - strength * (0.5 + nx * lightX + ny * lightY) - 0.35 * (nx * nx + ny * ny);
        int r;
        int g;
        int b;
        if (sx < 0 || sy < 0 || sx > width - 1 || sy > height - 1) {
          r = 58;
          g = 46;
          b = 40;
        } else {
          int rgb = bilinear(sourcePixels, width, height, sx, sy);
          // Paper under indoor light is warm.
          r = (rgb >> 16) & 0xff;
          g = (int) (((rgb >> 8) & 0xff) * 0.97);
          b = (int) ((rgb & 0xff) * 0.90);
        }
        double grain = random.nextGaussian() * 5;
        out[y * frameWidth + x] = clamp(r * light + grain) << 16 | clamp(g * light + grain) << 8
            | clamp(b * light + grain);
      }
    }
    BufferedImage photo = new BufferedImage(frameWidth, frameHeight, BufferedImage.TYPE_INT_RGB);
    photo.setRGB(0, 0, frameWidth, frameHeight, out, 0, frameWidth);
    return photo;
  }

  private static int bilinear(int[] pixels, int width, int height, double x, double y) {
    int x0 = (int) x;
    int y0 = (int) y;
    int x1 = Math.min(x0 + 1, width - 1);
    int y1 = Math.min(y0 + 1, height - 1);
    double fx = x - x0;
    double fy = y - y0;
    int result = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double top = channel(pixels[y0 * width + x0], shift) * (1 - fx) + channel(pixels[y0 * width + x1], shift) * fx;
      double bottom = channel(pixels[y1 * width + x0], shift) * (1 - fx) + channel(pixels[y1 * width + x1], shift) * fx;
      result |= clamp(top * (1 - fy) + bottom * fy) << shift;
    }
    return result;
  }

  private static int channel(int rgb, int shift) {
    return (rgb >> shift) & 0xff;
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }

  /** The projective map taking the four {@code from} points to the four {@code to} points (h33 = 1). */
  static double[] homography(double[][] from, double[][] to) {
    double[][] a = new double[8][9];
    for (int i = 0; i < 4; i++) {
      double x = from[i][0];
      double y = from[i][1];
      double u = to[i][0];
      double v = to[i][1];
      a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
      a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
    }
    for (int column = 0; column < 8; column++) {
      int pivot = column;
      for (int row = column + 1; row < 8; row++) {
        if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
          pivot = row;
        }
      }
      double[] swap = a[column];
      a[column] = a[pivot];
      a[pivot] = swap;
      for (int row = 0; row < 8; row++) {
        if (row != column) {
          double factor = a[row][column] / a[column][column];
          for (int k = column; k < 9; k++) {
            a[row][k] -= factor * a[column][k];
          }
        }
      }
    }
    double[] h = new double[8];
    for (int i = 0; i < 8; i++) {
      h[i] = a[i][8] / a[i][i];
    }
    return h;
  }

  private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  /** A PDF whose pages are only pictures, as a scanner's "scan to PDF" writes. */
  private static byte[] imagePdf(List<BufferedImage> pages, float quality) throws IOException {
    try (PDDocument document = new PDDocument()) {
      for (BufferedImage image : pages) {
        // Letter width; the height follows the picture, which a photo's frame makes a little taller.
        float width = PDRectangle.LETTER.getWidth();
        PDPage page = new PDPage(new PDRectangle(width, width * image.getHeight() / image.getWidth()));
        document.addPage(page);
        PDImageXObject picture = JPEGFactory.createFromImage(document, image, quality);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(picture, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
      document.save(bytes);
      return bytes.toByteArray();
    }
  }
}

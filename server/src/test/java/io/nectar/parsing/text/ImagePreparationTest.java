package io.nectar.parsing.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of the preparation give exactly the pixels of the plain per-pixel versions kept below:
 * Tesseract's words, and so the benchmark's accuracy, depend on every grey it is handed.
 */
class ImagePreparationTest {
  private static final double[] ANGLES = {-3, -2.95, -1.2, -0.3, -0.05, 0, 0.05, 0.25, 0.8, 1.55, 2.7, 3, 4.9};

  @Test
  void turningAPageGivesThePixelsOfThePlainPerPixelTurn() {
    for (int[] size : new int[][] {{613, 797}, {1000, 1300}, {37, 500}, {500, 37}}) {
      byte[] page = page(size[0], size[1]);
      for (double angle : ANGLES) {
        assertThat(ImagePreparation.rotate(page, size[0], size[1], angle))
            .as("%dx%d turned by %s degrees", size[0], size[1], angle)
            .isEqualTo(plainRotate(page, size[0], size[1], angle));
      }
    }
  }

  @Test
  void binarisingGivesThePixelsOfThePlainPerPixelVersion() {
    for (int[] size : new int[][] {{613, 797}, {1024, 64}, {15, 15}, {17, 300}}) {
      byte[] page = page(size[0], size[1]);
      assertThat(ImagePreparation.binarise(page, size[0], size[1])).as("%dx%d", size[0], size[1])
          .isEqualTo(plainBinarise(page, size[0], size[1]));
    }
  }

  @Test
  void theSkewOfARenderedBillIsFoundWhetherItIsSampledOrReadWhole() {
    // 300 dpi is sampled every second pixel, 150 dpi read whole (the arraycopy path).
    for (int dpi : new int[] {150, 300}) {
      BufferedImage turned = ImagePreparation.grey(Fixtures.billPicture(Fixtures.BILL_LINES, dpi, -2), 1);
      byte[] pixels = ((DataBufferByte) turned.getRaster().getDataBuffer()).getData();
      assertThat(ImagePreparation.skewDegrees(pixels, turned.getWidth(), turned.getHeight())).as("%d dpi", dpi)
          .isCloseTo(-2.0, org.assertj.core.data.Offset.offset(0.3));
    }
  }

  /** Paper with grain, dark strokes, a dark band and a corner of every grey: every kind of pixel the thresholds and edges meet. */
  private static byte[] page(int width, int height) {
    Random random = new Random(width * 31L + height);
    byte[] pixels = new byte[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int grey = 200 + random.nextInt(56);
        if ((x / 7 + y / 11) % 5 == 0) {
          grey = random.nextInt(90);
        }
        if (y > height / 3 && y < height / 3 + 20) {
          grey -= 120;
        }
        if (x > width / 2 && y > height / 2) {
          grey = random.nextInt(256);
        }
        pixels[y * width + x] = (byte) Math.max(0, grey);
      }
    }
    return pixels;
  }

  /** The turn as first written: every pixel's source computed and tested against the edges. */
  private static byte[] plainRotate(byte[] ink, int width, int height, double degrees) {
    double radians = Math.toRadians(degrees);
    double cos = Math.cos(radians);
    double sin = Math.sin(radians);
    double cx = width / 2.0;
    double cy = height / 2.0;
    byte[] out = new byte[ink.length];
    long stepX = Math.round(cos * 65536);
    long stepY = Math.round(sin * 65536);
    for (int y = 0; y < height; y++) {
      double dy = y - cy;
      double baseX = -dy * sin + cx;
      double baseY = dy * cos + cy;
      long fx = Math.round((-cx * cos + baseX) * 65536);
      long fy = Math.round((-cx * sin + baseY) * 65536);
      int offset = y * width;
      for (int x = 0; x < width; x++, fx += stepX, fy += stepY) {
        int sx = (int) (fx >= 0 ? fx >> 16 : -(-fx >> 16));
        int sy = (int) (fy >= 0 ? fy >> 16 : -(-fy >> 16));
        out[offset + x] = sx >= 0 && sx < width && sy >= 0 && sy < height ? ink[sy * width + sx] : (byte) 0xFF;
      }
    }
    return out;
  }

  /** Bradley's threshold as first written: a division per pixel to find its block. */
  private static byte[] plainBinarise(byte[] pixels, int width, int height) {
    int block = 16;
    int cols = (width + block - 1) / block;
    int rows = (height + block - 1) / block;
    long[] sums = new long[cols * rows];
    int[] counts = new int[cols * rows];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int cell = (y / block) * cols + x / block;
        sums[cell] += pixels[y * width + x] & 0xFF;
        counts[cell]++;
      }
    }
    float[] local = new float[cols * rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        long sum = 0;
        long count = 0;
        for (int dr = -2; dr <= 2; dr++) {
          for (int dc = -2; dc <= 2; dc++) {
            int rr = r + dr;
            int cc = c + dc;
            if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) {
              sum += sums[rr * cols + cc];
              count += counts[rr * cols + cc];
            }
          }
        }
        local[r * cols + c] = (float) sum / count;
      }
    }
    byte[] out = new byte[pixels.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int value = pixels[y * width + x] & 0xFF;
        float threshold = local[(y / block) * cols + x / block] * 0.85f;
        out[y * width + x] = value < threshold ? 0 : (byte) 0xFF;
      }
    }
    return out;
  }
}

package io.nectar.parsing.text;

import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.UnreadableFile.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Decodes a PNG or JPEG bill, after reading its declared size from the header: a file that
 * declares 20000 x 20000 pixels would need gigabytes decoded, so it is refused before decoding.
 */
final class ImageFiles {
  /** Letter paper is 8.5 x 11 inches; a picture without a stated resolution is taken to be as wide as one. */
  private static final float PAGE_SHORT_INCHES = 8.5f;
  private static final float PAGE_LONG_INCHES = 11f;

  private ImageFiles() {}

  /** The picture and its size on paper, in points. */
  record Picture(BufferedImage image, float widthPoints, float heightPoints) {}

  static Picture read(byte[] content, long maxPixels) throws UnreadableFile {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw new UnreadableFile(Reason.CORRUPT, "the image cannot be read (it is damaged)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, false);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new UnreadableFile(Reason.CORRUPT, "the image declares no pixels (it is damaged)");
        }
        if (width * height > maxPixels) {
          throw new UnreadableFile(Reason.TOO_MANY_PIXELS, "the image is " + width + " x " + height
              + " pixels; at most " + maxPixels + " pixels are read");
        }
        float dpi = dotsPerInch(reader);
        BufferedImage image = reader.read(0);
        if (dpi <= 0) {
          dpi = width / assumedWidthInches(width, height);
        }
        return new Picture(image, width * 72f / dpi, height * 72f / dpi);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFile(Reason.CORRUPT, "the image cannot be read (it is damaged)", e);
    }
  }

  /** A page turned on its side is 11 inches wide; anything else (upright, a strip, a receipt) 8.5. */
  private static float assumedWidthInches(long width, long height) {
    double aspect = (double) width / height;
    double landscape = PAGE_LONG_INCHES / PAGE_SHORT_INCHES;
    return Math.abs(aspect - landscape) < landscape * 0.15 ? PAGE_LONG_INCHES : PAGE_SHORT_INCHES;
  }

  /** The resolution the file states, or 0 when it states none or an implausible one. */
  private static float dotsPerInch(ImageReader reader) {
    try {
      IIOMetadata metadata = reader.getImageMetadata(0);
      if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
        return 0;
      }
      Node root = metadata.getAsTree("javax_imageio_1.0");
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (!"Dimension".equals(n.getNodeName())) {
          continue;
        }
        for (Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
          if ("HorizontalPixelSize".equals(d.getNodeName())) {
            float millimetres = Float.parseFloat(d.getAttributes().getNamedItem("value").getNodeValue());
            float dpi = 25.4f / millimetres;
            return dpi >= 70 && dpi <= 1200 ? dpi : 0;
          }
        }
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}

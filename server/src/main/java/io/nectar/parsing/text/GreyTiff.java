package io.nectar.parsing.text;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A greyscale page as an uncompressed TIFF file, the way it is handed to Tesseract.
 *
 * <p>Why TIFF: Leptonica (Tesseract's image library) reads it with whole-strip copies, where it reads a PGM
 * byte by byte; on a 300-dpi letter page that was 0.13 s of Tesseract's CPU time (about a sixth of the page),
 * for the same words. Written here, not by ImageIO: a header and the bytes cost no more than the PGM did.
 */
final class GreyTiff {
  private static final short BYTE_ORDER_INTEL = 0x4949;
  private static final short MAGIC = 42;
  private static final short SHORT = 3;
  private static final short LONG = 4;
  private static final short RATIONAL = 5;
  private static final int ENTRIES = 12;
  private static final int IFD_OFFSET = 8;
  private static final int RESOLUTION_OFFSET = IFD_OFFSET + 2 + ENTRIES * 12 + 4;
  private static final int PIXELS_OFFSET = RESOLUTION_OFFSET + 16;

  private GreyTiff() {}

  /** Writes the picture (converted to one byte a pixel if it is not already) stating {@code dpi} as its resolution. */
  static void write(BufferedImage image, int dpi, Path file) throws IOException {
    BufferedImage grey = ImagePreparation.grey(image, 1);
    int width = grey.getWidth();
    int height = grey.getHeight();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(header(width, height, dpi));
      writePixels(grey.getRaster(), out);
    }
  }

  static byte[] header(int width, int height, int dpi) {
    ByteBuffer b = ByteBuffer.allocate(PIXELS_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort(BYTE_ORDER_INTEL).putShort(MAGIC).putInt(IFD_OFFSET);
    b.putShort((short) ENTRIES);
    // Tags in ascending order, as TIFF requires.
    entry(b, 256, LONG, width); // ImageWidth
    entry(b, 257, LONG, height); // ImageLength
    entry(b, 258, SHORT, 8); // BitsPerSample
    entry(b, 259, SHORT, 1); // Compression: none
    entry(b, 262, SHORT, 1); // PhotometricInterpretation: black is zero
    entry(b, 273, LONG, PIXELS_OFFSET); // StripOffsets: one strip
    entry(b, 277, SHORT, 1); // SamplesPerPixel
    entry(b, 278, LONG, height); // RowsPerStrip
    entry(b, 279, LONG, width * height); // StripByteCounts
    entry(b, 282, RATIONAL, RESOLUTION_OFFSET); // XResolution
    entry(b, 283, RATIONAL, RESOLUTION_OFFSET + 8); // YResolution
    entry(b, 296, SHORT, 2); // ResolutionUnit: inch
    b.putInt(0); // no further image
    b.putInt(dpi).putInt(1).putInt(dpi).putInt(1);
    return b.array();
  }

  private static void entry(ByteBuffer b, int tag, short type, int value) {
    b.putShort((short) tag).putShort(type).putInt(1);
    if (type == SHORT) {
      // A SHORT value sits in the first two bytes of the value field.
      b.putShort((short) value).putShort((short) 0);
    } else {
      b.putInt(value);
    }
  }

  /** The rows top to bottom, straight from the raster's array when it holds exactly the picture. */
  private static void writePixels(Raster raster, OutputStream out) throws IOException {
    int width = raster.getWidth();
    int height = raster.getHeight();
    byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
    if (raster.getParent() == null && raster.getSampleModel() instanceof ComponentSampleModel model
        && model.getScanlineStride() == width && model.getPixelStride() == 1 && data.length == width * height
        && raster.getDataBuffer().getOffset() == 0 && model.getBandOffsets()[0] == 0) {
      out.write(data);
      return;
    }
    byte[] row = new byte[width];
    for (int y = 0; y < height; y++) {
      raster.getDataElements(raster.getMinX(), raster.getMinY() + y, width, 1, row);
      out.write(row);
    }
  }
}

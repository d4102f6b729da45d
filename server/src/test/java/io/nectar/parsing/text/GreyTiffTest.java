package io.nectar.parsing.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.metadata.IIOMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

class GreyTiffTest {
  @TempDir
  Path folder;

  @Test
  void aGreyPictureIsWrittenPixelForPixelWithItsResolution() throws Exception {
    BufferedImage picture = noise(37, 23);
    Path file = folder.resolve("page.tif");

    GreyTiff.write(picture, 200, file);

    BufferedImage read = ImageIO.read(file.toFile());
    assertThat(read.getWidth()).isEqualTo(37);
    assertThat(read.getHeight()).isEqualTo(23);
    assertThat(pixels(read)).isEqualTo(pixels(picture));
    assertThat(dotsPerInch(file)).isCloseTo(200f, org.assertj.core.data.Offset.offset(0.5f));
  }

  @Test
  void aPictureCutOutOfALargerOneIsWrittenAsItsOwnRows() throws Exception {
    BufferedImage whole = noise(50, 40);
    BufferedImage part = whole.getSubimage(7, 5, 20, 10);
    Path file = folder.resolve("part.tif");

    GreyTiff.write(part, 300, file);

    BufferedImage read = ImageIO.read(file.toFile());
    assertThat(read.getWidth()).isEqualTo(20);
    assertThat(pixels(read)).isEqualTo(pixels(part));
  }

  private static BufferedImage noise(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    new Random(7).nextBytes(data);
    return image;
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
  }

  private static float dotsPerInch(Path file) throws Exception {
    try (ImageInputStream input = ImageIO.createImageInputStream(Files.newInputStream(file))) {
      ImageReader reader = ImageIO.getImageReaders(input).next();
      reader.setInput(input);
      IIOMetadata metadata = reader.getImageMetadata(0);
      Node root = metadata.getAsTree("javax_imageio_1.0");
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if ("Dimension".equals(n.getNodeName())) {
          for (Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
            if ("HorizontalPixelSize".equals(d.getNodeName())) {
              return 25.4f / Float.parseFloat(d.getAttributes().getNamedItem("value").getNodeValue());
            }
          }
        }
      }
      return 0;
    }
  }
}

package io.nectar.parsing.text;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A timing harness, not a test: what each step before Tesseract costs on a folder of scans (decode, grey,
 * skew search, rotation, TIFF write; PDF pages rendered), summed over the files after a warm-up round, in this thread's CPU time.
 *
 * <pre>java -cp server/target/nectar-server.jar:server/target/test-classes io.nectar.parsing.text.PreparationProfile 2 FILE...</pre>
 */
public final class PreparationProfile {
  // CPU time of this thread: the machine is shared, and wall time would count the others.
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
  private PreparationProfile() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    Map<String, Long> totals = new LinkedHashMap<>();
    int files = 0;
    for (int round = 0; round <= rounds; round++) {
      totals.clear();
      files = 0;
      for (int i = 1; i < args.length; i++) {
        Path file = Path.of(args[i]);
        byte[] content = Files.readAllBytes(file);
        long t = CPU.getCurrentThreadCpuTime();
        BufferedImage image;
        if (file.toString().endsWith(".pdf")) {
          try (PDDocument document = Loader.loadPDF(content)) {
            image = new PDFRenderer(document).renderImage(0, 300f / 72f, ImageType.GRAY);
          }
          t = add(totals, "render pdf", t);
        } else {
          image = ImageFiles.read(content, 50_000_000L).image();
          t = add(totals, "decode", t);
        }
        BufferedImage grey = ImagePreparation.grey(image, 1);
        t = add(totals, "grey", t);
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        double angle = ImagePreparation.skewDegrees(pixels, grey.getWidth(), grey.getHeight());
        t = add(totals, "skew", t);
        ImagePreparation.rotate(pixels, grey.getWidth(), grey.getHeight(), angle);
        t = add(totals, "rotate", t);
        Path tiff = Files.createTempFile("profile", ".tif");
        GreyTiff.write(grey, 300, tiff);
        Files.delete(tiff);
        add(totals, "write tiff", t);
        files++;
      }
    }
    long all = 0;
    for (var e : totals.entrySet()) {
      System.out.printf("%-10s %7.1f ms/file%n", e.getKey(), e.getValue() / 1e6 / files);
      all += e.getValue();
    }
    System.out.printf("%-10s %7.1f ms/file over %d files%n", "all", all / 1e6 / files, files);
  }

  private static long add(Map<String, Long> totals, String step, long since) {
    long now = CPU.getCurrentThreadCpuTime();
    totals.merge(step, now - since, Long::sum);
    return now;
  }
}

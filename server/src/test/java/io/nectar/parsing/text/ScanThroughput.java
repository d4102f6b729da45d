package io.nectar.parsing.text;

import io.nectar.parsing.BillFile;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.FileSniffer;
import io.nectar.parsing.ParseLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A timing harness, not a test: reading scans (PNG/JPEG) through this engine (preparation plus
 * Tesseract) against plain {@code tesseract} on the same images, one at a time, interleaved image by
 * image so both meet the same machine load.
 *
 * <pre>
 * java -cp server/target/classes:server/target/test-classes:$(cat /tmp/cp.txt) \
 *   io.nectar.parsing.text.ScanThroughput 2 scans/*.png
 * </pre>
 */
public final class ScanThroughput {
  private ScanThroughput() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    ParseLimits limits = new ParseLimits(25L << 20, 150, 50_000_000L, Duration.ofMinutes(5), 1);
    long engine = 0;
    long plain = 0;
    try (StandardTextReader reader = new StandardTextReader(limits, TesseractOcr.onPath(1))) {
      for (int round = 0; round < rounds; round++) {
        for (int i = 1; i < args.length; i++) {
          Path file = Path.of(args[i]);
          byte[] content = Files.readAllBytes(file);
          long start = System.nanoTime();
          reader.read(new BillFile(file.toString(), content, FileSniffer.sniff(content)),
              Deadline.after(Duration.ofMinutes(5)));
          engine += System.nanoTime() - start;
          start = System.nanoTime();
          ProcessBuilder tesseract = new ProcessBuilder("tesseract", file.toString(), "stdout", "-l", "eng+por",
              "--psm", "3", "tsv").redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD);
          tesseract.environment().put("OMP_THREAD_LIMIT", "1");
          tesseract.start().waitFor();
          plain += System.nanoTime() - start;
        }
      }
    }
    double n = (double) rounds * (args.length - 1);
    System.out.printf("engine %.0f ms/image, plain tesseract %.0f ms/image, ratio %.2f%n", engine / 1e6 / n,
        plain / 1e6 / n, (double) engine / plain);
  }
}

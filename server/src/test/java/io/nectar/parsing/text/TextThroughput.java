package io.nectar.parsing.text;

import io.nectar.parsing.BillFile;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.FileSniffer;
import io.nectar.parsing.ParseLimits;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A timing harness, not a test: this engine's text reading in a warm JVM against {@code pdftotext}
 * processes on the same files, interleaved round by round so both meet the same machine load.
 *
 * <pre>
 * mvn -q -o -pl server test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp server/target/classes:server/target/test-classes:$(cat /tmp/cp.txt) \
 *   io.nectar.parsing.text.TextThroughput 20 ../../shared/data/bills/*.pdf
 * </pre>
 */
public final class TextThroughput {
  private TextThroughput() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    var cpu = ManagementFactory.getThreadMXBean();
    try (StandardTextReader reader = new StandardTextReader(ParseLimits.defaults(), TesseractOcr.onPath(1))) {
      for (int warm = 0; warm < 3; warm++) {
        for (Path file : files) {
          read(reader, file);
        }
      }
      long engineWall = 0;
      long engineCpu = 0;
      long popplerWall = 0;
      for (int round = 0; round < rounds; round++) {
        long wall = System.nanoTime();
        long thread = cpu.getCurrentThreadCpuTime();
        for (Path file : files) {
          read(reader, file);
        }
        engineWall += System.nanoTime() - wall;
        engineCpu += cpu.getCurrentThreadCpuTime() - thread;
        wall = System.nanoTime();
        for (Path file : files) {
          new ProcessBuilder("pdftotext", "-layout", file.toString(), "/dev/null").start().waitFor();
        }
        popplerWall += System.nanoTime() - wall;
      }
      double n = (double) rounds * files.size();
      System.out.printf("engine %.1f ms/file wall (%.1f ms this thread's CPU), pdftotext -layout %.1f ms/file wall,"
          + " ratio %.2f%n", engineWall / 1e6 / n, engineCpu / 1e6 / n, popplerWall / 1e6 / n,
          (double) engineWall / popplerWall);
    }
  }

  private static void read(StandardTextReader reader, Path file) throws Exception {
    byte[] content = Files.readAllBytes(file);
    reader.read(new BillFile(file.toString(), content, FileSniffer.sniff(content)),
        Deadline.after(Duration.ofMinutes(5)));
  }
}

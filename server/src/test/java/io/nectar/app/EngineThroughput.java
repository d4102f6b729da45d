package io.nectar.app;

import io.nectar.config.Config;
import io.nectar.parsing.BillReader;
import io.nectar.parsing.UnreadableFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A timing harness for {@code bench/parse.sh}, not a test: the whole engine (text, classification,
 * extraction, validation) in a warm JVM, as the server runs it, against {@code pdftotext} processes on
 * the same files, interleaved round by round so both meet the same machine load. One file at a time.
 *
 * <pre>java -cp CLASSPATH io.nectar.app.EngineThroughput ROUNDS FILE...</pre>
 */
public final class EngineThroughput {
  private EngineThroughput() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    List<byte[]> contents = new ArrayList<>();
    for (Path file : files) {
      contents.add(Files.readAllBytes(file));
    }
    BillReader reader = new BillReading(Config.from(Map.of()).billReading()).reader(BillReading.Unmatched.GENERIC);
    readAll(reader, files, contents); // warm-up
    long engine = 0;
    long poppler = 0;
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      readAll(reader, files, contents);
      engine += System.nanoTime() - start;
      start = System.nanoTime();
      for (Path file : files) {
        new ProcessBuilder("pdftotext", "-q", file.toString(), "/dev/null").start().waitFor();
      }
      poppler += System.nanoTime() - start;
    }
    double n = (double) rounds * files.size();
    System.out.printf("warm engine %.1f ms/file, pdftotext %.1f ms/file, ratio %.2fx%n", engine / 1e6 / n,
        poppler / 1e6 / n, (double) engine / poppler);
  }

  private static void readAll(BillReader reader, List<Path> files, List<byte[]> contents) {
    for (int i = 0; i < files.size(); i++) {
      try {
        reader.read(files.get(i).getFileName().toString(), contents.get(i));
      } catch (UnreadableFile e) {
        System.err.println(files.get(i) + ": " + e.getMessage());
      }
    }
  }
}

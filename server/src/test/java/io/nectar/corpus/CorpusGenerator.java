package io.nectar.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.meters.DatasourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writes the labelled bill corpus for {@code bench/parse.sh}: every bill as a text PDF and as a scan,
 * each file with its truth JSON beside it under the same name.
 *
 * <pre>
 *   OUT/text/LAYOUT/NAME.pdf          NAME.json
 *   OUT/scan/LAYOUT/NAME-scan.jpg|png|pdf   NAME-scan.json   (two-page bills: a PDF of page images)
 *   OUT/scan/LAYOUT/NAME-photo.jpg|pdf      NAME-photo.json  (the first bill of each layout only)
 * </pre>
 *
 * <p>Every bill has its own seed (corpus seed, layout, index), so bill 7 of a layout is the same
 * whether 10 or 50 are generated. Usage: {@code CorpusGenerator OUT [PER_LAYOUT [SANDBOX_PER_TYPE [SEED]]]}.
 */
public final class CorpusGenerator {
  static final List<Layout> LAYOUTS = List.of(new CommercialElectricBill(), new GasCcfBill(), new WaterSewerBill(),
      new FuelDeliveryInvoice(), new EuropeanElectricBill());

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path out;
  private final long seed;
  private final AtomicInteger files = new AtomicInteger();

  CorpusGenerator(Path out, long seed) {
    this.out = out;
    this.seed = seed;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: CorpusGenerator OUT_DIR [PER_LAYOUT=50 [SANDBOX_PER_TYPE=10 [SEED=11]]]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int perLayout = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int sandboxPerType = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 11;
    // Rendering scans maps the standard 14 fonts to installed look-alikes and warns once per bill.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.pdfbox"))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
    long started = System.nanoTime();
    int written = new CorpusGenerator(out, seed).write(perLayout, sandboxPerType);
    System.out.printf("corpus: %d files (%d generated layouts x %d, sandbox %d types x %d, text and scans) in %s,"
            + " %.1f s%n", written, LAYOUTS.size(), perLayout, SandboxCorpus.TYPES.size(), sandboxPerType, out,
        (System.nanoTime() - started) / 1e9);
  }

  /** Writes the whole corpus; returns how many bill files (PDFs and images, not truth files) it wrote. */
  int write(int perLayout, int sandboxPerType) throws Exception {
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (Layout layout : LAYOUTS) {
        for (int i = 1; i <= perLayout; i++) {
          int index = i;
          work.add(pool.submit(() -> writeBill(layout.id(), index,
              () -> layout.generate(random(layout.id(), index), index))));
        }
      }
      for (DatasourceType type : SandboxCorpus.TYPES) {
        String layout = SandboxCorpus.layout(type);
        for (int i = 1; i <= sandboxPerType; i++) {
          int index = i;
          work.add(pool.submit(() -> writeBill(layout, index,
              () -> SandboxCorpus.generate(type, random(layout, index), index))));
        }
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
    return files.get();
  }

  private SplittableRandom random(String layout, int index) {
    return new SplittableRandom(seed * 1_000_003L + layout.hashCode() * 7919L + index);
  }

  private void writeBill(String layout, int index, Supplier<GeneratedBill> generator) {
    GeneratedBill bill = generator.get();
    String truth = bill.truth().json();
    write(out.resolve("text").resolve(layout), bill.name(), "pdf", bill.pdf(), truth);
    // Scans draw from their own stream, so changing the scanner never changes a bill's figures.
    SplittableRandom scanning = random(layout + "/scan", index);
    Scanner.Scan scan = Scanner.scan(bill.pdf(), Scanner.Style.SCAN, scanning);
    write(out.resolve("scan").resolve(layout), bill.name() + "-scan", scan.format().extension, scan.bytes(),
        withScan(truth, scan));
    if (index == 1) {
      Scanner.Scan photo = Scanner.scan(bill.pdf(), Scanner.Style.PHOTO, scanning);
      write(out.resolve("scan").resolve(layout), bill.name() + "-photo", photo.format().extension, photo.bytes(),
          withScan(truth, photo));
    }
  }

  /** The bill's truth plus a {@code scan} entry saying how the picture was made (scorers ignore it). */
  private static String withScan(String truth, Scanner.Scan scan) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(truth);
      node.putObject("scan").put("style", scan.style().name().toLowerCase(Locale.ROOT)).put("dpi", scan.dpi())
          .put("degrees", Math.round(scan.degrees() * 100) / 100.0)
          .put("jpegQuality", Math.round(scan.jpegQuality() * 100) / 100.0);
      return JSON.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the generator's own truth is JSON", e);
    }
  }

  private void write(Path folder, String name, String extension, byte[] bytes, String truth) {
    try {
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + "." + extension), bytes);
      Files.writeString(folder.resolve(name + ".json"), truth, StandardCharsets.UTF_8);
      files.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(name), e);
    }
  }
}

package io.nectar.parsing.text;

import io.nectar.parsing.Deadline;
import io.nectar.parsing.Page;
import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.UnreadableFile.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * OCR by the {@code tesseract} command line, one process a page. Tesseract runs single-threaded
 * ({@code OMP_THREAD_LIMIT=1}: its own threads are several times slower on a small machine); a
 * server-wide semaphore bounds how many run at once, so pages and files run in parallel up to it.
 *
 * <p>The page goes to Tesseract as an uncompressed TIFF file ({@link GreyTiff}: writing one costs
 * milliseconds, and Tesseract reads it faster than any other form); the words come back as TSV (they need
 * their positions), and page segmentation mode 3 (fully automatic) suits bills' mix of columns, tables and
 * blocks of text. The file is not piped through stdin: Tesseract then copies it and reads it from memory,
 * which measured slower than reading the file.
 */
public final class TesseractOcr implements OcrEngine {
  private final Path binary;
  private final String languages;
  private final Semaphore running;

  /**
   * @param binary the {@code tesseract} program (a bare name is looked up on the PATH)
   * @param languages Tesseract's language list, e.g. {@code eng+por}
   * @param concurrent how many Tesseract processes may run at once across the server
   */
  public TesseractOcr(Path binary, String languages, int concurrent) {
    this.binary = binary;
    this.languages = languages;
    this.running = new Semaphore(Math.max(1, concurrent), true);
  }

  /** {@code tesseract} from the PATH, English only (the server's default, {@code NECTAR_OCR_LANGUAGES}). */
  public static TesseractOcr onPath(int concurrent) {
    return new TesseractOcr(Path.of("tesseract"), "eng", concurrent);
  }

  @Override
  public Optional<String> version() {
    try {
      Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      if (process.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(out.lines().findFirst().orElse("tesseract").trim());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public Page recognise(BufferedImage image, int pageNumber, float widthPoints, float heightPoints,
      Deadline deadline) throws UnreadableFile {
    acquire(deadline);
    Path folder = null;
    try {
      folder = Files.createTempDirectory("nectar-ocr");
      Path input = folder.resolve("page.tif");
      int dpi = dpi(image.getWidth(), widthPoints);
      GreyTiff.write(image, dpi, input);
      Path output = folder.resolve("out.tsv");
      Path errors = folder.resolve("err.txt");
      run(input, output, errors, dpi, deadline);
      List<TsvWords.OcrLine> lines = TsvWords.parse(Files.readString(output, StandardCharsets.UTF_8));
      float scaleX = widthPoints / image.getWidth();
      float scaleY = heightPoints / image.getHeight();
      return new Page(pageNumber, TsvWords.toLines(lines, scaleX, scaleY), Page.Origin.OCR, widthPoints,
          heightPoints);
    } catch (IOException e) {
      throw new UnreadableFile(Reason.OCR_UNAVAILABLE, "OCR could not run: " + e.getMessage(), e);
    } finally {
      running.release();
      deleteQuietly(folder);
    }
  }

  private void acquire(Deadline deadline) throws UnreadableFile {
    try {
      if (!running.tryAcquire(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new UnreadableFile(Reason.TIMED_OUT, "reading the file took longer than allowed (waiting for OCR)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreadableFile(Reason.TIMED_OUT, "reading the file was interrupted", e);
    }
  }

  /**
   * The picture's resolution, from its width in pixels and the page's in points. It is written into the TIFF
   * and given on the command line too: without one Tesseract estimates it from the height of the type, and
   * its noise and line-finding thresholds follow that guess.
   */
  static int dpi(int widthPixels, float widthPoints) {
    if (widthPoints <= 0) {
      return 300;
    }
    return Math.max(70, Math.min(1200, Math.round(widthPixels * 72f / widthPoints)));
  }

  private void run(Path input, Path output, Path errors, int dpi, Deadline deadline)
      throws UnreadableFile, IOException {
    ProcessBuilder builder = new ProcessBuilder(binary.toString(), input.toString(), "stdout", "-l", languages,
        "--psm", "3", "--dpi", Integer.toString(dpi), "tsv")
        .redirectOutput(output.toFile())
        .redirectError(errors.toFile());
    builder.environment().put("OMP_THREAD_LIMIT", "1");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UnreadableFile(Reason.OCR_UNAVAILABLE,
          "the OCR program (" + binary + ") could not be started; is Tesseract installed?", e);
    }
    try {
      if (!process.waitFor(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new UnreadableFile(Reason.TIMED_OUT, "reading the file took longer than allowed (OCR)");
      }
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new UnreadableFile(Reason.TIMED_OUT, "reading the file was interrupted", e);
    }
    if (process.exitValue() != 0) {
      String message = Files.readString(errors, StandardCharsets.UTF_8).strip();
      if (message.length() > 300) {
        message = message.substring(message.length() - 300);
      }
      throw new UnreadableFile(Reason.OCR_UNAVAILABLE,
          "the OCR program failed (exit " + process.exitValue() + "): " + message);
    }
  }

  /** The process and anything it started (a wrapper script's tesseract). */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      // A leftover temporary file is not worth failing a page for.
    }
  }
}

package io.nectar.parsing.text;

import io.nectar.parsing.BillFile;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.Page;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.TextReader;
import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.UnreadableFile.Reason;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stage 2: a PDF's text layer page by page, with OCR for the pages that have none; a picture by
 * OCR. The pages of one file are read by OCR in parallel, up to {@link ParseLimits#ocrThreads()}.
 */
public final class StandardTextReader implements TextReader, AutoCloseable {
  private final ParseLimits limits;
  private final OcrEngine ocr;
  private final PdfTextReader pdf;
  private final ExecutorService pages;

  public StandardTextReader(ParseLimits limits, OcrEngine ocr) {
    this.limits = limits;
    this.ocr = ocr;
    this.pdf = new PdfTextReader(limits);
    AtomicInteger count = new AtomicInteger();
    this.pages = Executors.newFixedThreadPool(Math.max(1, limits.ocrThreads()), task -> {
      Thread thread = new Thread(task, "nectar-ocr-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public BillText read(BillFile file, Deadline deadline) throws UnreadableFile {
    deadline.check();
    return switch (file.type()) {
      case PDF -> pdf.read(file.content(), deadline, new ParallelOcr());
      case PNG, JPEG -> {
        ImageFiles.Picture picture = ImageFiles.read(file.content(), limits.maxPixels());
        deadline.check();
        Page page = recognise(picture.image(), 1, picture.widthPoints(), picture.heightPoints(), deadline);
        yield new BillText(file.type(), List.of(page));
      }
    };
  }

  private Page recognise(BufferedImage image, int number, float width, float height, Deadline deadline)
      throws UnreadableFile {
    BufferedImage prepared = ImagePreparation.prepare(image, limits.maxPixels());
    deadline.check();
    return ocr.recognise(prepared, number, width, height, deadline);
  }

  @Override
  public void close() {
    pages.shutdownNow();
  }

  /** Hands rendered pages to the pool, never holding more of one file's pictures than there are readers. */
  private final class ParallelOcr implements PageOcr {
    private final Semaphore inFlight = new Semaphore(Math.max(1, limits.ocrThreads()));

    @Override
    public Future<Page> submit(BufferedImage image, int number, float width, float height, Deadline deadline)
        throws UnreadableFile {
      try {
        if (!inFlight.tryAcquire(Math.max(1, deadline.remaining().toMillis()),
            TimeUnit.MILLISECONDS)) {
          throw new UnreadableFile(Reason.TIMED_OUT, "reading the file took longer than allowed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnreadableFile(Reason.TIMED_OUT, "reading the file was interrupted", e);
      }
      try {
        return pages.submit(() -> {
          try {
            return recognise(image, number, width, height, deadline);
          } finally {
            inFlight.release();
          }
        });
      } catch (RuntimeException e) {
        inFlight.release();
        throw new UnreadableFile(Reason.OCR_UNAVAILABLE, "OCR is shutting down", e);
      }
    }
  }
}

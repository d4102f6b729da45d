package io.nectar.app;

import io.nectar.config.Config;
import io.nectar.parsing.BillReader;
import io.nectar.parsing.BillText;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.Layouts;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.Validator;
import io.nectar.parsing.generic.GenericDetector;
import io.nectar.parsing.generic.GenericExtractor;
import io.nectar.parsing.generic.Vocabulary;
import io.nectar.parsing.layouts.LayoutLibrary;
import io.nectar.parsing.layouts.TemplateLoader;
import io.nectar.parsing.text.OcrEngine;
import io.nectar.parsing.text.PdfTextReader;
import io.nectar.parsing.text.StandardTextReader;
import io.nectar.parsing.text.TesseractOcr;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place the standard bill-reading engine is assembled, for the server's upload jobs and for
 * {@code ./nectar parse} alike, so both read a bill the same way.
 */
public final class BillReading {
  /** Which stage-3/4 path reads bills no template claims. */
  public enum Unmatched {
    /** The generic detector and extractor. */
    GENERIC,
    /** Skip templates entirely: every file goes through the generic path (to measure it on its own). */
    GENERIC_ONLY
  }

  private final Config.BillReading settings;
  private final OcrEngine ocr;

  public BillReading(Config.BillReading settings) {
    this.settings = settings;
    this.ocr = new TesseractOcr(Path.of(settings.tesseract()), settings.ocrLanguages(), settings.ocrThreads());
  }

  /**
   * Starts loading, on two background threads, what every reader shares: the shipped templates and the
   * generic vocabulary on one, PDFBox's first-document set-up ({@link PdfTextReader#prepare}) on the other.
   * For a short command ({@code ./nectar parse}) this is most of its start; begun before the command line is
   * even read, it runs beside the JVM's own start-up. A failure here is ignored: the reader meets it again
   * when it asks for the same parts, and reports it.
   */
  public static void prepareInBackground() {
    background("prepare-templates", () -> {
      TemplateLoader.shipped();
      Vocabulary.standard();
    });
    background("prepare-pdf", PdfTextReader::prepare);
  }

  private static void background(String name, Runnable work) {
    Thread thread = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException | LinkageError e) {
        // The reader asks for the same parts and reports what went wrong.
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** The OCR program's version, empty when it cannot run (the server then warns and fails only scans). */
  public Optional<String> ocrVersion() {
    return ocr.version();
  }

  public String ocrProgram() {
    return settings.tesseract();
  }

  /** The standard engine: text layer and OCR, shipped and operator templates, generic path, validator. */
  public BillReader reader(Unmatched unmatched) {
    ParseLimits defaults = ParseLimits.defaults();
    ParseLimits limits = new ParseLimits(defaults.maxBytes(), defaults.maxPages(), defaults.maxPixels(),
        settings.perFileTimeout(), settings.ocrThreads());
    return new BillReader(limits, new StandardTextReader(limits, ocr), layouts(unmatched), new GenericDetector(),
        new GenericExtractor(), new Validator());
  }

  private Layouts layouts(Unmatched unmatched) {
    if (unmatched == Unmatched.GENERIC_ONLY) {
      return NO_LAYOUTS;
    }
    return new LayoutLibrary(settings.templatesDir().orElse(null));
  }

  private static final Layouts NO_LAYOUTS = new Layouts() {
    @Override
    public Optional<String> match(BillText text) {
      return Optional.empty();
    }

    @Override
    public ExtractedBill extract(String layoutId, BillText text) {
      throw new IllegalStateException("no templates in generic-only mode");
    }
  };
}

package io.nectar.app;

import io.nectar.parsing.BillDetector;
import io.nectar.parsing.BillReader;
import io.nectar.parsing.Detection;
import io.nectar.parsing.Extractor;
import io.nectar.parsing.FileType;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.TextReader;
import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.Validator;
import io.nectar.parsing.layouts.LayoutLibrary;
import io.nectar.parsing.text.PdfTextReader;
import java.nio.file.Path;

/**
 * The one place the standard bill-reading engine is assembled, for the server's upload jobs and for
 * {@code ./nectar parse} alike, so both read a bill the same way.
 */
public final class BillReading {
  /** Which stage-3/4 path reads bills no template claims. */
  public enum Unmatched {
    /** The generic detector and extractor (when built), else "not a bill". */
    GENERIC,
    /** Skip templates entirely: every file goes through the generic path (to measure it on its own). */
    GENERIC_ONLY
  }

  private BillReading() {}

  /** The standard engine: text layer reader, shipped and operator templates, generic path, validator. */
  public static BillReader standard(ParseLimits limits, Path templatesDir) {
    return standard(limits, templatesDir, Unmatched.GENERIC);
  }

  public static BillReader standard(ParseLimits limits, Path templatesDir, Unmatched unmatched) {
    return new BillReader(limits, textReader(limits), layouts(templatesDir, unmatched), detector(), generic(),
        new Validator());
  }

  /** The shipped templates plus the operator's folder ({@code NECTAR_TEMPLATES_DIR}), null for none. */
  public static LayoutLibrary layouts(Path templatesDir) {
    return new LayoutLibrary(templatesDir);
  }

  private static io.nectar.parsing.Layouts layouts(Path templatesDir, Unmatched unmatched) {
    if (unmatched == Unmatched.GENERIC_ONLY) {
      return new io.nectar.parsing.Layouts() {
        @Override
        public java.util.Optional<String> match(io.nectar.parsing.BillText text) {
          return java.util.Optional.empty();
        }

        @Override
        public io.nectar.parsing.ExtractedBill extract(String layoutId, io.nectar.parsing.BillText text) {
          throw new IllegalStateException("no templates in generic-only mode");
        }
      };
    }
    return layouts(templatesDir);
  }

  /** PDF text layers; images (OCR) join when the text stage provides a reader for them. */
  static TextReader textReader(ParseLimits limits) {
    PdfTextReader pdf = new PdfTextReader(limits);
    return (file, deadline) -> {
      if (file.type() != FileType.PDF) {
        throw new UnreadableFile(UnreadableFile.Reason.UNSUPPORTED_TYPE,
            "images are not read yet (" + file.type() + ")");
      }
      return pdf.read(file.content(), deadline);
    };
  }

  /** Until the generic detector lands: a file no template claims is not recognised as a bill. */
  static BillDetector detector() {
    return text -> new Detection(false, 0, null, "no template matched (generic detection not built yet)");
  }

  static Extractor generic() {
    return (text, detection) -> {
      throw new IllegalStateException("generic extraction not built yet");
    };
  }
}

package io.nectar.parsing;

import java.util.List;
import java.util.Objects;

/**
 * The bill-reading engine: sniff, read text (OCR where needed), classify, extract, validate. Each
 * stage is an interface, so a better OCR or a learned extractor replaces one without touching the
 * rest. No HTTP and no SQL: the upload jobs and {@code ./nectar parse} both call this.
 */
public final class BillReader {
  private final ParseLimits limits;
  private final TextReader text;
  private final Layouts layouts;
  private final BillDetector detector;
  private final Extractor generic;
  private final Validator validator;

  public BillReader(ParseLimits limits, TextReader text, Layouts layouts, BillDetector detector, Extractor generic,
      Validator validator) {
    this.limits = Objects.requireNonNull(limits);
    this.text = Objects.requireNonNull(text);
    this.layouts = Objects.requireNonNull(layouts);
    this.detector = Objects.requireNonNull(detector);
    this.generic = Objects.requireNonNull(generic);
    this.validator = Objects.requireNonNull(validator);
  }

  public ParseLimits limits() {
    return limits;
  }

  /** Reads one file; throws when the file is refused or cannot be read at all. */
  public Reading read(String fileName, byte[] content) throws UnreadableFile {
    if (content.length > limits.maxBytes()) {
      throw new UnreadableFile(UnreadableFile.Reason.TOO_LARGE,
          "the file is larger than " + limits.maxBytes() / (1024 * 1024) + " MB");
    }
    BillFile file = new BillFile(fileName, content, FileSniffer.sniff(content));
    BillText pages = text.read(file, Deadline.after(limits.perFile()));
    var layout = layouts.match(pages);
    if (layout.isPresent()) {
      ExtractedBill bill = layouts.extract(layout.get(), pages);
      Detection claimed = new Detection(true, 1.0, value(bill.datasourceType()), "layout " + layout.get());
      return new Reading(file.type(), pages.pages().size(), pages.usedOcr(), layout.get(), claimed, bill,
          validator.check(bill));
    }
    Detection detection = detector.detect(pages);
    if (!detection.isBill()) {
      return new Reading(file.type(), pages.pages().size(), pages.usedOcr(), null, detection, null, List.of());
    }
    ExtractedBill bill = generic.extract(pages, detection);
    return new Reading(file.type(), pages.pages().size(), pages.usedOcr(), bill.layout(), detection, bill,
        validator.check(bill));
  }

  private static <T> T value(Field<T> field) {
    return field == null ? null : field.value();
  }
}

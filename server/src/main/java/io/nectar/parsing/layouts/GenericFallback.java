package io.nectar.parsing.layouts;

import io.nectar.parsing.BillText;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.Field;
import io.nectar.parsing.generic.GenericExtractor;
import java.util.function.Function;

/**
 * A field a template missed on a scan, read the generic way instead ({@link GenericExtractor}: labels from the
 * vocabulary, which tolerates OCR's spacing and specks better than a template's one pattern). The generic
 * reading is a second opinion, not the layout's own, so it is kept below {@link Field#TRUSTED}: a key field
 * found only this way flags the bill for review. The generic extractor runs once per bill, and only when a
 * field is missing.
 */
final class GenericFallback {
  /** The confidence a field read only the generic way keeps at most. */
  static final double CAP = 0.75;
  private static final GenericExtractor GENERIC = new GenericExtractor();

  private final BillText text;
  private ExtractedBill generic;

  GenericFallback(BillText text) {
    this.text = text;
  }

  /** {@code read} when it has a value, else the generic reading of the same field (capped), else null. */
  <T> Field<T> or(Field<T> read, Function<ExtractedBill, Field<T>> field) {
    if (read != null && read.value() != null) {
      return read;
    }
    Field<T> other = field.apply(generic());
    if (other == null || other.value() == null) {
      return read;
    }
    return Field.of(other.value(), Math.min(other.confidence(), CAP), other.raw());
  }

  private ExtractedBill generic() {
    if (generic == null) {
      generic = GENERIC.extract(text, null);
    }
    return generic;
  }
}

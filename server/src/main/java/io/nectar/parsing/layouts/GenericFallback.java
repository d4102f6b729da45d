package io.nectar.parsing.layouts;

import io.nectar.parsing.BillText;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import io.nectar.parsing.Field;
import io.nectar.parsing.generic.GenericExtractor;
import java.math.BigDecimal;
import java.util.List;
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
    return capped(other);
  }

  private static <T> Field<T> capped(Field<T> field) {
    return field == null ? null : Field.of(field.value(), Math.min(field.confidence(), CAP), field.raw());
  }

  /**
   * The meters with usage: as the template read them when any has a usage; else, when the generic reading found
   * exactly one usage, that usage (capped) on the template's one meter, or as the bill's meter when the template
   * read none. More than one generic usage cannot be told apart from the template's meters: left as read.
   */
  List<MeterUsage> usage(List<MeterUsage> meters) {
    if (meters.size() > 1 || meters.stream().anyMatch(m -> m.usage() != null && m.usage().value() != null)) {
      return meters;
    }
    List<MeterUsage> found = generic().meters().stream()
        .filter(m -> m.usage() != null && m.usage().value() != null && m.usageUnits() != null).toList();
    if (found.size() != 1) {
      return meters;
    }
    MeterUsage g = found.get(0);
    Field<BigDecimal> usage = capped(g.usage());
    if (meters.isEmpty()) {
      return List.of(new MeterUsage(capped(g.meterNumber()), g.startDate(),
          g.endDate(), usage, g.usageUnits(), g.rawUsage(), g.rawUnits(), g.previousReading(), g.currentReading(),
          g.multiplier(), g.isEstimated(), g.register(), g.timeOfUse(), g.demand()));
    }
    MeterUsage t = meters.get(0);
    return List.of(new MeterUsage(t.meterNumber(), t.startDate(), t.endDate(), usage, g.usageUnits(), g.rawUsage(),
        g.rawUnits(), t.previousReading(), t.currentReading(), t.multiplier(), t.isEstimated(), t.register(),
        t.timeOfUse(), t.demand()));
  }

  private ExtractedBill generic() {
    if (generic == null) {
      generic = GENERIC.extract(text, null);
    }
    return generic;
  }
}

package io.nectar.jobs;

import io.nectar.meters.Identifiers;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import io.nectar.parsing.Field;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The key a bill's usage figure is filed under: its meter number normalised (nectar-api.md §1.6), or
 * {@code "@TYPE"} when the bill gives usage for the account without a meter number.
 */
final class BillMeterKeys {
  private BillMeterKeys() {}

  static String of(MeterUsage usage, String datasourceType) {
    String number = text(usage.meterNumber());
    return number == null ? "@" + datasourceType : Identifiers.normalize(number);
  }

  static String text(Field<String> field) {
    return field == null || field.value() == null || field.value().isBlank() ? null : field.value().strip();
  }

  /**
   * Whether a bill with meters {@code keys} names the same meters as a bill on file whose meters are
   * known by {@code meters} (each meter by all its normalised identifiers): every key is one of those
   * meters, and every one of those meters has a key.
   */
  static boolean same(Collection<String> keys, List<Set<String>> meters) {
    return keys.stream().allMatch(k -> meters.stream().anyMatch(m -> m.contains(k)))
        && meters.stream().allMatch(m -> keys.stream().anyMatch(m::contains));
  }

  /** Whether the two bills share a meter; two bills without meters share the account's usage. */
  static boolean overlap(Collection<String> keys, List<Set<String>> meters) {
    if (keys.isEmpty() && meters.isEmpty()) {
      return true;
    }
    return keys.stream().anyMatch(k -> meters.stream().anyMatch(m -> m.contains(k)));
  }
}

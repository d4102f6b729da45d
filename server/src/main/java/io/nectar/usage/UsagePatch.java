package io.nectar.usage;

import io.nectar.errors.InvalidInput;
import io.nectar.http.Fields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The correctable fields of a usage row (nectar-api.md §8.4); an absent field keeps its value. */
record UsagePatch(Fields fields, LocalDate startDate, LocalDate endDate, BigDecimal usage, String usageUnits,
    Boolean isEstimated, Boolean isImplied, Boolean exclusion, String tariff) {

  static UsagePatch read(Fields fields) {
    UsagePatch patch = new UsagePatch(fields,
        fields.date("startDate", Fields.Empty.REFUSED),
        fields.date("endDate", Fields.Empty.REFUSED),
        fields.decimal("usage", 15, 6, null, null, Fields.Empty.REFUSED),
        fields.text("usageUnits", 20, Fields.Empty.REFUSED),
        fields.bool("isEstimated"),
        fields.bool("isImplied"),
        fields.bool("exclusion"),
        fields.text("tariff", 255, Fields.Empty.ALLOWED));
    if (patch.usageUnits() != null && !UsageUnits.ALL.contains(patch.usageUnits())) {
      fields.reject("usageUnits", "\"" + patch.usageUnits() + "\" is not a valid choice.");
    }
    if (patch.startDate() != null && patch.endDate() != null && patch.endDate().isBefore(patch.startDate())) {
      fields.reject("endDate", "endDate must not be before startDate.");
    }
    fields.finish();
    return patch;
  }

  UsageData applyTo(UsageData u, Instant now) {
    LocalDate start = given("startDate") ? startDate : u.startDate();
    // As in Nectar, a new start without an end makes a one-day period unless the old end still fits.
    LocalDate end = given("endDate") ? endDate : (given("startDate") && u.endDate().isBefore(start) ? start : u.endDate());
    if (end.isBefore(start)) {
      throw InvalidInput.field("endDate", "endDate must not be before startDate.");
    }
    boolean usageChanged = given("usage") && usage.compareTo(u.usage()) != 0;
    return u.toBuilder()
        .startDate(start)
        .endDate(end)
        .usage(usageChanged ? usage : u.usage())
        .usageUnits(given("usageUnits") ? usageUnits : u.usageUnits())
        .isEstimated(given("isEstimated") ? isEstimated : u.isEstimated())
        .isImplied(given("isImplied") ? isImplied : u.isImplied())
        .exclusion(given("exclusion") ? exclusion : u.exclusion())
        .tariff(given("tariff") ? tariff : u.tariff())
        // A corrected total or unit no longer matches the utility's time-of-use split: drop the split.
        .timeOfUseBreakdown(usageChanged || (given("usageUnits") && !usageUnits.equals(u.usageUnits()))
            ? null : u.timeOfUseBreakdown())
        .updated(now)
        .build();
  }

  private boolean given(String field) {
    return fields.has(field);
  }
}

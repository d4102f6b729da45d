package io.nectar.usage;

import io.nectar.http.Fields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The correctable fields of a usage row (nectar-api.md §8.4); an absent field keeps its value. */
record UsagePatch(Fields fields, LocalDate startDate, LocalDate endDate, BigDecimal usage, String usageUnits,
    Boolean isEstimated, Boolean isImplied, Boolean exclusion, String tariff) {

  static UsagePatch read(Fields fields) {
    UsagePatch patch = new UsagePatch(fields,
        fields.date("startDate", false),
        fields.date("endDate", false),
        fields.decimal("usage", 15, 6, null, null, false),
        fields.text("usageUnits", 20, false, false),
        fields.bool("isEstimated"),
        fields.bool("isImplied"),
        fields.bool("exclusion"),
        fields.text("tariff", 255, true, true));
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
      throw io.nectar.http.ApiError.invalidField("endDate", "endDate must not be before startDate.");
    }
    return new UsageData(u.id(), u.documentId(), u.companyId(), u.meterId(), u.siteId(), u.connectionId(),
        u.position(), u.datasourceType(), start, end, u.billDate(),
        given("usage") && usage.compareTo(u.usage()) != 0 ? usage : u.usage(),
        given("usageUnits") ? usageUnits : u.usageUnits(),
        given("isEstimated") ? isEstimated : u.isEstimated(),
        given("isImplied") ? isImplied : u.isImplied(),
        given("exclusion") ? exclusion : u.exclusion(),
        u.currentReading(), u.previousReading(), u.multiplier(),
        given("tariff") ? tariff : u.tariff(),
        u.netMeteringGeneratedKwh(), u.netMeteringGridImportKwh(), u.netMeteringGridExportKwh(), u.utilityName(),
        u.country(),
        // A corrected total or unit no longer matches the utility's time-of-use split: drop the split.
        (given("usage") && usage.compareTo(u.usage()) != 0)
            || (given("usageUnits") && !usageUnits.equals(u.usageUnits())) ? null : u.timeOfUseBreakdown(),
        u.created(), now);
  }

  private boolean given(String field) {
    return fields.has(field);
  }
}

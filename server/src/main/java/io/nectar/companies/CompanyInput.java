package io.nectar.companies;

import io.nectar.http.Fields;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The writable fields of a company as a request gave them. On create an absent field takes its
 * default; on PATCH an absent field keeps its value ({@link #given}).
 */
record CompanyInput(
    Fields fields,
    String name,
    String externalId,
    LocalDate dataCollectionStartDate,
    Boolean isDemandEnabled,
    Boolean isImpliedMeteringEnabled,
    BigDecimal impliedMeteringFraction,
    Boolean isBasicIdentifierMappingEnabled,
    Boolean isLowAccuracyModeEnabled,
    List<String> users) {

  /**
   * Reads and validates the body, {@code dataCollectionStartDate} within {@code startDates}; throws a
   * 400 listing every problem.
   */
  static CompanyInput read(Fields fields, Fields.Purpose purpose, CollectionStartDates startDates) {
    if (purpose == Fields.Purpose.CREATE) {
      fields.require("name");
    }
    CompanyInput input = new CompanyInput(fields,
        fields.text("name", 200, Fields.Empty.REFUSED),
        fields.text("externalId", 255, Fields.Empty.ALLOWED),
        fields.date("dataCollectionStartDate", Fields.Empty.REFUSED),
        fields.bool("isDemandEnabled"),
        fields.bool("isImpliedMeteringEnabled"),
        fields.decimal("impliedMeteringFraction", 1, 2, BigDecimal.ZERO, null, Fields.Empty.REFUSED),
        fields.bool("isBasicIdentifierMappingEnabled"),
        fields.bool("isLowAccuracyModeEnabled"),
        fields.emailList("users", 100));
    startDates.problem(input.dataCollectionStartDate())
        .ifPresent(problem -> fields.reject("dataCollectionStartDate", problem));
    fields.finish();
    return input;
  }

  boolean given(String field) {
    return fields.has(field);
  }
}

package io.nectar.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.errors.InvalidInput;
import io.nectar.meters.DatasourceType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The list filters read from a query, as the document and usage routes hand it over. */
class ListFilterTest {

  private static Map<String, List<String>> query(String... nameValues) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      query.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
    }
    return query;
  }

  private static InvalidInput refused(Map<String, List<String>> query, ListKind kind) {
    try {
      ListFilter.parse(query, kind);
    } catch (InvalidInput e) {
      return e;
    }
    throw new AssertionError("accepted " + query);
  }

  @Test
  void noParametersMeanNoFilterByBillDate() {
    ListFilter filter = ListFilter.parse(Map.of(), ListKind.USAGE);

    assertThat(filter).isEqualTo(new ListFilter(null, null, ListFilter.DateType.BILL_DATE, List.of(), null, false));
  }

  @Test
  void everyFilterIsRead() {
    ListFilter filter = ListFilter.parse(query("startDate", " 2025-01-01 ", "endDate", "2025-12-31",
        "dateType", " usage_period ", "datasourceType", "GAS,electricity", "datasourceType", "WATER",
        "identifier", "ab-12 3", "isDeleted", "1"), ListKind.DOCUMENTS);

    assertThat(filter.startDate()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(filter.endDate()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(filter.dateType()).isEqualTo(ListFilter.DateType.USAGE_PERIOD);
    assertThat(filter.types()).containsExactly(DatasourceType.GAS, DatasourceType.ELECTRICITY, DatasourceType.WATER);
    assertThat(filter.identifier()).isEqualTo(io.nectar.meters.Identifiers.normalize("ab-12 3"));
    assertThat(filter.includeDeleted()).isTrue();
  }

  @Test
  void onlyTheFirstValueOfASingleValuedParameterCounts() {
    ListFilter filter = ListFilter.parse(query("startDate", "2025-01-01", "startDate", "nonsense"), ListKind.USAGE);

    assertThat(filter.startDate()).isEqualTo(LocalDate.of(2025, 1, 1));
  }

  @Test
  void anEmptyOrBlankDateIsNoBound() {
    ListFilter filter = ListFilter.parse(query("startDate", "", "endDate", "  "), ListKind.USAGE);

    assertThat(filter.startDate()).isNull();
    assertThat(filter.endDate()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-13-01", "2025-02-30", "25-01-01", "2025-1-1", "20250101", "yesterday",
      "2025-01-01T00:00:00Z", "+2025-01-01"})
  void aMalformedDateIsRefusedUnderItsName(String date) {
    InvalidInput e = refused(query("endDate", date), ListKind.USAGE);

    assertThat(e.errors()).containsOnlyKeys("endDate");
    assertThat(e.errors().get("endDate").get(0)).contains("YYYY-MM-DD");
  }

  @Test
  void aRangeMayBeOneDayButNotEndBeforeItStarts() {
    assertThat(ListFilter.parse(query("startDate", "2025-03-01", "endDate", "2025-03-01"), ListKind.USAGE)
        .endDate()).isEqualTo(LocalDate.of(2025, 3, 1));

    InvalidInput e = refused(query("startDate", "2025-03-02", "endDate", "2025-03-01"), ListKind.USAGE);

    assertThat(e.errors()).containsOnlyKeys("endDate");
  }

  @Test
  void everyBadParameterIsReportedAtOnce() {
    InvalidInput e = refused(query("startDate", "x", "dateType", "SOMETIME", "datasourceType", "GAS,PLUTONIUM",
        "datasourceType", "UNOBTAINIUM", "identifier", "---", "isDeleted", "maybe"), ListKind.DOCUMENTS);

    assertThat(e.errors()).containsOnlyKeys("startDate", "dateType", "datasourceType", "identifier", "isDeleted");
    assertThat(e.errors().get("datasourceType")).hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("PLUTONIUM"))
        .anySatisfy(m -> assertThat(m).contains("UNOBTAINIUM"));
    assertThat(e.errors().get("dateType").get(0)).contains("SOMETIME");
  }

  @Test
  void isDeletedBelongsToDocumentListsOnly() {
    InvalidInput e = refused(query("isDeleted", "true"), ListKind.USAGE);

    assertThat(e.errors()).containsOnlyKeys("isDeleted");
    assertThat(e.errors().get("isDeleted").get(0)).contains("document lists only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", " 1 "})
  void isDeletedTrue(String value) {
    assertThat(ListFilter.parse(query("isDeleted", value), ListKind.DOCUMENTS).includeDeleted()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "False", "0"})
  void isDeletedFalse(String value) {
    assertThat(ListFilter.parse(query("isDeleted", value), ListKind.DOCUMENTS).includeDeleted()).isFalse();
  }

  @Test
  void theDateTypeNamesAreTheContracts() {
    for (ListFilter.DateType type : ListFilter.DateType.values()) {
      assertThat(ListFilter.parse(query("dateType", type.name().toLowerCase()), ListKind.USAGE).dateType())
          .isEqualTo(type);
    }
  }

  @Test
  void anIdentifierThatNormalisesToNothingIsRefused() {
    assertThatThrownBy(() -> ListFilter.parse(query("identifier", " - "), ListKind.USAGE))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("identifier"));
  }
}

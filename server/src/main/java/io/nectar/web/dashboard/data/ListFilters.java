package io.nectar.web.dashboard.data;

import io.nectar.errors.InvalidInput;
import io.nectar.lists.ListFilter;
import io.nectar.lists.ListKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document and usage filters of a list page: the API's own parameters, read by the API's own
 * parser ({@link ListFilter#parse}), so a page filters exactly as {@code GET /document/…} and
 * {@code GET /usage/…} do. A bad value is shown on the page next to the form instead of failing it.
 */
record ListFilters(ListFilter filter, List<String> problems) {
  static final Set<String> DOCUMENT_PARAMETERS = Set.of("startDate", "endDate", "dateType", "datasourceType",
      "identifier", "isDeleted");
  static final Set<String> USAGE_PARAMETERS = Set.of("startDate", "endDate", "dateType", "datasourceType",
      "identifier");

  static ListFilters parse(Map<String, List<String>> query, ListKind kind) {
    Set<String> known = kind == ListKind.DOCUMENTS ? DOCUMENT_PARAMETERS : USAGE_PARAMETERS;
    Map<String, List<String>> asked = new java.util.LinkedHashMap<>();
    // An empty field of the form means "no filter", as leaving the parameter out does.
    query.forEach((name, values) -> {
      List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).toList();
      if (known.contains(name) && !given.isEmpty()) {
        asked.put(name, given);
      }
    });
    try {
      return new ListFilters(ListFilter.parse(asked, kind), List.of());
    } catch (InvalidInput e) {
      List<String> problems = new ArrayList<>();
      e.errors().forEach((field, messages) -> messages.forEach(m -> problems.add(field + ": " + m)));
      return new ListFilters(null, List.copyOf(problems));
    }
  }

  boolean valid() {
    return filter != null;
  }
}

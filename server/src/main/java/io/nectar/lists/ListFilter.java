package io.nectar.lists;

import io.nectar.errors.InvalidInput;
import io.nectar.meters.DatasourceType;
import io.nectar.meters.Identifiers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filters of the document and usage lists (nectar-api.md §1.6): an inclusive date range read
 * as {@code dateType} says (BILL_DATE by default; USAGE_PERIOD matches overlapping periods;
 * CREATED_DATE and UPDATED_DATE compare whole UTC days), repeatable {@code datasourceType},
 * {@code identifier} normalised, and {@code isDeleted} on documents.
 */
public record ListFilter(LocalDate startDate, LocalDate endDate, DateType dateType, List<DatasourceType> types,
    String identifier, boolean includeDeleted) {

  public enum DateType { USAGE_PERIOD, BILL_DATE, CREATED_DATE, UPDATED_DATE }

  /**
   * Reads the filters from a request's query parameters (name to values, as decoded at the HTTP
   * edge); every bad parameter is reported at once.
   *
   * @throws InvalidInput naming each bad parameter
   */
  public static ListFilter parse(Map<String, List<String>> query, ListKind kind) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    LocalDate start = date(first(query, "startDate"), "startDate", errors);
    LocalDate end = date(first(query, "endDate"), "endDate", errors);
    DateType dateType = DateType.BILL_DATE;
    String rawType = first(query, "dateType");
    if (rawType != null) {
      try {
        dateType = DateType.valueOf(rawType.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.put("dateType", List.of("Select a valid choice. " + rawType + " is not one of the available choices."));
      }
    }
    List<DatasourceType> types = new ArrayList<>();
    for (String raw : query.getOrDefault("datasourceType", List.of())) {
      for (String part : raw.split(",")) {
        DatasourceType.parse(part).ifPresentOrElse(types::add, () -> errors.computeIfAbsent("datasourceType",
            k -> new ArrayList<>()).add("Select a valid choice. " + part + " is not one of the available choices."));
      }
    }
    String identifier = null;
    String rawIdentifier = first(query, "identifier");
    if (rawIdentifier != null) {
      identifier = Identifiers.normalize(rawIdentifier);
      if (identifier.isEmpty()) {
        errors.put("identifier", List.of("Ensure this field has at least 1 character."));
      }
    }
    boolean deleted = false;
    String rawDeleted = first(query, "isDeleted");
    if (rawDeleted != null) {
      if (kind != ListKind.DOCUMENTS) {
        errors.put("isDeleted", List.of("This filter applies to document lists only."));
      } else {
        switch (rawDeleted.trim().toLowerCase(Locale.ROOT)) {
          case "true", "1" -> deleted = true;
          case "false", "0" -> deleted = false;
          default -> errors.put("isDeleted", List.of("Must be a valid boolean."));
        }
      }
    }
    if (start != null && end != null && end.isBefore(start)) {
      errors.put("endDate", List.of("endDate must not be before startDate."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return new ListFilter(start, end, dateType, List.copyOf(types), identifier, deleted);
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static LocalDate date(String raw, String name, Map<String, List<String>> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      if (raw.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(raw.trim());
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.put(name, List.of("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
    return null;
  }
}

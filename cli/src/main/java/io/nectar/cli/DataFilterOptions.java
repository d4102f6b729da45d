package io.nectar.cli;

import io.nectar.client.model.DataFilter;
import io.nectar.client.model.DatasourceType;
import io.nectar.client.model.DateType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The filters of the document and usage lists (the API's startDate, endDate, dateType, datasourceType, identifier). */
final class DataFilterOptions {
  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (startDate), inclusive")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (endDate), inclusive")
  String to;

  @Option(names = "--date-type", paramLabel = "TYPE",
      description = "What --from/--to compare: BILL_DATE (default), USAGE_PERIOD, CREATED_DATE or UPDATED_DATE")
  String dateType;

  @Option(names = "--type", paramLabel = "TYPE", split = ",",
      description = "Utility types (datasourceType), e.g. ELECTRICITY,GAS; repeatable")
  List<String> types = new ArrayList<>();

  @Option(names = "--identifier", paramLabel = "ID", description = "A meter identifier (compared normalised)")
  String identifier;

  boolean isEmpty() {
    return from == null && to == null && dateType == null && types.isEmpty() && identifier == null;
  }

  DataFilter toFilter() {
    return toBuilder().build();
  }

  /** The filter's builder, for lists that add to it (documents add isDeleted). */
  DataFilter.Builder toBuilder() {
    DataFilter.Builder filter = DataFilter.builder();
    if (from != null) {
      filter.startDate(date("--from", from));
    }
    if (to != null) {
      filter.endDate(date("--to", to));
    }
    if (dateType != null) {
      filter.dateType(choice("--date-type", dateType, DateType.class));
    }
    if (!types.isEmpty()) {
      filter.datasourceTypes(toFilterTypes());
    }
    if (identifier != null) {
      filter.identifier(identifier);
    }
    return filter;
  }

  List<DatasourceType> toFilterTypes() {
    return types.stream().map(t -> choice("--type", t, DatasourceType.class)).toList();
  }

  static LocalDate date(String option, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " must be a date YYYY-MM-DD, not " + value);
    }
  }

  /** An enum constant by name, any case; a usage error listing the choices otherwise (UNKNOWN is not one). */
  static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
    String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (!constant.name().equals("UNKNOWN") && constant.name().equals(wanted)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      if (!constant.name().equals("UNKNOWN")) {
        names.add(constant.name());
      }
    }
    throw new UsageException(option + " must be one of " + String.join(", ", names) + ", not " + value);
  }
}

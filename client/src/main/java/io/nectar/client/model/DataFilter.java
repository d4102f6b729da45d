package io.nectar.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The filters the document and usage lists share (nectar-api §1.6): a date range (inclusive,
 * matching records that overlap it) compared with {@link DateType} (the server's default is
 * {@code BILL_DATE}), utility types, a meter identifier (normalised by the server, so
 * {@code 013-774-6423} finds {@code 0137746423}) and, for documents only, whether to include
 * deleted ones. Unset filters are not sent. Immutable.
 */
public final class DataFilter {
  /** No filter: every record, the server's defaults. */
  public static final DataFilter NONE = builder().build();

  private final LocalDate startDate;
  private final LocalDate endDate;
  private final DateType dateType;
  private final List<DatasourceType> datasourceTypes;
  private final String identifier;
  private final Boolean isDeleted;

  private DataFilter(Builder builder) {
    this.startDate = builder.startDate;
    this.endDate = builder.endDate;
    this.dateType = builder.dateType;
    this.datasourceTypes = List.copyOf(builder.datasourceTypes);
    this.identifier = builder.identifier;
    this.isDeleted = builder.isDeleted;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The query for a usage list ({@code isDeleted} is not a usage filter, so it is left out). */
  public Map<String, List<String>> usageQuery() {
    return common().build();
  }

  /** The query for a document list. */
  public Map<String, List<String>> documentQuery() {
    return common().add("isDeleted", isDeleted).build();
  }

  private Query common() {
    return new Query().add("startDate", startDate).add("endDate", endDate).add("dateType", dateType)
        .addAll("datasourceType", datasourceTypes).add("identifier", identifier);
  }

  /** Builds a {@link DataFilter}. */
  public static final class Builder {
    private LocalDate startDate;
    private LocalDate endDate;
    private DateType dateType;
    private List<DatasourceType> datasourceTypes = List.of();
    private String identifier;
    private Boolean isDeleted;

    private Builder() {
    }

    public Builder startDate(LocalDate startDate) {
      this.startDate = startDate;
      return this;
    }

    public Builder endDate(LocalDate endDate) {
      this.endDate = endDate;
      return this;
    }

    public Builder dateType(DateType dateType) {
      this.dateType = known(dateType, DateType.UNKNOWN, "dateType");
      return this;
    }

    public Builder datasourceTypes(List<DatasourceType> datasourceTypes) {
      datasourceTypes.forEach(type -> known(type, DatasourceType.UNKNOWN, "datasourceType"));
      this.datasourceTypes = List.copyOf(datasourceTypes);
      return this;
    }

    public Builder datasourceTypes(DatasourceType... datasourceTypes) {
      return datasourceTypes(List.of(datasourceTypes));
    }

    public Builder identifier(String identifier) {
      this.identifier = Fields.requireText(identifier, "identifier");
      return this;
    }

    /** Documents only: {@code true} includes soft-deleted documents with the others. */
    public Builder isDeleted(boolean isDeleted) {
      this.isDeleted = isDeleted;
      return this;
    }

    public DataFilter build() {
      return new DataFilter(this);
    }
  }

  static <E> E known(E value, E unknown, String name) {
    if (Objects.requireNonNull(value, name) == unknown) {
      throw new IllegalArgumentException(name + " UNKNOWN stands for a value read from the server; it cannot be sent");
    }
    return value;
  }
}

package io.nectar.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The filters of the interval list: readings that overlap [{@code start}, {@code end}] (instants,
 * unlike the date filters of the other lists), utility types and a meter identifier. Immutable.
 */
public final class IntervalFilter {
  /** No filter. */
  public static final IntervalFilter NONE = builder().build();

  private final Instant start;
  private final Instant end;
  private final List<DatasourceType> datasourceTypes;
  private final String identifier;

  private IntervalFilter(Builder builder) {
    this.start = builder.start;
    this.end = builder.end;
    this.datasourceTypes = List.copyOf(builder.datasourceTypes);
    this.identifier = builder.identifier;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, List<String>> query() {
    return new Query().add("startDate", start).add("endDate", end).addAll("datasourceType", datasourceTypes)
        .add("identifier", identifier).build();
  }

  /** Builds an {@link IntervalFilter}. */
  public static final class Builder {
    private Instant start;
    private Instant end;
    private List<DatasourceType> datasourceTypes = List.of();
    private String identifier;

    private Builder() {
    }

    /** Only readings that end at or after this instant (sent as {@code startDate}). */
    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    /** Only readings that start at or before this instant (sent as {@code endDate}). */
    public Builder end(Instant end) {
      this.end = end;
      return this;
    }

    public Builder datasourceTypes(List<DatasourceType> datasourceTypes) {
      datasourceTypes.forEach(type -> DataFilter.known(type, DatasourceType.UNKNOWN, "datasourceType"));
      this.datasourceTypes = List.copyOf(datasourceTypes);
      return this;
    }

    public Builder identifier(String identifier) {
      this.identifier = Fields.requireText(identifier, "identifier");
      return this;
    }

    public IntervalFilter build() {
      return new IntervalFilter(this);
    }
  }
}

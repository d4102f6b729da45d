package io.nectar.lists;

import java.time.ZoneOffset;
import org.jdbi.v3.core.statement.Query;

/**
 * The SQL of a {@link ListFilter} on the document table ({@code d}) or the usage table ({@code u}).
 * Both tables carry the columns every filter needs, so no filter joins the other table's rows.
 */
public final class ListFilterSql {
  private static final String BY_IDENTIFIER =
      "(select mi.meter_id from meter_identifier mi where mi.normalized = :identifier)";

  private final ListFilter filter;
  private final boolean usage;

  public ListFilterSql(ListFilter filter, ListKind kind) {
    this.filter = filter;
    this.usage = kind == ListKind.USAGE;
  }

  /** Conditions to append after a {@code where} (each starts with " and "). */
  public String conditions() {
    String t = usage ? "u." : "d.";
    StringBuilder sql = new StringBuilder();
    if (usage) {
      sql.append(" and not u.is_deleted");
    } else if (!filter.includeDeleted()) {
      sql.append(" and d.deleted_at is null");
    }
    switch (filter.dateType()) {
      case BILL_DATE -> {
        if (filter.startDate() != null) {
          sql.append(" and ").append(t).append("bill_date >= :startDate");
        }
        if (filter.endDate() != null) {
          sql.append(" and ").append(t).append("bill_date <= :endDate");
        }
      }
      case USAGE_PERIOD -> {
        // Inclusive overlap: a period touching the range by one day counts.
        if (filter.startDate() != null) {
          sql.append(" and ").append(t).append("end_date >= :startDate");
        }
        if (filter.endDate() != null) {
          sql.append(" and ").append(t).append("start_date <= :endDate");
        }
      }
      case CREATED_DATE, UPDATED_DATE -> {
        String column = t + (filter.dateType() == ListFilter.DateType.CREATED_DATE ? "created_at" : "updated_at");
        if (filter.startDate() != null) {
          sql.append(" and ").append(column).append(" >= :startInstant");
        }
        if (filter.endDate() != null) {
          sql.append(" and ").append(column).append(" < :endInstant");
        }
      }
      default -> throw new IllegalStateException();
    }
    if (!filter.types().isEmpty()) {
      sql.append(usage ? " and u.datasource_type = any(:types)" : " and d.datasource_types && cast(:types as text[])");
    }
    if (filter.identifier() != null) {
      sql.append(usage
          ? " and u.meter_id in " + BY_IDENTIFIER
          : " and d.id in (select iu.document_id from usage_data iu where iu.meter_id in " + BY_IDENTIFIER + ")");
    }
    return sql.toString();
  }

  public Query bind(Query query) {
    boolean byInstant = filter.dateType() == ListFilter.DateType.CREATED_DATE
        || filter.dateType() == ListFilter.DateType.UPDATED_DATE;
    if (filter.startDate() != null) {
      if (byInstant) {
        query.bind("startInstant", filter.startDate().atStartOfDay(ZoneOffset.UTC).toInstant());
      } else {
        query.bind("startDate", filter.startDate());
      }
    }
    if (filter.endDate() != null) {
      if (byInstant) {
        // Created and updated times compare by UTC day: the end day counts whole.
        query.bind("endInstant", filter.endDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
      } else {
        query.bind("endDate", filter.endDate());
      }
    }
    if (!filter.types().isEmpty()) {
      query.bindArray("types", String.class, filter.types().stream().map(Enum::name).toList());
    }
    if (filter.identifier() != null) {
      query.bind("identifier", filter.identifier());
    }
    return query;
  }
}

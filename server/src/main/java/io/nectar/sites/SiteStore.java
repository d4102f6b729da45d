package io.nectar.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL for sites. */
final class SiteStore {
  private static final String COLUMNS = """
      s.id, s.company_id, s.name, s.external_id, s.address, s.path, s.occupancy_percent,
      s.data_collection_stop_date, s.created_at, s.updated_at""";

  /** The sites of {@code companyIds}, in creation order. */
  public List<Site> listByCompanies(Handle h, Collection<UUID> companyIds) {
    if (companyIds.isEmpty()) {
      return List.of();
    }
    return h.createQuery("select " + COLUMNS + " from site s where s.company_id = any(:ids) order by s.created_at, s.id")
        .bindArray("ids", UUID.class, companyIds)
        .map((rs, ctx) -> map(rs)).list();
  }

  public List<Site> byIds(Handle h, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return h.createQuery("select " + COLUMNS + " from site s where s.id = any(:ids)")
        .bindArray("ids", UUID.class, ids).map((rs, ctx) -> map(rs)).list();
  }

  /** The site, unless it or its company is gone (a deleted company's sites go with it). */
  Optional<Site> find(Handle h, UUID id) {
    return h.createQuery("select " + COLUMNS + " " + """
             from site s join company c on c.id = s.company_id
             where s.id = :id and c.deleted_at is null""")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
  }

  void insert(Handle h, Site site) {
    bindAll(h.createUpdate("""
            insert into site (id, company_id, name, external_id, address, path, occupancy_percent,
                              data_collection_stop_date, created_at, updated_at)
            values (:id, :company, :name, :externalId, :address, :path, :occupancy, :stop, :created, :updated)"""),
        site).execute();
  }

  void update(Handle h, Site site) {
    bindAll(h.createUpdate("""
            update site set name = :name, external_id = :externalId, address = :address, path = :path,
              occupancy_percent = :occupancy, data_collection_stop_date = :stop, updated_at = :updated
            where id = :id"""), site).execute();
  }

  private static <S extends SqlStatement<S>> S bindAll(S statement, Site s) {
    return statement.bind("id", s.id()).bind("company", s.companyId()).bind("name", s.name())
        .bind("externalId", s.externalId()).bind("address", s.address())
        .bindArray("path", String.class, s.path())
        .bind("occupancy", s.occupancyPercent()).bind("stop", s.dataCollectionStopDate())
        .bind("created", s.created()).bind("updated", s.updated());
  }

  private static Site map(ResultSet rs) throws SQLException {
    java.sql.Array path = rs.getArray("path");
    return new Site(
        rs.getObject("id", UUID.class),
        rs.getObject("company_id", UUID.class),
        rs.getString("name"),
        rs.getString("external_id"),
        rs.getString("address"),
        path == null ? List.of() : Arrays.asList((String[]) path.getArray()),
        rs.getBigDecimal("occupancy_percent"),
        rs.getObject("data_collection_stop_date", LocalDate.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}

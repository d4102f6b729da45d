package io.nectar.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL for accounts. */
final class AccountStore {
  private static final String COLUMNS = """
      id, connection_id, company_id, account_number, tracking_status, is_duplicated, data_collection_start_date,
      is_collecting_invoice_data, is_collecting_smart_meter_data, last_service_date, created_at, updated_at""";

  public Optional<Account> find(Handle h, UUID id) {
    return h.createQuery("select " + COLUMNS + " from account where id = :id")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
  }

  public List<Account> findAll(Handle h, Collection<UUID> ids) {
    return h.createQuery("select " + COLUMNS + " from account where id = any(:ids) order by created_at, id for update")
        .bindArray("ids", UUID.class, ids).map((rs, ctx) -> map(rs)).list();
  }

  /** How many accounts the company has, connections' and uploads' alike. */
  long countOfCompany(Handle h, UUID companyId) {
    return h.createQuery("select count(*) from account where company_id = :company")
        .bind("company", companyId).mapTo(Long.class).one();
  }

  /** A page of the company's accounts, oldest first (the account_company index's order). */
  List<Account> pageOfCompany(Handle h, UUID companyId, long offset, int limit) {
    return h.createQuery("select " + COLUMNS + " from account where company_id = :company "
            + "order by created_at, id limit :limit offset :offset")
        .bind("company", companyId).bind("limit", limit).bind("offset", offset).map((rs, ctx) -> map(rs)).list();
  }

  long countOfConnection(Handle h, UUID connectionId) {
    return h.createQuery("select count(*) from account where connection_id = :connection")
        .bind("connection", connectionId).mapTo(Long.class).one();
  }

  /** A page of the connection's accounts by number (the order of its unique index). */
  List<Account> pageOfConnection(Handle h, UUID connectionId, long offset, int limit) {
    return h.createQuery("select " + COLUMNS + " from account where connection_id = :connection "
            + "order by account_number limit :limit offset :offset")
        .bind("connection", connectionId).bind("limit", limit).bind("offset", offset).map((rs, ctx) -> map(rs)).list();
  }

  public List<Account> byConnections(Handle h, Collection<UUID> connectionIds) {
    if (connectionIds.isEmpty()) {
      return List.of();
    }
    return h.createQuery("select " + COLUMNS + " from account where connection_id = any(:ids) order by created_at, id")
        .bindArray("ids", UUID.class, connectionIds).map((rs, ctx) -> map(rs)).list();
  }

  /** Inserts the account or returns the id of the one the connection already has with that number. */
  public UUID upsert(Handle h, Account a) {
    return h.createQuery("""
            insert into account (id, connection_id, company_id, account_number, data_collection_start_date,
              is_collecting_invoice_data, is_collecting_smart_meter_data, created_at, updated_at)
            values (:id, :connection, :company, :number, :start, :invoice, :smart, :created, :updated)
            on conflict (connection_id, account_number) do update set account_number = excluded.account_number
            returning id""")
        .bind("id", a.id()).bind("connection", a.connectionId()).bind("company", a.companyId())
        .bind("number", a.accountNumber()).bind("start", a.dataCollectionStartDate())
        .bind("invoice", a.isCollectingInvoiceData()).bind("smart", a.isCollectingSmartMeterData())
        .bind("created", a.created()).bind("updated", a.updated())
        .mapTo(UUID.class).one();
  }

  /** The company's accounts whose number normalises to {@code normalized}, connections' and uploads' alike. */
  public List<Account> byNumber(Handle h, UUID companyId, String normalized) {
    return h.createQuery("select " + COLUMNS + " from account where company_id = :company "
            + "and normalized_identifier(account_number) = :number order by created_at, id")
        .bind("company", companyId).bind("number", normalized).map((rs, ctx) -> map(rs)).list();
  }

  /**
   * Inserts an account read off an uploaded bill (no connection), or returns the id of the company's
   * uploaded account with the same normalised number.
   */
  public UUID upsertUploaded(Handle h, Account a) {
    return h.createQuery("""
            insert into account (id, connection_id, company_id, account_number, data_collection_start_date,
              is_collecting_invoice_data, is_collecting_smart_meter_data, created_at, updated_at)
            values (:id, null, :company, :number, null, true, false, :created, :updated)
            on conflict (company_id, normalized_identifier(account_number)) where connection_id is null
            do update set account_number = account.account_number
            returning id""")
        .bind("id", a.id()).bind("company", a.companyId()).bind("number", a.accountNumber())
        .bind("created", a.created()).bind("updated", a.updated())
        .mapTo(UUID.class).one();
  }

  public void setTracking(Handle h, Collection<UUID> ids, Account.TrackingStatus status, Instant now) {
    h.createUpdate("update account set tracking_status = :status, updated_at = :now where id = any(:ids)")
        .bindArray("ids", UUID.class, ids).bind("status", status.name()).bind("now", now).execute();
  }

  /** Moves the closing date forward to the end of the newest reading. */
  public void extendLastServiceDate(Handle h, UUID id, LocalDate date) {
    h.createUpdate("""
            update account set last_service_date = greatest(coalesce(last_service_date, :date), :date)
            where id = :id""").bind("id", id).bind("date", date).execute();
  }

  private static Account map(ResultSet rs) throws SQLException {
    return new Account(
        rs.getObject("id", UUID.class),
        rs.getObject("connection_id", UUID.class),
        rs.getObject("company_id", UUID.class),
        rs.getString("account_number"),
        Account.TrackingStatus.valueOf(rs.getString("tracking_status")),
        rs.getString("is_duplicated"),
        rs.getObject("data_collection_start_date", LocalDate.class),
        rs.getBoolean("is_collecting_invoice_data"),
        rs.getBoolean("is_collecting_smart_meter_data"),
        rs.getObject("last_service_date", LocalDate.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}

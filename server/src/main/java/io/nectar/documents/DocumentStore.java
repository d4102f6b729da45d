package io.nectar.documents;

import io.nectar.lists.ListFilter;
import io.nectar.lists.ListFilterSql;
import io.nectar.lists.ListKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for documents, their line items and demand readings. */
final class DocumentStore {

  /**
   * Inserts the document unless its connection already has one under the same provider key; false
   * then, so a re-run collection adds nothing twice.
   */
  // Nullable parameters of batches are cast in SQL: a null binds as varchar, which uuid, numeric and
  // date columns refuse.

  public boolean insert(Handle h, Document d) {
    return h.createUpdate("""
            insert into document (id, company_id, connection_id, account_id, site_id, provider_key, bill_date,
              start_date, end_date, due_date, charges_units, utility_company, total_charges, tax_charges,
              source_type, file_name, blob_key, datasource_types, created_at, updated_at)
            values (:id, :company, :connection, :account, :site, :key, :billDate, :start, :end, :due, :units,
              :utility, :total, :tax, :source, :fileName, :blobKey, :types, :created, :updated)
            on conflict (connection_id, provider_key) do nothing""")
        .bindArray("types", String.class, d.datasourceTypes())
        .bind("id", d.id()).bind("company", d.companyId()).bind("connection", d.connectionId())
        .bind("account", d.accountId()).bind("site", d.siteId()).bind("key", d.providerKey())
        .bind("billDate", d.billDate()).bind("start", d.startDate()).bind("end", d.endDate())
        .bind("due", d.dueDate()).bind("units", d.chargesUnits()).bind("utility", d.utilityCompany())
        .bind("total", d.totalCharges()).bind("tax", d.taxCharges()).bind("source", d.sourceType())
        .bind("fileName", d.fileName()).bind("blobKey", d.blobKey())
        .bind("created", d.created()).bind("updated", d.updated())
        .execute() > 0;
  }

  /** Inserts an uploaded bill's document; false when its upload was filed before (nothing written). */
  public boolean insertUploaded(Handle h, Document d, UploadOrigin origin) {
    return h.createUpdate("""
            insert into document (id, company_id, connection_id, account_id, site_id, bill_date, start_date, end_date,
              due_date, charges_units, utility_company, total_charges, tax_charges, status, flagged_status, is_flagged,
              source_type, file_name, blob_key, job_id, notes, revised_document_id, datasource_types, upload_id,
              file_sha256, meter_keys, created_at, updated_at)
            values (:id, :company, null, cast(:account as uuid), cast(:site as uuid), cast(:billDate as date),
              cast(:start as date), cast(:end as date), cast(:due as date), :units, :utility, cast(:total as numeric),
              cast(:tax as numeric), :status, :flaggedStatus, :flagged, :source, :fileName, :blobKey,
              cast(:job as uuid), :notes, cast(:revised as uuid), :types, :upload, :sha256, :meterKeys, :created,
              :updated)
            on conflict (upload_id) where upload_id is not null do nothing""")
        .bindArray("types", String.class, d.datasourceTypes())
        .bindArray("meterKeys", String.class, origin.meterKeys())
        .bind("id", d.id()).bind("company", d.companyId()).bind("account", d.accountId()).bind("site", d.siteId())
        .bind("billDate", d.billDate()).bind("start", d.startDate()).bind("end", d.endDate())
        .bind("due", d.dueDate()).bind("units", d.chargesUnits()).bind("utility", d.utilityCompany())
        .bind("total", d.totalCharges()).bind("tax", d.taxCharges()).bind("status", d.status())
        .bind("flaggedStatus", d.flaggedStatus()).bind("flagged", d.isFlagged()).bind("source", d.sourceType())
        .bind("fileName", d.fileName()).bind("blobKey", d.blobKey()).bind("job", d.jobId()).bind("notes", d.notes())
        .bind("revised", d.revisedDocumentId()).bind("upload", origin.uploadId()).bind("sha256", origin.fileSha256())
        .bind("created", d.created()).bind("updated", d.updated())
        .execute() > 0;
  }

  /**
   * Holds, until the transaction ends, the company's filing lock: uploads of one company are filed one
   * at a time (a few milliseconds each), so two copies of a bill in one job cannot both be new, nor two
   * bills naming one new meter make two meters. Other companies file in parallel.
   */
  public void lockFiling(Handle h, UUID companyId) {
    h.createQuery("select pg_advisory_xact_lock(:space, hashtext(:company))")
        .bind("space", FILING_LOCK_SPACE).bind("company", companyId.toString()).mapTo(String.class).list();
  }

  /** The first key of the two-key advisory lock, naming the lock's purpose (ASCII "FILE"). */
  private static final int FILING_LOCK_SPACE = 0x46494c45;

  public Optional<Document> byUpload(Handle h, UUID uploadId) {
    return h.createQuery("select " + COLUMNS + " from document d where d.upload_id = :upload")
        .bind("upload", uploadId).map((rs, ctx) -> map(rs)).findOne();
  }

  /** The company's oldest document of the same file, deleted ones left out unless a revision replaced them. */
  public Optional<Document> sameFile(Handle h, UUID companyId, String sha256) {
    return h.createQuery("select " + COLUMNS + " from document d where d.company_id = :company "
            + "and d.file_sha256 = :sha256 and " + ON_FILE + " order by d.created_at, d.id limit 1")
        .bind("company", companyId).bind("sha256", sha256).map((rs, ctx) -> map(rs)).findOne();
  }

  /** A document of an account and period, with its stored meter keys (null for collected documents). */
  public record PeriodRow(Document document, List<String> meterKeys) {}

  /** The documents of these accounts for exactly this period, newest first; deleted ones as in {@link #sameFile}. */
  public List<PeriodRow> ofAccountsAndPeriod(Handle h, UUID companyId, Collection<UUID> accountIds, LocalDate start,
      LocalDate end) {
    if (accountIds.isEmpty()) {
      return List.of();
    }
    return h.createQuery("select " + COLUMNS + ", d.meter_keys from document d where d.company_id = :company "
            + "and d.account_id = any(:accounts) and d.end_date = :end and d.start_date = :start and " + ON_FILE
            + " order by d.created_at desc, d.id desc")
        .bind("company", companyId).bindArray("accounts", UUID.class, accountIds)
        .bind("start", start).bind("end", end)
        .map((rs, ctx) -> {
          java.sql.Array keys = rs.getArray("meter_keys");
          return new PeriodRow(map(rs), keys == null ? null : Arrays.asList((String[]) keys.getArray()));
        })
        .list();
  }

  /** For each document, the normalised identifiers of each meter its usage rows are on. */
  public Map<UUID, List<java.util.Set<String>>> usageMeterIdentifiers(Handle h, Collection<UUID> documentIds) {
    Map<UUID, List<java.util.Set<String>>> result = new HashMap<>();
    if (documentIds.isEmpty()) {
      return result;
    }
    h.createQuery("""
            select u.document_id, u.meter_id, array_agg(distinct i.normalized) from usage_data u
            join meter_identifier i on i.meter_id = u.meter_id
            where u.document_id = any(:ids) group by u.document_id, u.meter_id""")
        .bindArray("ids", UUID.class, documentIds)
        .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class),
            java.util.Set.copyOf(Arrays.asList((String[]) rs.getArray(3).getArray()))))
        .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
    return result;
  }

  /**
   * Marks the document SUPERSEDED and soft-deletes it with its usage, so that lists count only its
   * revision; false when it was already deleted.
   */
  public boolean supersede(Handle h, UUID id, Instant now) {
    int changed = h.createUpdate("update document set status = 'SUPERSEDED' where id = :id and deleted_at is null")
        .bind("id", id).execute();
    return changed > 0 && softDelete(h, id, now);
  }

  /** Live documents, and the superseded ones: a bill a revision replaced is still on file. */
  private static final String ON_FILE = "(d.deleted_at is null or d.status = 'SUPERSEDED')";

  public void insertLineItems(Handle h, List<LineItem> items) {
    if (items.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("""
        insert into line_item (id, document_id, position, meter_id, description, quantity, quantity_units, rate,
          total_charge, charge_type, electricity_charge_type, electricity_is_demand, electricity_time_of_use,
          gas_charge_type, billing_period)
        values (:id, :document, :position, cast(:meter as uuid), :description, cast(:quantity as numeric),
          :quantityUnits, cast(:rate as numeric), cast(:total as numeric), :chargeType, :electricityChargeType,
          cast(:electricityIsDemand as boolean), :electricityTimeOfUse, :gasChargeType, :billingPeriod)""");
    for (LineItem i : items) {
      batch.bind("id", i.id()).bind("document", i.documentId()).bind("position", i.position())
          .bind("meter", i.meterId()).bind("description", i.description()).bind("quantity", i.quantity())
          .bind("quantityUnits", i.quantityUnits()).bind("rate", i.rate()).bind("total", i.totalCharge())
          .bind("chargeType", i.chargeType()).bind("electricityChargeType", i.electricityChargeType())
          .bind("electricityIsDemand", i.electricityIsDemand()).bind("electricityTimeOfUse", i.electricityTimeOfUse())
          .bind("gasChargeType", i.gasChargeType()).bind("billingPeriod", i.billingPeriod()).add();
    }
    batch.execute();
  }

  public void insertDemand(Handle h, List<DemandReading> readings) {
    if (readings.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("""
        insert into demand_reading (id, document_id, position, meter_id, start_date, end_date, is_estimated,
          demand_usage, demand_usage_units, description, demand_type)
        values (:id, :document, :position, cast(:meter as uuid), cast(:start as date), cast(:end as date), :estimated,
          :usage, :units, :description, :type)""");
    for (DemandReading r : readings) {
      batch.bind("id", r.id()).bind("document", r.documentId()).bind("position", r.position())
          .bind("meter", r.meterId()).bind("start", r.startDate()).bind("end", r.endDate())
          .bind("estimated", r.isEstimated()).bind("usage", r.demandUsage()).bind("units", r.demandUsageUnits())
          .bind("description", r.description()).bind("type", r.demandType()).add();
    }
    batch.execute();
  }

  /** Which documents a list shows. */
  public enum Scope { COMPANY, SITE, CONNECTION }

  public Optional<Document> find(Handle h, UUID id) {
    return h.createQuery("select " + COLUMNS + " from document d where d.id = :id")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
  }

  public long count(Handle h, Scope scope, UUID id, ListFilter filter) {
    ListFilterSql sql = new ListFilterSql(filter, ListKind.DOCUMENTS);
    return sql.bind(h.createQuery("select count(*) from document d where " + column(scope) + " = :scope"
        + sql.conditions())).bind("scope", id).mapTo(Long.class).one();
  }

  /** A page in list order: bill date (undated last), then id. */
  public List<Document> page(Handle h, Scope scope, UUID id, ListFilter filter, long offset, int limit) {
    ListFilterSql sql = new ListFilterSql(filter, ListKind.DOCUMENTS);
    // Deferred join: the offset is walked over ids in the index alone, then only the page's rows are read.
    return sql.bind(h.createQuery("select " + COLUMNS + " from document d join (select d.id from document d where "
            + column(scope) + " = :scope" + sql.conditions() + " order by d.bill_date, d.id limit :limit offset :offset)"
            + " p on p.id = d.id order by d.bill_date, d.id"))
        .bind("scope", id).bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> map(rs)).list();
  }

  public List<LineItem> lineItems(Handle h, Collection<UUID> documentIds) {
    if (documentIds.isEmpty()) {
      return List.of();
    }
    return h.createQuery("""
            select id, document_id, position, meter_id, description, quantity, quantity_units, rate, total_charge,
              charge_type, electricity_charge_type, electricity_is_demand, electricity_time_of_use, gas_charge_type,
              billing_period
            from line_item where document_id = any(:ids) order by document_id, position""")
        .bindArray("ids", UUID.class, documentIds)
        .map((rs, ctx) -> LineItem.builder()
            .id(rs.getObject(1, UUID.class))
            .documentId(rs.getObject(2, UUID.class))
            .position(rs.getInt(3))
            .meterId(rs.getObject(4, UUID.class))
            .description(rs.getString(5))
            .quantity(rs.getBigDecimal(6))
            .quantityUnits(rs.getString(7))
            .rate(rs.getBigDecimal(8))
            .totalCharge(rs.getBigDecimal(9))
            .chargeType(rs.getString(10))
            .electricityChargeType(rs.getString(11))
            .electricityIsDemand((Boolean) rs.getObject(12))
            .electricityTimeOfUse(rs.getString(13))
            .gasChargeType(rs.getString(14))
            .billingPeriod(rs.getString(15))
            .build())
        .list();
  }

  public List<DemandReading> demand(Handle h, Collection<UUID> documentIds) {
    if (documentIds.isEmpty()) {
      return List.of();
    }
    return h.createQuery("""
            select id, document_id, position, meter_id, start_date, end_date, is_estimated, demand_usage,
              demand_usage_units, description, demand_type
            from demand_reading where document_id = any(:ids) order by document_id, position""")
        .bindArray("ids", UUID.class, documentIds)
        .map((rs, ctx) -> new DemandReading(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
            rs.getObject(4, UUID.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
            rs.getBoolean(7), rs.getBigDecimal(8), rs.getString(9), rs.getString(10), rs.getString(11)))
        .list();
  }

  public Map<UUID, Document> byIds(Handle h, Collection<UUID> ids) {
    Map<UUID, Document> result = new HashMap<>();
    if (!ids.isEmpty()) {
      h.createQuery("select " + COLUMNS + " from document d where d.id = any(:ids)")
          .bindArray("ids", UUID.class, ids).map((rs, ctx) -> map(rs)).forEach(d -> result.put(d.id(), d));
    }
    return result;
  }

  /** Hides the document and its usage; false when it was already deleted. */
  public boolean softDelete(Handle h, UUID id, Instant now) {
    int changed = h.createUpdate("update document set deleted_at = :now, updated_at = :now where id = :id and deleted_at is null")
        .bind("id", id).bind("now", now).execute();
    if (changed > 0) {
      h.createUpdate("update usage_data set is_deleted = true where document_id = :id").bind("id", id).execute();
    }
    return changed > 0;
  }

  public void touch(Handle h, UUID id, Instant now) {
    h.createUpdate("update document set updated_at = :now where id = :id").bind("id", id).bind("now", now).execute();
  }

  /** Records what happened to a document, for its audit trail. */
  public void addEvent(Handle h, DocumentEvent event) {
    h.createUpdate("""
            insert into document_event (id, document_id, at, kind, actor, detail)
            values (:id, :document, :at, :kind, :actor, cast(:detail as jsonb))""")
        .bind("id", event.id()).bind("document", event.documentId()).bind("at", event.at())
        .bind("kind", event.kind()).bind("actor", event.actor()).bind("detail", event.detail())
        .execute();
  }

  public List<DocumentEvent> events(Handle h, UUID documentId) {
    return h.createQuery("select id, document_id, at, kind, actor, detail::text from document_event "
            + "where document_id = :id order by at, id")
        .bind("id", documentId)
        .map((rs, ctx) -> new DocumentEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6)))
        .list();
  }

  private static String column(Scope scope) {
    return switch (scope) {
      case COMPANY -> "d.company_id";
      case SITE -> "d.site_id";
      case CONNECTION -> "d.connection_id";
    };
  }

  private static final String COLUMNS = """
      d.id, d.company_id, d.connection_id, d.account_id, d.site_id, d.provider_key, d.bill_date, d.start_date,
      d.end_date, d.due_date, d.charges_units, d.utility_company, d.total_charges, d.tax_charges, d.status,
      d.flagged_status, d.is_flagged, d.source_type, d.file_name, d.blob_key, d.email, d.job_id, d.notes,
      d.invoice_id, d.revised_document_id, d.datasource_types, d.deleted_at, d.created_at, d.updated_at""";

  private static Document map(ResultSet rs) throws SQLException {
    return Document.builder()
        .id(rs.getObject("id", UUID.class))
        .companyId(rs.getObject("company_id", UUID.class))
        .connectionId(rs.getObject("connection_id", UUID.class))
        .accountId(rs.getObject("account_id", UUID.class))
        .siteId(rs.getObject("site_id", UUID.class))
        .providerKey(rs.getString("provider_key"))
        .billDate(rs.getObject("bill_date", LocalDate.class))
        .startDate(rs.getObject("start_date", LocalDate.class))
        .endDate(rs.getObject("end_date", LocalDate.class))
        .dueDate(rs.getObject("due_date", LocalDate.class))
        .chargesUnits(rs.getString("charges_units"))
        .utilityCompany(rs.getString("utility_company"))
        .totalCharges(rs.getBigDecimal("total_charges"))
        .taxCharges(rs.getBigDecimal("tax_charges"))
        .status(rs.getString("status"))
        .flaggedStatus(rs.getString("flagged_status"))
        .isFlagged(rs.getBoolean("is_flagged"))
        .sourceType(rs.getString("source_type"))
        .fileName(rs.getString("file_name"))
        .blobKey(rs.getString("blob_key"))
        .email(rs.getString("email"))
        .jobId(rs.getObject("job_id", UUID.class))
        .notes(rs.getString("notes"))
        .invoiceId(rs.getString("invoice_id"))
        .revisedDocumentId(rs.getObject("revised_document_id", UUID.class))
        .datasourceTypes(Arrays.asList((String[]) rs.getArray("datasource_types").getArray()))
        .deletedAt(rs.getTimestamp("deleted_at") == null ? null : rs.getTimestamp("deleted_at").toInstant())
        .created(rs.getTimestamp("created_at").toInstant())
        .updated(rs.getTimestamp("updated_at").toInstant())
        .build();
  }

  /** The newest bill date a connection has, if any: where "the next bill" starts. */
  public Optional<LocalDate> latestBillDate(Handle h, UUID connectionId) {
    return h.createQuery("select max(bill_date) from document where connection_id = :id and deleted_at is null")
        .bind("id", connectionId).mapTo(LocalDate.class).findOne();
  }

}

package io.nectar.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for documents, their line items and demand readings. */
public final class DocumentStore {

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
              source_type, file_name, blob_key, created_at, updated_at)
            values (:id, :company, :connection, :account, :site, :key, :billDate, :start, :end, :due, :units,
              :utility, :total, :tax, :source, :fileName, :blobKey, :created, :updated)
            on conflict (connection_id, provider_key) do nothing""")
        .bind("id", d.id()).bind("company", d.companyId()).bind("connection", d.connectionId())
        .bind("account", d.accountId()).bind("site", d.siteId()).bind("key", d.providerKey())
        .bind("billDate", d.billDate()).bind("start", d.startDate()).bind("end", d.endDate())
        .bind("due", d.dueDate()).bind("units", d.chargesUnits()).bind("utility", d.utilityCompany())
        .bind("total", d.totalCharges()).bind("tax", d.taxCharges()).bind("source", d.sourceType())
        .bind("fileName", d.fileName()).bind("blobKey", d.blobKey())
        .bind("created", d.created()).bind("updated", d.updated())
        .execute() > 0;
  }

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

  /** The newest bill date a connection has, if any: where "the next bill" starts. */
  public Optional<LocalDate> latestBillDate(Handle h, UUID connectionId) {
    return h.createQuery("select max(bill_date) from document where connection_id = :id and deleted_at is null")
        .bind("id", connectionId).mapTo(LocalDate.class).findOne();
  }

  public int countForConnection(Handle h, UUID connectionId) {
    return h.createQuery("select count(*) from document where connection_id = :id")
        .bind("id", connectionId).mapTo(Integer.class).one();
  }
}

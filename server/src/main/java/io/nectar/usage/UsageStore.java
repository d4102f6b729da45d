package io.nectar.usage;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for usage data. */
public final class UsageStore {

  public void insertAll(Handle h, List<UsageData> rows) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("""
        insert into usage_data (id, document_id, company_id, meter_id, site_id, connection_id, position,
          datasource_type, start_date, end_date, bill_date, usage, usage_units, is_estimated, current_reading,
          previous_reading, multiplier, tariff, net_metering_generated_kwh, net_metering_grid_import_kwh,
          net_metering_grid_export_kwh, utility_name, country, time_of_use_breakdown, created_at, updated_at)
        values (:id, :document, :company, cast(:meter as uuid), cast(:site as uuid), cast(:connection as uuid), :position, :type, :start, :end, cast(:billDate as date),
          :usage, :units, :estimated, cast(:current as numeric), cast(:previous as numeric),
          cast(:multiplier as numeric), :tariff, cast(:generated as numeric), cast(:gridImport as numeric),
          cast(:gridExport as numeric), :utility, :country, cast(:tou as jsonb), :created, :updated)""");
    for (UsageData u : rows) {
      batch.bind("id", u.id()).bind("document", u.documentId()).bind("company", u.companyId())
          .bind("meter", u.meterId()).bind("site", u.siteId()).bind("connection", u.connectionId())
          .bind("position", u.position()).bind("type", u.datasourceType()).bind("start", u.startDate())
          .bind("end", u.endDate()).bind("billDate", u.billDate()).bind("usage", u.usage())
          .bind("units", u.usageUnits()).bind("estimated", u.isEstimated()).bind("current", u.currentReading())
          .bind("previous", u.previousReading()).bind("multiplier", u.multiplier()).bind("tariff", u.tariff())
          .bind("generated", u.netMeteringGeneratedKwh()).bind("gridImport", u.netMeteringGridImportKwh())
          .bind("gridExport", u.netMeteringGridExportKwh()).bind("utility", u.utilityName())
          .bind("country", u.country()).bind("tou", u.timeOfUseBreakdown())
          .bind("created", u.created()).bind("updated", u.updated()).add();
    }
    batch.execute();
  }
}

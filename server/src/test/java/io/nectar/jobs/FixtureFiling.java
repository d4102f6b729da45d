package io.nectar.jobs;

import io.nectar.parsing.Reading;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * TEST FIXTURE standing in for the filing helper's {@code BillFiler} until it is merged: files a
 * reading as a bare document whose id is the upload's, so that filing the same upload again (a
 * worker died after filing) finds it and files nothing new, as {@link BillFiling} requires.
 */
final class FixtureFiling implements BillFiling {
  /** What a test makes filing wait on after it wrote the document (to stop the server right there). */
  interface AfterFiling {
    void filed() throws InterruptedException;
  }

  private final FilingServices services;
  private final AfterFiling after;

  FixtureFiling(FilingServices services, AfterFiling after) {
    this.services = services;
    this.after = after;
  }

  @Override
  public Filed file(Upload upload, Reading reading) {
    if (!reading.isBill()) {
      return new Filed(Filed.Outcome.NOT_A_BILL, null, "not a utility bill");
    }
    services.jdbi().useTransaction(h -> {
      if (!services.documents().byIds(h, List.of(upload.id())).isEmpty()) {
        return;
      }
      // Straight SQL: DocumentStore does not yet insert a document without a connection (filing adds that).
      Instant now = services.clock().instant().truncatedTo(ChronoUnit.MICROS);
      var bill = reading.bill();
      h.createUpdate("""
              insert into document (id, company_id, site_id, bill_date, start_date, end_date, charges_units,
                total_charges, source_type, file_name, blob_key, job_id, datasource_types, created_at, updated_at)
              values (:id, :company, cast(:site as uuid), :end, :start, :end, :units, :total, 'INVOICE', :name,
                :blob, :job, array[:type], :now, :now)""")
          .bind("id", upload.id()).bind("company", upload.companyId()).bind("site", upload.siteId())
          .bind("start", bill.periodStart().value()).bind("end", bill.periodEnd().value())
          .bind("units", bill.currency().value()).bind("total", bill.totalCharges().value())
          .bind("name", upload.fileName()).bind("blob", upload.blobKey()).bind("job", upload.jobId())
          .bind("type", bill.datasourceType().value()).bind("now", now).execute();
    });
    try {
      after.filed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("stopped after filing", e);
    }
    return new Filed(Filed.Outcome.DOCUMENT, upload.id(), "a new document");
  }
}

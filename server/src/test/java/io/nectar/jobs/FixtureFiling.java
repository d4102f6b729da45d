package io.nectar.jobs;

import io.nectar.documents.Document;
import io.nectar.documents.DocumentEvent;
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
      Instant now = services.clock().instant().truncatedTo(ChronoUnit.MICROS);
      var bill = reading.bill();
      Document document = Document.builder().id(upload.id()).companyId(upload.companyId()).siteId(upload.siteId())
          .billDate(bill.periodEnd().value()).startDate(bill.periodStart().value()).endDate(bill.periodEnd().value())
          .chargesUnits(bill.currency().value()).totalCharges(bill.totalCharges().value()).status("COMPLETE")
          .sourceType("INVOICE").fileName(upload.fileName()).blobKey(upload.blobKey()).jobId(upload.jobId())
          .datasourceTypes(List.of(bill.datasourceType().value())).created(now).updated(now).build();
      services.documents().file(h, document, new DocumentEvent(services.ids().get(), upload.id(), now, "CREATED",
          "upload " + upload.id(), "{}"), List.of(), List.of());
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

package io.nectar.jobs;

import io.nectar.accounts.Account;
import io.nectar.accounts.AccountService;
import io.nectar.documents.BillOnFile;
import io.nectar.documents.Document;
import io.nectar.documents.DocumentService;
import io.nectar.meters.MeterService;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.Field;
import io.nectar.parsing.Reading;
import io.nectar.sites.Site;
import io.nectar.sites.SiteService;
import io.nectar.usage.UsageService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Stages 7 to 9 for one uploaded bill, in one transaction under the company's filing lock: the
 * upload filed before gives its first outcome again; a file that is not a bill creates nothing; the
 * same file, or the same account, meters, period and total as a bill on file, is a duplicate; the
 * same account and period with other figures is a revision, which supersedes the earlier document
 * (see {@link DocumentService#supersede}); otherwise a new document. Meters are matched by
 * normalised identifier within the company, the site by {@code siteId}, a known meter's site, or the
 * service address ({@link SiteMatcher}); a bill no site matches is filed flagged, without usage rows,
 * never on an arbitrary site.
 */
public final class BillFiler implements BillFiling {
  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final SiteService sites;
  private final AccountService accounts;
  private final MeterService meters;
  private final DocumentService documents;
  private final UsageService usage;
  private final SiteMatcher siteMatcher = new SiteMatcher();

  public BillFiler(Jdbi jdbi, Clock clock, Supplier<UUID> ids, SiteService sites, AccountService accounts,
      MeterService meters, DocumentService documents, UsageService usage) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ids = ids;
    this.sites = sites;
    this.accounts = accounts;
    this.meters = meters;
    this.documents = documents;
    this.usage = usage;
  }

  @Override
  public Filed file(Upload upload, Reading reading) {
    return jdbi.inTransaction(h -> {
      documents.lockFiling(h, upload.companyId());
      Optional<Document> filed = documents.byUpload(h, upload.id());
      if (filed.isPresent()) {
        return outcomeOf(filed.get());
      }
      if (!reading.isBill()) {
        return new Filed(Filed.Outcome.NOT_A_BILL, null, "not a utility bill");
      }
      Optional<Document> sameFile = upload.sha256() == null ? Optional.empty()
          : documents.sameFile(h, upload.companyId(), upload.sha256());
      if (sameFile.isPresent()) {
        return new Filed(Filed.Outcome.DUPLICATE, sameFile.get().id(), "the same file as document " + sameFile.get().id());
      }
      return fileNew(h, upload, reading);
    });
  }

  private static Filed outcomeOf(Document d) {
    return d.revisedDocumentId() == null
        ? new Filed(Filed.Outcome.DOCUMENT, d.id(), "filed as document " + d.id())
        : new Filed(Filed.Outcome.REVISION, d.id(), "filed as document " + d.id() + ", a revision of document "
            + d.revisedDocumentId());
  }

  private Filed fileNew(Handle h, Upload upload, Reading reading) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    ExtractedBill bill = reading.bill();
    List<String> flags = new ArrayList<>();
    BillFilerMeters billMeters = BillFilerMeters.read(bill, flags);
    String accountNumber = BillMeterKeys.text(bill.accountNumber());
    List<Account> sameNumber = accountNumber == null ? List.of()
        : accounts.byNumber(h, upload.companyId(), accountNumber);
    LocalDate start = value(bill.periodStart());
    LocalDate end = value(bill.periodEnd());
    BigDecimal total = value(bill.totalCharges());

    List<BillOnFile> samePeriod = accountNumber == null || start == null || end == null || sameNumber.isEmpty()
        ? List.of()
        : documents.billsOfPeriod(h, upload.companyId(), sameNumber.stream().map(Account::id).toList(), start, end);
    for (BillOnFile onFile : samePeriod) {
      if (BillMeterKeys.same(billMeters.keys(), onFile.meters()) && sameAmount(total, onFile.document().totalCharges())) {
        return new Filed(Filed.Outcome.DUPLICATE, onFile.document().id(),
            "the same account, meters, period and total as document " + onFile.document().id());
      }
    }
    List<UUID> revised = samePeriod.stream().filter(b -> !b.superseded())
        .filter(b -> BillMeterKeys.overlap(billMeters.keys(), b.meters())).map(b -> b.document().id()).toList();
    // A reading with problems (a misread scan, most often) must not replace a bill already on file: it is
    // linked and flagged for review, and its usage is left out so that nothing is counted twice.
    boolean doubtfulRevision = !revised.isEmpty() && reading.isFlagged();
    if (doubtfulRevision) {
      flags.add("a possible revision of document " + revised.get(0) + " (other figures for the same account and "
          + "period, read with problems): that document stays counted and this one's usage is left out until checked");
    }

    billMeters.matchKnown(h, meters, upload.companyId(), accountNumber, sameNumber);
    Site site = site(h, upload, bill, billMeters, flags, start);
    UUID accountId = accountNumber == null ? null : billMeters.knownAccount(sameNumber)
        .orElseGet(() -> sameNumber.isEmpty()
            ? accounts.upsertUploaded(h, ids.get(), upload.companyId(), accountNumber, now)
            : sameNumber.get(0).id());
    if (site != null) {
      billMeters.createNew(h, meters, ids, upload.companyId(), site.id(), accountId, accountNumber,
          BillMeterKeys.text(bill.serviceAddress()), now, flags);
    }

    UUID documentId = ids.get();
    BillFilerRows rows = new BillFilerRows(ids, documentId, upload.companyId(), now, bill, billMeters);
    Document document = rows.document(upload, reading, accountId, site, revised.isEmpty() ? null : revised.get(0),
        flags);
    String actor = "upload job " + upload.jobId();
    if (!documents.fileUpload(h, document, billMeters.origin(upload), rows.createdEvent(upload, reading, actor),
        rows.lineItems(), rows.demand())) {
      // The lock makes this unreachable unless the upload was filed by a server without it: its document stands.
      return documents.byUpload(h, upload.id()).map(BillFiler::outcomeOf).orElseThrow();
    }
    if (doubtfulRevision) {
      documents.events().created(h, List.of(documentId));
      return new Filed(Filed.Outcome.DOCUMENT, documentId, "filed as document " + documentId
          + ", flagged as a possible revision of document " + revised.get(0));
    }
    revised.forEach(earlier -> documents.supersede(h, earlier, documentId, actor, now));
    var usageRows = rows.usage(document.billDate());
    usage.insertAll(h, usageRows);
    if (accountId != null) {
      usageRows.stream().map(u -> u.endDate()).max(LocalDate::compareTo)
          .ifPresent(last -> accounts.extendLastServiceDate(h, accountId, last));
    }
    documents.events().created(h, List.of(documentId));
    return revised.isEmpty()
        ? new Filed(Filed.Outcome.DOCUMENT, documentId, "filed as document " + documentId)
        : new Filed(Filed.Outcome.REVISION, documentId, "filed as document " + documentId
            + ", a revision of document " + revised.get(0));
  }

  /**
   * The site the bill is filed under: the one the caller named, else the site of a meter the company
   * already has on this bill, else the one its service address names; null (and a flag) when none.
   */
  private Site site(Handle h, Upload upload, ExtractedBill bill, BillFilerMeters billMeters, List<String> flags,
      LocalDate periodStart) {
    if (upload.siteId() != null) {
      Optional<Site> named = sites.byIds(h, List.of(upload.siteId())).stream()
          .filter(s -> s.companyId().equals(upload.companyId())).findFirst();
      if (named.isPresent()) {
        return named.get();
      }
      flags.add("the site given with the upload is not a site of this company");
    }
    Optional<UUID> knownSite = billMeters.knownSite();
    if (knownSite.isPresent()) {
      return sites.byIds(h, List.of(knownSite.get())).stream().findFirst().orElse(null);
    }
    List<Site> candidates = sites.byCompanies(h, List.of(upload.companyId())).stream()
        .filter(s -> s.dataCollectionStopDate() == null || periodStart == null
            || !s.dataCollectionStopDate().isBefore(periodStart))
        .toList();
    SiteMatch match = siteMatcher.match(BillFilerMeters.serviceAddress(bill), candidates);
    if (match.outcome() == SiteMatch.Outcome.MATCHED) {
      return match.site();
    }
    flags.add("no site matched: " + match.detail() + "; the bill is kept without usage rows until it is given a site");
    return null;
  }

  private static boolean sameAmount(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
  }

  private static <T> T value(Field<T> field) {
    return field == null ? null : field.value();
  }
}

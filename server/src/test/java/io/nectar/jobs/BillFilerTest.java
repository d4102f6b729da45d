package io.nectar.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.app.TestServices;
import io.nectar.keys.Environment;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.ExtractedBill.Demand;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import io.nectar.parsing.Field;
import io.nectar.parsing.FileType;
import io.nectar.parsing.Reading;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Filing uploaded bills into documents, on a real database, from readings built by hand. */
class BillFilerTest {
  private static final String SPRINGFIELD = "123 Main Street, Springfield IL 62701";
  private static TestServer server;
  private static String key;
  private static BillFiler filer;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    key = server.tenant("filing", Environment.PRODUCTION).key();
    TestServices s = TestServices.of(server);
    filer = new BillFiler(s.jdbi(), s.clock(), s.ids(), s.sites(), s.accounts(), s.meters(), s.documents(), s.usage());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aNewBillBecomesADocumentWithUsageLineItemsDemandAndItsEvent() {
    UUID company = company("New bill");
    UUID site = site(company, "Springfield", SPRINGFIELD);
    Upload upload = upload(company, null);

    Filed filed = filer.file(upload, reading(b -> b));

    assertThat(filed.outcome()).isEqualTo(Filed.Outcome.DOCUMENT);
    JsonNode d = document(filed.documentId());
    assertThat(d.get("billDate").asText()).isEqualTo("2024-01-31");
    assertThat(d.get("startDate").asText()).isEqualTo("2024-01-01");
    assertThat(d.get("dueDate").asText()).isEqualTo("2024-02-20");
    assertThat(d.get("jobId").asText()).isEqualTo(upload.jobId().toString());
    assertThat(d.get("fileName").asText()).isEqualTo("bill.pdf");
    assertThat(d.get("sourceType").asText()).isEqualTo("INVOICE");
    assertThat(d.get("chargesUnits").asText()).isEqualTo("USD");
    assertThat(new BigDecimal(d.get("totalCharges").asText())).isEqualByComparingTo("150.00");
    assertThat(new BigDecimal(d.get("taxCharges").asText())).isEqualByComparingTo("10.00");
    assertThat(d.get("isFlagged").asBoolean()).isFalse();
    assertThat(d.get("utilityCompany").asText()).isEqualTo("Springfield Power");
    assertThat(d.get("notes").asText()).contains("Amount due as printed: 175.00 USD");
    assertThat(d.get("usageData")).hasSize(1);
    JsonNode usage = d.get("usageData").get(0);
    assertThat(new BigDecimal(usage.get("usage").asText())).isEqualByComparingTo("1200");
    assertThat(usage.get("usageUnits").asText()).isEqualTo("kWh");
    assertThat(usage.get("site").get("id").asText()).isEqualTo(site.toString());
    assertThat(usage.get("identifiers").get(0).get("value").asText()).isEqualTo("E-100-200");
    assertThat(d.get("lineItems")).hasSize(2);
    assertThat(d.get("lineItems").get(0).get("description").asText()).isEqualTo("Energy charge");
    assertThat(d.get("demandMeters")).hasSize(1);
    assertThat(new BigDecimal(d.get("demandMeters").get(0).get("demandUsage").asText())).isEqualByComparingTo("84.2");
    assertThat(d.get("demandMeters").get(0).get("usageDataIds").get(0).asText()).isEqualTo(usage.get("id").asText());
    assertThat(count("select count(*) from webhook_message where event_type = 'document.created.v2' and payload like '%"
        + filed.documentId() + "%'")).isEqualTo(1);
    assertThat(count("select count(*) from document_event where kind = 'CREATED' and detail->>'statementDate' = "
        + "'2024-02-03' and detail->>'amountDue' = '175.00' and document_id = '" + filed.documentId() + "'"))
        .isEqualTo(1);
  }

  @Test
  void theSameBillUploadedAgainIsADuplicateAndCreatesNothing() {
    UUID company = company("Duplicate");
    site(company, "Springfield", SPRINGFIELD);
    Filed first = filer.file(upload(company, null), reading(b -> b));
    long documents = count("select count(*) from document where company_id = '" + company + "'");

    // Another file (a re-scan), the same account spelled differently, the same meter, period and total.
    Filed again = filer.file(upload(company, null), reading(b -> b.accountNumber(text("0055-1234"))));

    assertThat(again.outcome()).isEqualTo(Filed.Outcome.DUPLICATE);
    assertThat(again.documentId()).isEqualTo(first.documentId());
    assertThat(count("select count(*) from document where company_id = '" + company + "'")).isEqualTo(documents);
  }

  @Test
  void theSameFileIsADuplicateWhateverWasReadOffIt() {
    UUID company = company("Same file");
    site(company, "Springfield", SPRINGFIELD);
    Upload first = upload(company, null);
    Filed filed = filer.file(first, reading(b -> b));
    Upload copy = new Upload(UUID.randomUUID(), UUID.randomUUID(), company, null, "copy.pdf", FileType.PDF,
        "uploads/copy.pdf", first.sha256());

    Filed again = filer.file(copy, reading(b -> b.totalCharges(money("999.99"))));

    assertThat(again.outcome()).isEqualTo(Filed.Outcome.DUPLICATE);
    assertThat(again.documentId()).isEqualTo(filed.documentId());
  }

  @Test
  void otherFiguresForTheSameAccountAndPeriodAreARevisionAndUsageIsCountedOnce() {
    UUID company = company("Revision");
    site(company, "Springfield", SPRINGFIELD);
    Filed first = filer.file(upload(company, null), reading(b -> b));

    Filed revision = filer.file(upload(company, null), reading(b -> b.totalCharges(money("140.00"))
        .meters(List.of(meter("E-100-200", "1100", List.of())))));

    assertThat(revision.outcome()).isEqualTo(Filed.Outcome.REVISION);
    JsonNode d = document(revision.documentId());
    assertThat(d.get("revisedDocumentId").asText()).isEqualTo(first.documentId().toString());
    Response usage = server.get("/v2.2/usage/company/" + company, key);
    assertThat(usage.json().get("totalUsageData").asInt()).isEqualTo(1);
    assertThat(new BigDecimal(usage.json().get("usageData").get(0).get("usage").asText())).isEqualByComparingTo("1100");
    assertThat(server.get("/v2.2/document/company/" + company, key).json().get("totalDocuments").asInt()).isEqualTo(1);
    assertThat(document(first.documentId()).get("status").asText()).isEqualTo("SUPERSEDED");

    // The earlier bill uploaded once more repeats the superseded document; it does not revise the revision.
    Filed earlierAgain = filer.file(upload(company, null), reading(b -> b));
    assertThat(earlierAgain.outcome()).isEqualTo(Filed.Outcome.DUPLICATE);
    assertThat(earlierAgain.documentId()).isEqualTo(first.documentId());
  }

  @Test
  void otherFiguresReadWithProblemsDoNotReplaceTheBillOnFile() {
    UUID company = company("Doubtful revision");
    site(company, "Springfield", SPRINGFIELD);
    Filed first = filer.file(upload(company, null), reading(b -> b));
    Reading misread = reading(b -> b.totalCharges(money("15.00")).meters(List.of(meter("E-100-200", "12", List.of()))));
    misread = new Reading(misread.type(), misread.pages(), true, misread.layout(), misread.detection(), misread.bill(),
        List.of(new io.nectar.parsing.Problem("totalCharges", "the line items sum to 150.00, not 15.00")));

    Filed second = filer.file(upload(company, null), misread);

    assertThat(second.outcome()).isEqualTo(Filed.Outcome.DOCUMENT);
    JsonNode d = document(second.documentId());
    assertThat(d.get("revisedDocumentId").asText()).isEqualTo(first.documentId().toString());
    assertThat(d.get("isFlagged").asBoolean()).isTrue();
    assertThat(d.get("flaggedStatus").asText()).contains("possible revision", first.documentId().toString());
    assertThat(document(first.documentId()).get("status").asText()).isNotEqualTo("SUPERSEDED");
    Response usage = server.get("/v2.2/usage/company/" + company, key);
    assertThat(usage.json().get("totalUsageData").asInt()).isEqualTo(1);
    assertThat(new BigDecimal(usage.json().get("usageData").get(0).get("usage").asText())).isEqualByComparingTo("1200");
  }

  @Test
  void aCloseServiceAddressPicksItsSite() {
    UUID company = company("Close address");
    site(company, "Elsewhere", "9 Oak Avenue, Springfield IL 62704");
    UUID site = site(company, "Springfield", SPRINGFIELD);

    Filed filed = filer.file(upload(company, null), reading(b -> b.serviceAddress(text("123 MAIN ST SPRINGFIELD IL 62701"))));

    JsonNode d = document(filed.documentId());
    assertThat(d.get("isFlagged").asBoolean()).isFalse();
    assertThat(d.get("usageData").get(0).get("site").get("id").asText()).isEqualTo(site.toString());
  }

  @Test
  void aServiceAddressNoSiteMatchesIsFlaggedAndKeptWithoutUsage() {
    UUID company = company("Far address");
    site(company, "Springfield", SPRINGFIELD);

    Filed filed = filer.file(upload(company, null), reading(b -> b.serviceAddress(text("125 Main St, Springfield IL 62701"))));

    JsonNode d = document(filed.documentId());
    assertThat(d.get("isFlagged").asBoolean()).isTrue();
    assertThat(d.get("flaggedStatus").asText()).contains("no site", "125 Main St", "without usage rows");
    assertThat(d.get("usageData")).isEmpty();
    assertThat(d.get("lineItems")).hasSize(2);
    assertThat(count("select count(*) from meter where company_id = '" + company + "'")).isZero();
  }

  @Test
  void theSiteGivenWithTheUploadWinsOverTheAddress() {
    UUID company = company("Given site");
    site(company, "Springfield", SPRINGFIELD);
    UUID given = site(company, "Warehouse", "1 Dock Road, Shelbyville");

    Filed filed = filer.file(upload(company, given), reading(b -> b));

    assertThat(document(filed.documentId()).get("usageData").get(0).get("site").get("id").asText())
        .isEqualTo(given.toString());
  }

  @Test
  void aMeterIsFoundByItsNumberHoweverItIsSpelled() {
    UUID company = company("Meter spelling");
    site(company, "Springfield", SPRINGFIELD);
    Filed january = filer.file(upload(company, null), reading(b -> b.meters(List.of(meter("00-123 456", "10", List.of())))));
    Filed february = filer.file(upload(company, null), reading(b -> b.periodStart(date("2024-02-01"))
        .periodEnd(date("2024-02-29")).meters(List.of(meter("123456", "12", List.of())))));

    assertThat(february.outcome()).isEqualTo(Filed.Outcome.DOCUMENT);
    assertThat(meterOf(february)).isEqualTo(meterOf(january));
    assertThat(count("select count(*) from meter where company_id = '" + company + "'")).isEqualTo(1);
  }

  @Test
  void anotherCompanysMeterWithTheSameNumberIsNeverUsed() {
    UUID other = company("Tenant A");
    site(other, "Springfield", SPRINGFIELD);
    Filed theirs = filer.file(upload(other, null), reading(b -> b));
    UUID company = company("Tenant B");
    UUID site = site(company, "Springfield too", SPRINGFIELD);

    Filed ours = filer.file(upload(company, null), reading(b -> b));

    assertThat(ours.outcome()).isEqualTo(Filed.Outcome.DOCUMENT);
    assertThat(meterOf(ours)).isNotEqualTo(meterOf(theirs));
    JsonNode usage = document(ours.documentId()).get("usageData").get(0);
    assertThat(usage.get("site").get("id").asText()).isEqualTo(site.toString());
    assertThat(count("select count(*) from meter where company_id = '" + company + "'")).isEqualTo(1);
  }

  @Test
  void filingTheSameUploadTwiceGivesTheFirstOutcomeAndCreatesNothing() {
    UUID company = company("Twice");
    site(company, "Springfield", SPRINGFIELD);
    Upload upload = upload(company, null);
    Filed first = filer.file(upload, reading(b -> b));
    long rows = count("select (select count(*) from document) + (select count(*) from usage_data) "
        + "+ (select count(*) from line_item) + (select count(*) from meter) + (select count(*) from webhook_message)");

    Filed second = filer.file(upload, reading(b -> b));

    assertThat(second).isEqualTo(first);
    assertThat(count("select (select count(*) from document) + (select count(*) from usage_data) "
        + "+ (select count(*) from line_item) + (select count(*) from meter) + (select count(*) from webhook_message)"))
        .isEqualTo(rows);
  }

  @Test
  void aFileThatIsNotABillCreatesNothing() {
    UUID company = company("Not a bill");
    Filed filed = filer.file(upload(company, null), new Reading(FileType.PDF, 1, false, null, null, null, List.of()));

    assertThat(filed.outcome()).isEqualTo(Filed.Outcome.NOT_A_BILL);
    assertThat(filed.documentId()).isNull();
    assertThat(count("select count(*) from document where company_id = '" + company + "'")).isZero();
  }

  // --- helpers

  private static Reading reading(UnaryOperator<ExtractedBill.Builder> change) {
    ExtractedBill.Builder bill = ExtractedBill.builder("test")
        .datasourceType(text("ELECTRICITY"))
        .utilityName(text("Springfield Power"))
        .accountNumber(text("55-1234"))
        .serviceAddress(text(SPRINGFIELD))
        .periodStart(date("2024-01-01"))
        .periodEnd(date("2024-01-31"))
        .statementDate(date("2024-02-03"))
        .dueDate(date("2024-02-20"))
        .currency(text("USD"))
        .totalCharges(money("150.00"))
        .amountDue(money("175.00"))
        .taxCharges(money("10.00"))
        .meters(List.of(meter("E-100-200", "1200",
            List.of(new Demand(new BigDecimal("84.2"), "kW", "PEAK", "Billed demand")))))
        .lineItems(List.of(
            new Charge("Energy charge", new BigDecimal("1200"), "kWh", new BigDecimal("0.10"),
                new BigDecimal("140.00"), null, "E-100-200"),
            new Charge("Sales tax", null, null, null, new BigDecimal("10.00"), "TAX", null)));
    return new Reading(FileType.PDF, 1, false, "test", null, change.apply(bill).build(), List.of());
  }

  private static MeterUsage meter(String number, String usage, List<Demand> demand) {
    return new MeterUsage(text(number), null, null, Field.of(new BigDecimal(usage), 0.99, usage), "kWh",
        new BigDecimal(usage), "kWh", new BigDecimal("1000"), new BigDecimal("2200"), BigDecimal.ONE, false, null,
        List.of(), demand);
  }

  private static Field<String> text(String value) {
    return Field.of(value, 0.99, value);
  }

  private static Field<LocalDate> date(String value) {
    return Field.of(LocalDate.parse(value), 0.99, value);
  }

  private static Field<BigDecimal> money(String value) {
    return Field.of(new BigDecimal(value), 0.99, value);
  }

  private static Upload upload(UUID company, UUID siteId) {
    UUID id = UUID.randomUUID();
    return new Upload(id, UUID.randomUUID(), company, siteId, "bill.pdf", FileType.PDF, "uploads/" + id + ".pdf",
        id.toString().replace("-", ""));
  }

  private static UUID company(String name) {
    Response r = server.postJson("/v2.2/company", key, "{\"name\": \"" + name + "\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return UUID.fromString(r.json().get("id").asText());
  }

  private static UUID site(UUID company, String name, String address) {
    Response r = server.postJson("/v2.2/site/company/" + company, key,
        "{\"name\": \"" + name + "\", \"address\": \"" + address + "\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return UUID.fromString(r.json().get("id").asText());
  }

  private static JsonNode document(UUID id) {
    Response r = server.get("/v2.2/document/" + id, key);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static String meterOf(Filed filed) {
    return document(filed.documentId()).get("usageData").get(0).get("meter").asText();
  }

  private static long count(String sql) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}

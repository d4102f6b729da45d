package io.nectar.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nectar.corpus.CorpusGenerator;
import io.nectar.keys.Environment;
import io.nectar.meters.DatasourceType;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Links;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole upload path over real HTTP on a server with its default engine: generated bills of
 * every corpus layout and every sandbox utility, as text PDFs and as scans, end as documents whose
 * figures are the generator's truth; duplicates, re-scans, revisions, letters and site matching.
 */
class UploadEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path corpus;
  static TestServer server;
  static Fixtures fixtures;
  static String key;

  /** How a bill reaches the server. */
  enum Form {
    /** The generator's PDF with its text layer. */
    TEXT_PDF,
    /**
     * Its pages rendered clean at 200 dpi with no text layer (a PNG, or a PDF of page images for
     * two-page bills), so what is tested is the upload path through OCR; the generator's degraded
     * scans measure OCR accuracy and belong to {@code bench/parse.sh}.
     */
    IMAGE
  }

  @BeforeAll
  static void start() throws Exception {
    // One bill per layout and per sandbox utility, from the corpus's default seed.
    CorpusGenerator.main(new String[] {corpus.toString(), "1", "1", "11"});
    server = TestServer.readingBills();
    fixtures = new Fixtures(server);
    key = server.tenant("End to End Org", Environment.SANDBOX).key();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Stream<Arguments> everyLayoutInEveryForm() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> layouts = Files.list(corpus.resolve("text"))) {
      for (Path layout : layouts.sorted().toList()) {
        for (Form form : Form.values()) {
          cases.add(Arguments.of(layout.getFileName().toString(), form));
        }
      }
    }
    assertThat(cases).as("the generator wrote no layouts").hasSizeGreaterThanOrEqualTo(20);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("everyLayoutInEveryForm")
  void aBillBecomesADocumentWithTheFiguresItPrints(String layout, Form form) {
    Path pdf = billFile(layout);
    JsonNode truth = truthOf(pdf);
    TestBills.Scan scan = TestBills.scanned(read(pdf));
    byte[] bytes = form == Form.TEXT_PDF ? read(pdf) : scan.bytes();
    String fileName = form == Form.TEXT_PDF ? pdf.getFileName().toString() : layout + "-image." + scan.extension();
    String company = fixtures.company(key, layout + " " + form);
    String site = fixtures.site(key, company, "Site of " + layout);

    JsonNode job = finished(upload(company, fileName, bytes, site));

    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
    assertThat(job.at("/files/0/outcome").asText()).as(job.toString()).isEqualTo("DOCUMENT");
    JsonNode d = document(job.path("parsedDocumentIds").get(0).asText());
    String seen = d.toPrettyString();
    assertThat(d.path("jobId").asText()).isEqualTo(job.path("id").asText());
    assertThat(d.path("fileName").asText()).isEqualTo(fileName);
    HttpResponse<byte[]> download = Links.get(server, d.path("url").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).as("the stored file").isEqualTo(bytes);
    assertThat(decimal(d.path("totalCharges"))).as(seen).isEqualByComparingTo(decimal(truth.path("totalCharges")));
    assertThat(d.path("billDate").asText()).as(seen).isEqualTo(truth.path("periodEnd").asText());
    assertThat(d.path("isFlagged").asBoolean()).as(seen).isFalse();

    Map<String, BigDecimal> expected = usageByMeter(truth);
    Map<String, BigDecimal> filed = new HashMap<>();
    for (JsonNode usage : d.path("usageData")) {
      assertThat(usage.at("/site/id").asText()).as(seen).isEqualTo(site);
      assertThat(units(usage.path("usageUnits").asText())).as(seen).isEqualTo(units(unitsOf(truth)));
      for (JsonNode identifier : usage.path("identifiers")) {
        filed.merge(identifier.path("value").asText(), decimal(usage.path("usage")), BigDecimal::add);
      }
    }
    assertThat(filed.keySet()).as(seen).containsAll(expected.keySet());
    expected.forEach((meter, value) ->
        assertThat(filed.get(meter)).as(meter + " in " + seen).isEqualByComparingTo(value));

    if (form == Form.TEXT_PDF) {
      assertThat(lineItems(d)).as(seen).containsExactlyInAnyOrderElementsOf(lineItems(truth));
    } else {
      // OCR may spell a description's words otherwise ("1 0" read as "10"); every amount must be there.
      assertThat(amounts(d)).as(seen).containsExactlyInAnyOrderElementsOf(amounts(truth));
    }
    if (!truth.path("demand").isNull()) {
      List<BigDecimal> demand = new ArrayList<>();
      d.path("demandMeters").forEach(m -> demand.add(decimal(m.path("demandUsage"))));
      assertThat(demand).as(seen).anySatisfy(v -> assertThat(v).isEqualByComparingTo(decimal(truth.path("demand"))));
    }
    assertThat(createdEvents(d.path("id").asText())).isEqualTo(1);
  }

  @Test
  void theSameFileTwiceIsADuplicateOfTheFirstDocument() {
    Path file = billFile("gen-gas-ccf");
    String company = fixtures.company(key, "Twice");
    JsonNode first = finished(upload(company, "first.pdf", read(file), null));
    JsonNode second = finished(upload(company, "second.pdf", read(file), null));

    assertThat(first.path("parsedDocumentIds")).as(first.toString()).hasSize(1);
    assertThat(second.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(second.path("parsedDocumentIds")).isEmpty();
    assertThat(second.path("duplicates").asInt()).isEqualTo(1);
    assertThat(second.path("duplicateDocumentIds")).isEqualTo(first.path("parsedDocumentIds"));
    assertThat(documentCount(company)).isEqualTo(1);
  }

  @Test
  void theScanOfABillAlreadyUploadedIsADuplicate() {
    TestBills.SandboxBill bill = TestBills.sandbox(DatasourceType.ELECTRICITY, 41);
    String company = fixtures.company(key, "Rescanned");
    String site = fixtures.site(key, company, "Rescanned site");
    JsonNode first = finished(upload(company, "bill.pdf", bill.pdf(), site));
    JsonNode scan = finished(upload(company, "bill.png", TestBills.scanned(bill.pdf()).bytes(), site));

    assertThat(first.path("parsedDocumentIds")).as(first.toString()).hasSize(1);
    assertThat(scan.path("status").asText()).as(scan.toString()).isEqualTo("COMPLETED");
    assertThat(scan.path("duplicates").asInt()).as(scan.toString()).isEqualTo(1);
    assertThat(scan.path("duplicateDocumentIds")).isEqualTo(first.path("parsedDocumentIds"));
    assertThat(documentCount(company)).isEqualTo(1);
  }

  @Test
  void aCorrectedBillForTheSameAccountAndPeriodRevisesTheFirstAndUsageIsCountedOnce() {
    TestBills.SandboxBill bill = TestBills.sandbox(DatasourceType.GAS, 42);
    TestBills.SandboxBill corrected = TestBills.revised(bill, new BigDecimal("12.34"));
    String company = fixtures.company(key, "Revised");
    String site = fixtures.site(key, company, "Revised site");
    String firstId = finished(upload(company, "bill.pdf", bill.pdf(), site)).path("parsedDocumentIds").get(0).asText();

    JsonNode job = finished(upload(company, "corrected.pdf", corrected.pdf(), site));

    assertThat(job.at("/files/0/outcome").asText()).as(job.toString()).isEqualTo("REVISION");
    JsonNode revision = document(job.path("parsedDocumentIds").get(0).asText());
    assertThat(revision.path("revisedDocumentId").asText()).isEqualTo(firstId);
    assertThat(decimal(revision.path("totalCharges"))).isEqualByComparingTo(corrected.bill().totalCharges());
    JsonNode usage = server.get("/v2.2/usage/company/" + company, key).json();
    assertThat(usage.path("totalUsageData").asInt()).as(usage.toString()).isEqualTo(1);
    assertThat(decimal(usage.at("/usageData/0/usage"))).isEqualByComparingTo(bill.bill().usage().get(0).usage());
  }

  @Test
  void aLetterIsAmongTheNonUtilityFilesAndMakesNoDocument() {
    String company = fixtures.company(key, "Letters");
    JsonNode job = finished(upload(company, "letter.pdf", TestBills.letter("e2e"), null));

    assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(job.path("parsedDocumentIds")).isEmpty();
    assertThat(job.path("nonUtilityDocumentIds")).hasSize(1);
    assertThat(job.path("nonUtilityDocumentIds").get(0).asText()).isEqualTo(job.at("/files/0/id").asText());
    assertThat(documentCount(company)).isZero();
  }

  @Test
  void withoutASiteTheBillGoesToTheSiteAtItsServiceAddress() {
    TestBills.SandboxBill bill = TestBills.sandbox(DatasourceType.WATER, 43);
    String company = fixtures.company(key, "Two sites");
    site(company, "Warehouse", "9 Quarry Lane, Northfield MN 55057");
    String home = site(company, "Served", bill.meter().address());

    JsonNode job = finished(upload(company, "water.pdf", bill.pdf(), null));

    JsonNode d = document(job.path("parsedDocumentIds").get(0).asText());
    assertThat(d.path("isFlagged").asBoolean()).as(d.toString()).isFalse();
    assertThat(d.path("usageData")).isNotEmpty();
    d.path("usageData").forEach(u -> assertThat(u.at("/site/id").asText()).isEqualTo(home));
  }

  // --- helpers

  private static Path billFile(String layout) {
    return corpus.resolve("text").resolve(layout).resolve(layout + "-001.pdf");
  }

  private static JsonNode truthOf(Path file) {
    String name = file.getFileName().toString();
    try {
      return JSON.readTree(file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String upload(String company, String fileName, byte[] bytes, String siteId) {
    FileParts form = new FileParts().file("document", fileName, bytes);
    if (siteId != null) {
      form.field("siteId", siteId);
    }
    Response created = server.sendBytes("POST", "/v2.2/job/company/" + company, key, form.contentType(),
        form.bytes(), Map.of());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private static JsonNode finished(String jobId) {
    return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
        .until(() -> server.get("/v2.2/job/" + jobId, key).json(),
            job -> !job.path("status").asText().equals("PENDING"));
  }

  private static String site(String company, String name, String address) {
    Response r = server.postJson("/v2.2/site/company/" + company, key,
        JSON.createObjectNode().put("name", name).put("address", address).toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private static JsonNode document(String id) {
    Response r = server.get("/v2.2/document/" + id, key);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static int documentCount(String company) {
    return server.get("/v2.2/document/company/" + company, key).json().path("totalDocuments").asInt();
  }

  private static long createdEvents(String documentId) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select count(*) from webhook_message where event_type = 'document.created.v2' and payload like :id")
        .bind("id", "%" + documentId + "%").mapTo(Long.class).one());
  }

  private static BigDecimal decimal(JsonNode node) {
    assertThat(node.isMissingNode() || node.isNull()).as("a missing number").isFalse();
    return new BigDecimal(node.asText());
  }

  /** The truth's usage summed per meter number (a one-meter bill's usage is its meter's). */
  private static Map<String, BigDecimal> usageByMeter(JsonNode truth) {
    Map<String, BigDecimal> byMeter = new HashMap<>();
    for (JsonNode usage : truth.path("usage")) {
      String meter = usage.hasNonNull("meterNumber") ? usage.path("meterNumber").asText()
          : truth.path("meterNumber").asText();
      byMeter.merge(meter, decimal(usage.path("value")), BigDecimal::add);
    }
    return byMeter;
  }

  private static String unitsOf(JsonNode truth) {
    return truth.at("/usage/0/units").asText();
  }

  /** One spelling per unit: the API's "thm (US)" and the truth's "therms" are the same unit. */
  private static String units(String units) {
    String plain = units.toLowerCase(Locale.ROOT).replace(" (us)", "").trim();
    return switch (plain) {
      case "thm", "therm", "therms" -> "therms";
      default -> plain;
    };
  }

  private static List<String> amounts(JsonNode node) {
    List<String> amounts = new ArrayList<>();
    node.path("lineItems").forEach(l -> amounts.add(decimal(l.path("totalCharge")).stripTrailingZeros().toPlainString()));
    return amounts;
  }

  /** Line items as "description = amount" with amounts in plain form, to compare as sets. */
  private static List<String> lineItems(JsonNode node) {
    List<String> lines = new ArrayList<>();
    node.path("lineItems").forEach(l -> lines.add(l.path("description").asText() + " = "
        + decimal(l.path("totalCharge")).stripTrailingZeros().toPlainString()));
    return lines;
  }
}

package io.nectar.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.meters.DatasourceType;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upload jobs over real HTTP on a server with the standard engine: one file in, a job that completes
 * with its document out; tenancy, paging and bad input.
 */
class JobApiTest {
  static TestServer server;
  static Fixtures fixtures;
  static String key;
  static String companyId;

  @BeforeAll
  static void start() {
    server = TestServer.readingBills();
    fixtures = new Fixtures(server);
    key = server.tenant("Upload Org", Environment.SANDBOX).key();
    companyId = fixtures.company(key, "Uploads Inc");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Response upload(String prefix, String key, String companyId, FileParts form) {
    return server.sendBytes("POST", prefix + "/job/company/" + companyId, key, form.contentType(), form.bytes(),
        Map.of());
  }

  static JsonNode finished(String key, String jobId) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> server.get("/v2.2/job/" + jobId, key).json(),
            job -> !job.path("status").asText().equals("PENDING"));
  }

  @Test
  void anUploadedBillIsAPendingJobAtOnceAndThenACompletedOneWithItsDocumentUnderEveryVersion() {
    for (String prefix : Fixtures.PREFIXES) {
      String siteId = fixtures.site(key, companyId, "Plant " + prefix);
      Response created = upload(prefix, key, companyId,
          new FileParts().file("document", "january.pdf", TestBills.sandbox(DatasourceType.ELECTRICITY, prefix.hashCode()).pdf()).field("siteId", siteId));

      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      JsonNode job = created.json();
      assertThat(job.path("status").asText()).isEqualTo("PENDING");
      assertThat(job.path("parsedDocumentIds")).isEmpty();
      assertThat(job.path("duplicates").asInt()).isZero();
      assertThat(job.path("terminationReason").isNull()).isTrue();
      assertThat(job.at("/files/0/fileName").asText()).isEqualTo("january.pdf");

      JsonNode done = finished(key, job.path("id").asText());
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
      assertThat(done.path("parsedDocumentIds")).hasSize(1);
      String documentId = done.path("parsedDocumentIds").get(0).asText();
      assertThat(done.at("/files/0/outcome").asText()).isEqualTo("DOCUMENT");
      assertThat(done.at("/files/0/documentId").asText()).isEqualTo(documentId);
      Response document = server.get(prefix + "/document/" + documentId, key);
      assertThat(document.status()).as(document.toString()).isEqualTo(200);
      assertThat(server.get(prefix + "/job/" + job.path("id").asText(), key).json()).isEqualTo(done);
    }
  }

  @Test
  void theSameFileTwiceIsADuplicateOfTheFirstDocument() {
    byte[] bill = TestBills.sandbox(DatasourceType.GAS, 2).pdf();
    JsonNode first = finished(key, upload("/v2.2", key, companyId, new FileParts().file("document", "a.pdf", bill))
        .json().path("id").asText());
    JsonNode second = finished(key, upload("/v2.2", key, companyId, new FileParts().file("document", "b.pdf", bill))
        .json().path("id").asText());

    assertThat(second.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(second.path("parsedDocumentIds")).isEmpty();
    assertThat(second.path("duplicates").asInt()).isEqualTo(1);
    assertThat(second.path("duplicateDocumentIds")).isEqualTo(first.path("parsedDocumentIds"));
  }

  @Test
  void aPdfThatIsNotABillCompletesWithTheFileAmongTheNonUtilityIds() {
    JsonNode done = finished(key, upload("/v2.2", key, companyId,
        new FileParts().file("document", "letter.pdf", TestBills.letter("1"))).json().path("id").asText());

    assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("parsedDocumentIds")).isEmpty();
    assertThat(done.path("nonUtilityDocumentIds").get(0).asText()).isEqualTo(done.at("/files/0/id").asText());
  }

  @Test
  void aFileThatIsNotAPdfPngOrJpegIsAcceptedAndTerminatesWithTheReason() {
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
    Response created = upload("/v2.2", key, companyId, new FileParts().file("document", "bill.pdf", zip));
    assertThat(created.status()).isEqualTo(201);

    JsonNode done = finished(key, created.json().path("id").asText());
    assertThat(done.path("status").asText()).isEqualTo("TERMINATED");
    assertThat(done.path("terminationReason").asText()).contains("not a PDF, PNG or JPEG");
    assertThat(done.at("/files/0/outcome").asText()).isEqualTo("UNREADABLE");
  }

  @Test
  void aCompanysJobsArePagedNewestFirstInTheUsualEnvelope() {
    String key = server.tenant("Paging Org", Environment.SANDBOX).key();
    String company = fixtures.company(key, "Many Jobs");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      server.clock().advance(Duration.ofSeconds(1));
      Response created = upload("/v2.2", key, company, new FileParts().file("document", "n" + i, new byte[] {'x'}));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      ids.add(0, created.json().path("id").asText());
    }

    JsonNode first = server.get("/v2.2/job/company/" + company, key).json();
    JsonNode second = server.get("/v2.1/job/company/" + company + "?page=2", key).json();
    JsonNode past = server.get("/v2/job/company/" + company + "?page=9", key).json();

    assertThat(first.path("totalJobs").asInt()).isEqualTo(101);
    assertThat(first.path("perPage").asInt()).isEqualTo(100);
    assertThat(first.path("totalPages").asInt()).isEqualTo(2);
    assertThat(first.path("hasNext").asBoolean()).isTrue();
    assertThat(second.path("hasPrevious").asBoolean()).isTrue();
    assertThat(past.path("currentPage").asInt()).isEqualTo(2);
    List<String> listed = new ArrayList<>();
    first.path("jobs").forEach(j -> listed.add(j.path("id").asText()));
    second.path("jobs").forEach(j -> listed.add(j.path("id").asText()));
    assertThat(listed).isEqualTo(ids);
    assertThat(server.get("/v2.2/job/company/" + company + "?page=0", key).status()).isEqualTo(400);
  }

  @Test
  void anotherTenantsCompanyAndJobAreForbiddenAndUnknownOnesNotFound() {
    String jobId = upload("/v2.2", key, companyId, new FileParts().file("document", "t.pdf", TestBills.sandbox(DatasourceType.WATER, 3).pdf()))
        .json().path("id").asText();
    String otherOrg = server.tenant("Other Org", Environment.SANDBOX).key();
    String production = server.tenant("Upload Org", Environment.PRODUCTION).key();
    FileParts form = new FileParts().file("document", "x.pdf", TestBills.sandbox(DatasourceType.WATER, 4).pdf());
    String bulk = "{\"documents\": [\"https://example.com/a.pdf\"]}";

    for (String stranger : List.of(otherOrg, production)) {
      assertThat(upload("/v2.2", stranger, companyId, form).status()).isEqualTo(403);
      assertThat(server.postJson("/v2.2/job/company/" + companyId + "/bulk", stranger, bulk).status()).isEqualTo(403);
      assertThat(server.get("/v2.2/job/company/" + companyId, stranger).status()).isEqualTo(403);
      Response job = server.get("/v2.2/job/" + jobId, stranger);
      assertThat(job.status()).isEqualTo(403);
      assertThat(job.detail()).isEqualTo(Fixtures.FORBIDDEN);
    }
    String nobody = UUID.randomUUID().toString();
    assertThat(upload("/v2.2", key, nobody, form).status()).isEqualTo(404);
    assertThat(server.postJson("/v2.2/job/company/" + nobody + "/bulk", key, bulk).status()).isEqualTo(404);
    assertThat(server.get("/v2.2/job/company/" + nobody, key).status()).isEqualTo(404);
    assertThat(server.get("/v2.2/job/" + nobody, key).detail()).isEqualTo("Job not found.");
    assertThat(server.get("/v2.2/job/not-an-id", key).status()).isEqualTo(404);
    assertThat(server.get("/v2.2/job/" + jobId, null).status()).isEqualTo(401);
  }

  @Test
  void badUploadsAreRefusedWithTheFieldThatIsWrong() {
    String otherCompany = fixtures.company(key, "Elsewhere");
    String otherSite = fixtures.site(key, otherCompany, "Not here");
    byte[] bill = TestBills.sandbox(DatasourceType.FUEL, 5).pdf();

    assertThat(errors(upload("/v2.2", key, companyId, new FileParts().field("siteId", otherSite)), "document"))
        .containsExactly("No file was submitted.");
    assertThat(errors(upload("/v2.2", key, companyId, new FileParts().file("document", "e.pdf", new byte[0])),
        "document")).containsExactly("The submitted file is empty.");
    Response wrongName = upload("/v2.2", key, companyId, new FileParts().file("file", "b.pdf", bill));
    assertThat(errors(wrongName, "file")).containsExactly("Unknown field.");
    assertThat(errors(wrongName, "document")).containsExactly("No file was submitted.");
    assertThat(errors(upload("/v2.2", key, companyId, new FileParts().field("document", "bill.pdf")), "document"))
        .allMatch(m -> m.contains("not a file"));
    assertThat(errors(upload("/v2.2", key, companyId,
        new FileParts().file("document", "b.pdf", bill).field("siteId", otherSite)), "siteId")).hasSize(1);
    assertThat(errors(upload("/v2.2", key, companyId,
        new FileParts().file("document", "b.pdf", bill).field("siteId", UUID.randomUUID().toString())), "siteId"))
        .hasSize(1);
    assertThat(errors(upload("/v2.2", key, companyId,
        new FileParts().file("document", "b.pdf", bill).field("siteId", "plant-7")), "siteId"))
        .containsExactly("Must be a valid UUID.");
    Response json = server.postJson("/v2.2/job/company/" + companyId, key, "{\"document\": \"bill.pdf\"}");
    assertThat(json.status()).isEqualTo(415);
    assertThat(json.detail()).contains("multipart/form-data");
  }

  @Test
  void aFileOverTwentyFiveMegabytesIsRefusedWith413AndTheLimit() {
    byte[] big = new byte[(int) JobService.MAX_FILE_BYTES + 1];
    big[0] = '%';
    Response response = upload("/v2.2", key, companyId, new FileParts().file("document", "big.pdf", big));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.detail()).contains("25 MB");
    // A form far over the limit is refused from its Content-Length before it is read: HostileUploadTest sends
    // only its head, since a client still writing the body may see the connection close instead of the 413.
  }

  @Test
  void badBulkRequestsAreRefusedWithTheFieldThatIsWrong() {
    String path = "/v2.2/job/company/" + companyId + "/bulk";
    assertThat(server.postJson(path, key, "{\"documents\": [").status()).isEqualTo(400);
    assertThat(errors(server.postJson(path, key, "{}"), "documents")).containsExactly("This field is required.");
    assertThat(errors(server.postJson(path, key, "{\"documents\": []}"), "documents"))
        .containsExactly("This list may not be empty.");
    assertThat(errors(server.postJson(path, key, "{\"documents\": [\"http://example.com/a.pdf\"]}"), "documents"))
        .containsExactly("Item 0: The URL must use https.");
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= JobService.MAX_URLS; i++) {
      many.add("https://example.com/" + i + ".pdf");
    }
    assertThat(errors(server.postJson(path, key, "{\"documents\": " + Fixtures.array(many) + "}"), "documents"))
        .containsExactly("Ensure this field has no more than 100 elements.");
    assertThat(errors(server.postJson(path, key,
        "{\"documents\": [\"https://example.com/a.pdf\"], \"siteId\": \"x\"}"), "siteId"))
        .containsExactly("Must be a valid UUID.");
    assertThat(errors(server.postJson(path, key,
        "{\"documents\": [\"https://example.com/a.pdf\"], \"extra\": 1}"), "extra")).containsExactly("Unknown field.");
  }

  @Test
  void aBulkUrlOnThisServersOwnNetworkIsRefusedWhenFetchedAndTheJobSaysSo() {
    Response created = server.postJson("/v2.2/job/company/" + companyId + "/bulk", key,
        "{\"documents\": [\"https://127.0.0.1:9/bill.pdf\", \"https://169.254.169.254/latest/meta-data\"]}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    JsonNode done = finished(key, created.json().path("id").asText());
    assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("terminationReason").asText()).startsWith("2 of 2 files were not read")
        .contains("NECTAR_ALLOW_PRIVATE_TARGETS");
    assertThat(done.at("/files/0/outcome").asText()).isEqualTo("FETCH_FAILED");
  }

  static List<String> errors(Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    List<String> messages = new ArrayList<>();
    response.json().path("errors").path(field).forEach(m -> messages.add(m.asText()));
    return messages;
  }
}

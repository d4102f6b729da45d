package io.nectar.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nectar.client.NectarClient;
import io.nectar.client.model.Company;
import io.nectar.client.model.Connection;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.DatasourceType;
import io.nectar.client.model.Document;
import io.nectar.client.model.Job;
import io.nectar.client.model.JobFile;
import io.nectar.client.model.JobStatus;
import io.nectar.client.model.NewCompany;
import io.nectar.client.model.NewConnection;
import io.nectar.client.model.NewSite;
import io.nectar.client.model.Site;
import io.nectar.keys.Environment;
import io.nectar.testing.Links;
import io.nectar.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads through the SDK to a server that reads bills: a bill the sandbox utility issued (its PDF,
 * downloaded from the document's link) becomes a document of another company once
 * {@code jobs().waitFor} sees the job finish, and the same file uploaded again is a duplicate.
 */
class SdkJobsTest {
  static TestServer server;
  static NectarClient nectar;
  static Path bill;

  @TempDir
  static Path folder;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.readingBills();
    nectar = NectarClient.builder().apiKey(server.tenant("Jobs Org", Environment.SANDBOX).key())
        .baseUrl(server.baseUrl() + "/v2.2").build();
    bill = sandboxBill();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A gas bill PDF as the sandbox utility issues it, saved to a file as a user would have it. */
  private static Path sandboxBill() throws IOException {
    Company utilityCustomer = nectar.companies().create(NewCompany.builder("Sandbox Customer").build());
    Site site = nectar.sites().create(utilityCustomer.id(), NewSite.builder("HQ").build());
    Connection connection = nectar.connections().create(utilityCustomer.id(), NewConnection.builder(
        "https://nectarclimate.com", "nectar-sandbox-username", "nectar-sandbox-password", List.of(site.id()), "US")
        .datasourceTypes(List.of(DatasourceType.GAS)).build());
    await().atMost(Duration.ofSeconds(60)).until(() ->
        nectar.documents().listByConnection(connection.id(), DataFilter.NONE).total().orElse(0) > 0);
    Document issued = nectar.documents().listByConnection(connection.id(), DataFilter.NONE).items().get(0);
    HttpResponse<byte[]> pdf = Links.get(server, issued.url());
    assertThat(pdf.statusCode()).isEqualTo(200);
    return Files.write(folder.resolve(issued.fileName()), pdf.body());
  }

  @Test
  void anUploadedBillBecomesADocumentOnceTheJobIsWaitedForAndASecondUploadIsADuplicate() {
    Company company = nectar.companies().create(NewCompany.builder("Uploading Co").build());
    Site site = nectar.sites().create(company.id(), NewSite.builder("Plant").build());

    Job queued = nectar.jobs().upload(company.id(), bill, site.id());
    assertThat(queued.company()).isEqualTo(company.id());
    Job done = nectar.jobs().waitFor(queued.id(), Duration.ofSeconds(120));

    assertThat(done.status()).as(done.toString()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.files()).singleElement().satisfies(f -> {
      assertThat(f.fileName()).isEqualTo(bill.getFileName().toString());
      assertThat(f.outcome()).isEqualTo(JobFile.Outcome.DOCUMENT);
    });
    assertThat(done.parsedDocumentIds()).hasSize(1);
    Document document = nectar.documents().get(done.parsedDocumentIds().get(0));
    assertThat(document.jobId()).isEqualTo(done.id());
    assertThat(document.company()).isEqualTo(company.id());
    assertThat(document.totalCharges()).isPositive();
    assertThat(nectar.jobs().list(company.id()).stream()).extracting(Job::id).contains(done.id());

    Job again = nectar.jobs().waitFor(nectar.jobs().upload(company.id(), bill, site.id()).id(),
        Duration.ofSeconds(120));
    assertThat(again.status()).as(again.toString()).isEqualTo(JobStatus.COMPLETED);
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(again.duplicateDocumentIds()).containsExactly(document.id());
    assertThat(again.parsedDocumentIds()).isEmpty();
  }
}

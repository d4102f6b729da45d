package io.nectar.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nectar.keys.Environment;
import io.nectar.meters.DatasourceType;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deleting a company removes the files its upload jobs stored, as it removes its documents' files. */
class UploadPurgeTest {
  static TestServer server;
  static Fixtures fixtures;
  static Jdbi jdbi;

  @BeforeAll
  static void start() {
    server = TestServer.readingBills();
    fixtures = new Fixtures(server);
    jdbi = server.server().database().jdbi();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aDeletedCompanysUploadedFilesAreGoneFromTheDataFolder() {
    String key = server.tenant("Upload Purge Org", Environment.SANDBOX).key();
    String companyId = fixtures.company(key, "Leaving Inc");
    byte[] pdf = TestBills.sandbox(DatasourceType.GAS, 41).pdf();
    FileParts form = new FileParts().file("document", "gas.pdf", pdf);
    Response job = server.sendBytes("POST", "/v2.2/job/company/" + companyId, key, form.contentType(), form.bytes(),
        Map.of());
    assertThat(job.status()).as(job.toString()).isEqualTo(201);
    String jobId = job.json().get("id").asText();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> server.get("/v2.2/job/" + jobId, key).json().path("status").asText(), s -> !s.equals("PENDING"));
    List<Path> files = jdbi.withHandle(h -> h.createQuery(
            "select blob_key from job_upload where company_id = :company and blob_key is not null")
        .bind("company", UUID.fromString(companyId)).mapTo(String.class).list()).stream()
        .map(blobKey -> server.server().config().dataDir().resolve("blobs").resolve(blobKey)).toList();
    assertThat(files).as("the upload's stored file").isNotEmpty().allSatisfy(file -> assertThat(file).isRegularFile());

    assertThat(server.delete("/v2.2/company/" + companyId, key).status()).isEqualTo(204);

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(files).allSatisfy(gone -> assertThat(gone).doesNotExist()));
    assertThat(fixtures.count("select count(*) from job_upload where company_id = '" + companyId + "'")).isZero();
  }
}

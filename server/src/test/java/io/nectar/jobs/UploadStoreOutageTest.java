package io.nectar.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.app.StandardUploads;
import io.nectar.keys.Environment;
import io.nectar.meters.DatasourceType;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.S3Server;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the worker fetches while the store of files is away waits for the store: it goes back to the
 * queue with its attempt not counted, and is read once the store is back. Counted, a long outage would
 * end every waiting file as FAILED.
 */
class UploadStoreOutageTest {
  private static final HeldCertificate LOCALHOST = new HeldCertificate.Builder().commonName("localhost")
      .addSubjectAlternativeName("localhost").build();

  @TempDir
  Path bucketFolder;

  @Test
  void aFileFetchedDuringAStoreOutageWaitsUncountedAndIsReadWhenTheStoreIsBack() throws Exception {
    byte[] bill = TestBills.sandbox(DatasourceType.ELECTRICITY, 5).pdf();
    S3Server s3 = S3Server.inFolder(Files.createDirectories(bucketFolder.resolve("s3")));
    int s3Port = s3.endpoint().getPort();
    try (MockWebServer files = new MockWebServer()) {
      files.useHttps(new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build().sslSocketFactory());
      for (int i = 0; i < 10; i++) {
        files.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/pdf")
            .body(new Buffer().write(bill)).build());
      }
      files.start();
      var trust = new HandshakeCertificates.Builder().addTrustedCertificate(LOCALHOST.certificate()).build()
          .sslContext();
      Map<String, String> settings = new HashMap<>(s3.settings());
      settings.put("NECTAR_ALLOW_PRIVATE_TARGETS", "true");
      try (TestServer server = TestServer.start(settings, new ProviderRegistry(new SandboxProvider()),
          TestDatabase.freshDatabaseUrl(), config -> StandardUploads.of(config).trusting(trust))) {
        String key = server.tenant("Outage Org", Environment.SANDBOX).key();
        String company = new Fixtures(server).company(key, "Outage Co");

        s3.close();
        Response created = server.postJson("/v2.2/job/company/" + company + "/bulk", key,
            "{\"documents\": [\"https://localhost:" + files.getPort() + "/march.pdf\"], \"siteId\": null}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String job = created.json().path("id").asText();

        // The worker fetched the file and could not store it: back in the queue, no attempt spent.
        await().atMost(Duration.ofSeconds(30)).until(() -> files.getRequestCount() >= 1 && fileRow(server, job)
            .equals("PENDING/0"));
        s3 = S3Server.inFolder(bucketFolder.resolve("s3"), s3Port);

        JsonNode done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> server.get("/v2.2/job/" + job, key).json(), j -> j.path("status").asText().equals("COMPLETED"));
        assertThat(done.at("/files/0/outcome").asText()).as(done.toString()).isEqualTo("DOCUMENT");
        assertThat(s3.objectKeys(S3Server.BUCKET, "files/uploads/")).hasSize(1);
      }
    } finally {
      s3.close();
    }
  }

  private static String fileRow(TestServer server, String job) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select state || '/' || attempts from job_upload where job_id = cast(:job as uuid)")
        .bind("job", job).mapTo(String.class).one());
  }
}

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
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk upload by URL against a local HTTPS server whose self-signed certificate the fetcher trusts. */
class BulkUploadTest {
  private static final HeldCertificate LOCALHOST = new HeldCertificate.Builder().commonName("localhost")
      .addSubjectAlternativeName("localhost").build();

  private static final byte[] MARCH = TestBills.sandbox(DatasourceType.ELECTRICITY, 3).pdf();
  private static final byte[] APRIL = TestBills.sandbox(DatasourceType.ELECTRICITY, 4).pdf();

  private final MockWebServer files = new MockWebServer();
  private TestServer server;

  @BeforeEach
  void startFileServer() throws Exception {
    files.useHttps(new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build().sslSocketFactory());
    files.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        return switch (path) {
          case "/bills/march.pdf" -> pdf(MARCH);
          case "/bills/april.pdf" -> pdf(APRIL);
          case "/moved" -> new MockResponse.Builder().code(302).setHeader("Location", "/bills/april.pdf").build();
          case "/to-plain-http" -> new MockResponse.Builder().code(302)
              .setHeader("Location", "http://localhost:" + files.getPort() + "/bills/march.pdf").build();
          default -> new MockResponse.Builder().code(404).build();
        };
      }
    });
    files.start();
  }

  private static MockResponse pdf(byte[] bytes) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/pdf")
        .body(new Buffer().write(bytes)).build();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    files.close();
  }

  private void startServer(String allowPrivateTargets) {
    var trust = new HandshakeCertificates.Builder().addTrustedCertificate(LOCALHOST.certificate()).build().sslContext();
    server = TestServer.start(Map.of("NECTAR_ALLOW_PRIVATE_TARGETS", allowPrivateTargets),
        new ProviderRegistry(new SandboxProvider()), TestDatabase.freshDatabaseUrl(),
        config -> StandardUploads.of(config).trusting(trust));
  }

  private String url(String path) {
    return "https://localhost:" + files.getPort() + path;
  }

  private JsonNode submitAndWait(String key, String companyId, String... paths) {
    StringBuilder urls = new StringBuilder();
    for (String path : paths) {
      urls.append(urls.length() == 0 ? "" : ", ").append('"').append(url(path)).append('"');
    }
    Response created = server.postJson("/v2.2/job/company/" + companyId + "/bulk", key,
        "{\"documents\": [" + urls + "], \"siteId\": null}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("files")).hasSize(paths.length);
    String jobId = created.json().path("id").asText();
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> server.get("/v2.2/job/" + jobId, key).json(), j -> !j.path("status").asText().equals("PENDING"));
  }

  @Test
  void eachUrlBecomesAFileOfTheJobAndAFailedFetchIsThatFilesOutcome() {
    startServer("true");
    String key = server.tenant("Bulk Org", Environment.SANDBOX).key();
    String companyId = new Fixtures(server).company(key, "Bulk Co");

    JsonNode job = submitAndWait(key, companyId, "/bills/march.pdf", "/moved", "/missing.pdf", "/to-plain-http");

    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
    assertThat(job.path("parsedDocumentIds")).hasSize(2);
    assertThat(job.at("/files/0/fileName").asText()).isEqualTo("march.pdf");
    assertThat(job.at("/files/1/outcome").asText()).isEqualTo("DOCUMENT");
    assertThat(job.at("/files/2/outcome").asText()).isEqualTo("FETCH_FAILED");
    assertThat(job.at("/files/2/reason").asText()).contains("HTTP 404");
    assertThat(job.at("/files/3/outcome").asText()).isEqualTo("FETCH_FAILED");
    assertThat(job.at("/files/3/reason").asText()).contains("redirected to http://").contains("must use https");
    assertThat(job.path("terminationReason").asText()).startsWith("2 of 4 files were not read");
    Response documents = server.get("/v2.2/document/company/" + companyId, key);
    assertThat(documents.json().path("totalDocuments").asInt()).isEqualTo(2);
  }

  @Test
  void aLoopbackUrlIsRefusedUnlessPrivateTargetsAreAllowed() throws Exception {
    startServer("false");
    String key = server.tenant("Bulk Org", Environment.SANDBOX).key();
    String companyId = new Fixtures(server).company(key, "Bulk Co");

    JsonNode job = submitAndWait(key, companyId, "/bills/march.pdf");

    assertThat(job.at("/files/0/outcome").asText()).isEqualTo("FETCH_FAILED");
    assertThat(job.at("/files/0/reason").asText()).contains("refused").contains("NECTAR_ALLOW_PRIVATE_TARGETS");
    assertThat(files.getRequestCount()).isZero();
  }
}

package io.nectar.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.app.BillReading;
import io.nectar.app.StandardUploads;
import io.nectar.keys.Environment;
import io.nectar.meters.DatasourceType;
import io.nectar.parsing.Reading;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A server that stops in the middle of a job, after filing the document and before recording it
 * (as kill -9 would leave it): the next server on the database takes the file again once its lease
 * has run out, and the job completes with exactly one document.
 */
class UploadRecoveryTest {
  /** A lease short enough that the second server takes the file again within a second. */
  private static final UploadEngine.Settings QUICK_LEASE = new UploadEngine.Settings(2, Duration.ofMillis(900),
      Duration.ofMillis(100), 3, Duration.ofSeconds(10));

  /**
   * The real filing, then a hang that ignores interrupts, like a process that died right after the
   * document was written and before the job recorded it: the only way to stop a worker at that point.
   */
  private static final class HangsAfterFiling implements BillFiling {
    private final BillFiling filing;
    private final CountDownLatch filed;
    private final CountDownLatch letGo;

    HangsAfterFiling(BillFiling filing, CountDownLatch filed, CountDownLatch letGo) {
      this.filing = filing;
      this.filed = filed;
      this.letGo = letGo;
    }

    @Override
    public Filed file(Upload upload, Reading reading) {
      Filed outcome = filing.file(upload, reading);
      filed.countDown();
      boolean interrupted = false;
      while (letGo.getCount() > 0) {
        try {
          letGo.await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return outcome;
    }
  }

  @Test
  void aJobInterruptedAfterFilingCompletesAfterARestartWithExactlyOneDocument() {
    String database = TestDatabase.freshDatabaseUrl();
    // The same data folder across the restart, as a real server has: the stored file is there.
    Map<String, String> settings = Map.of("NECTAR_DATA_DIR", TestServer.tempDir().toString());
    CountDownLatch filed = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    TestServer first = TestServer.start(settings, new ProviderRegistry(new SandboxProvider()), database,
        config -> new UploadEngine(new BillReading(config.billReading()).reader(BillReading.Unmatched.GENERIC),
            s -> new HangsAfterFiling(new BillFiler(s.jdbi(), s.clock(), s.ids(), s.sites(), s.accounts(), s.meters(),
                s.documents(), s.usage()), filed, letGo), null, QUICK_LEASE));
    TestServer second = null;
    try {
      String key = first.tenant("Restart Org", Environment.SANDBOX).key();
      String companyId = new Fixtures(first).company(key, "Restart Co");
      FileParts form = new FileParts().file("document", "bill.pdf", TestBills.sandbox(DatasourceType.GAS, 9).pdf());
      Response created = first.sendBytes("POST", "/v2.2/job/company/" + companyId, key, form.contentType(),
          form.bytes(), Map.of());
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String jobId = created.json().path("id").asText();
      await().atMost(Duration.ofSeconds(30)).until(() -> filed.getCount() == 0);
      first.close();

      second = TestServer.start(settings, new ProviderRegistry(new SandboxProvider()), database,
          config -> StandardUploads.of(config).with(QUICK_LEASE));
      TestServer restarted = second;
      JsonNode job = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> restarted.get("/v2.2/job/" + jobId, key).json(),
              j -> !j.path("status").asText().equals("PENDING"));

      assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
      assertThat(job.path("parsedDocumentIds")).hasSize(1);
      JsonNode documents = second.get("/v2.2/document/company/" + companyId, key).json();
      assertThat(documents.path("totalDocuments").asInt()).isEqualTo(1);
      assertThat(documents.at("/documents/0/id").asText()).isEqualTo(job.path("parsedDocumentIds").get(0).asText());
      assertThat(job.at("/files/0/outcome").asText()).isEqualTo("DOCUMENT");
    } finally {
      letGo.countDown();
      if (second != null) {
        second.close();
      }
    }
  }
}

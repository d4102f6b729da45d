package io.nectar.client;

import static io.nectar.client.Responses.job;
import static io.nectar.client.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.client.model.Job;
import io.nectar.client.model.JobStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsTest {
  private static final UUID COMPANY = UUID.fromString("0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c");
  private static final UUID SITE = UUID.fromString("0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5d");
  private static final String JOB_ID = "0190f3a2-d587-7fb3-9a99-0d1e2f3a4b5c";

  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private NectarClient nectar;

  @BeforeEach
  void start() throws IOException {
    server.start();
    nectar = NectarClient.builder().apiKey("k").baseUrl(server.url("/v2.2").toString())
        .sleeper(sleeper).clock(sleeper).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void uploadSendsTheFileAndSiteAsMultipartFormData(@TempDir Path folder) throws Exception {
    byte[] pdf = "%PDF-1.4 a bill \r\n--not-a-boundary\r\n\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(folder.resolve("december bill.PDF"), pdf);
    server.enqueue(json(201, job(JOB_ID, "PENDING")));

    Job job = nectar.jobs().upload(COMPANY, file, SITE);

    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v2.2/job/company/" + COMPANY);
    assertThat(request.getHeaders().get("Idempotency-Key")).isNotBlank();
    String contentType = request.getHeaders().get("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
    String body = request.getBody().string(StandardCharsets.ISO_8859_1);
    String expected = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"document\"; filename=\"december bill.PDF\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n"
        + new String(pdf, StandardCharsets.ISO_8859_1) + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"siteId\"\r\n\r\n"
        + SITE + "\r\n"
        + "--" + boundary + "--\r\n";
    assertThat(body).isEqualTo(expected);
  }

  @Test
  void aRetriedUploadSendsTheSameBytesUnderTheSameKey(@TempDir Path folder) throws Exception {
    Path file = Files.write(folder.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    server.enqueue(Responses.status(503));
    server.enqueue(json(201, job(JOB_ID, "PENDING")));

    nectar.jobs().upload(COMPANY, file);

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getBody()).isEqualTo(first.getBody());
    assertThat(second.getHeaders().get("Content-Type")).isEqualTo(first.getHeaders().get("Content-Type"));
    assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo(first.getHeaders().get("Idempotency-Key"));
    assertThat(first.getBody().utf8()).contains("Content-Type: image/png").doesNotContain("siteId");
  }

  @Test
  void uploadUrlsSendsTheUrlsAsJson() throws InterruptedException {
    server.enqueue(json(201, job(JOB_ID, "PENDING")));

    nectar.jobs().uploadUrls(COMPANY, List.of(URI.create("https://files.example/a.pdf")), SITE);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v2.2/job/company/" + COMPANY + "/bulk");
    assertThat(request.getBody().utf8())
        .isEqualTo("{\"documents\":[\"https://files.example/a.pdf\"],\"siteId\":\"" + SITE + "\"}");
  }

  @Test
  void waitForPollsUntilTheJobLeavesPendingWithGrowingPauses() {
    server.enqueue(json(job(JOB_ID, "PENDING")));
    server.enqueue(json(job(JOB_ID, "PENDING")));
    server.enqueue(json(job(JOB_ID, "PENDING")));
    server.enqueue(json(job(JOB_ID, "COMPLETED")));

    Job job = nectar.jobs().waitFor(UUID.fromString(JOB_ID), Duration.ofMinutes(1));

    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofMillis(1125));
  }

  @Test
  void waitForReturnsThePendingJobOnceTheTimeoutHasPassed() {
    for (int i = 0; i < 50; i++) {
      server.enqueue(json(job(JOB_ID, "PENDING")));
    }

    Job job = nectar.jobs().waitFor(UUID.fromString(JOB_ID), Duration.ofSeconds(20));

    assertThat(job.isTerminal()).isFalse();
    assertThat(sleeper.waits().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(20));
    assertThat(sleeper.waits()).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(5)));
  }

  @Test
  void aJobThatFailsIsFinishedToo() {
    server.enqueue(json(job(JOB_ID, "TERMINATED")));

    assertThat(nectar.jobs().waitFor(UUID.fromString(JOB_ID), Duration.ofMinutes(1)).status())
        .isEqualTo(JobStatus.TERMINATED);
    assertThat(sleeper.waits()).isEmpty();
  }
}

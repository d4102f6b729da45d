package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** upload, export usage and webhook listen against a stand-in API. */
class WorkflowCommandsTest {
  private static final String COMPANY = "0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c";

  FakeApi api;

  @TempDir
  Path state;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Map<String, String> env() {
    Map<String, String> env = CliRun.env(api.url(), "nk_test_1");
    env.put("NECTAR_STATE_DIR", state.toString());
    return env;
  }

  @Test
  void uploadSendsTenAtATimeWaitsForTheJobsSummarisesAndARerunSendsOnlyTheFailedFile(@TempDir Path bills)
      throws Exception {
    for (int i = 0; i < 25; i++) {
      Files.writeString(bills.resolve(String.format("bill-%02d.pdf", i)), "bill " + i);
    }
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch tenArrived = new CountDownLatch(10);
    Map<String, String> fileOfJob = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    AtomicInteger jobs = new AtomicInteger();
    api.on("POST", "/job/company/" + COMPANY, r -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      tenArrived.countDown();
      try {
        // Hold the first ten until all ten are here: proves they are in flight together.
        tenArrived.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String body = r.getBody().utf8();
      String file = body.substring(body.indexOf("filename=\"") + 10, body.indexOf("\"", body.indexOf("filename=\"") + 10));
      String id = String.format("00000000-0000-0000-0000-%012d", jobs.incrementAndGet());
      fileOfJob.put(id, file);
      inFlight.decrementAndGet();
      return FakeApi.json(201, job(id, "PENDING", ""));
    });
    api.on("GET", "/job/", r -> FakeApi.json(200, ""));
    for (int i = 1; i <= 25; i++) {
      String id = String.format("00000000-0000-0000-0000-%012d", i);
      api.on("GET", "/job/" + id, r -> {
        String file = fileOfJob.get(id);
        // Each job is pending on its first poll, then done.
        if (polls.computeIfAbsent(id, x -> new AtomicInteger()).incrementAndGet() == 1) {
          return FakeApi.json(200, job(id, "PENDING", ""));
        }
        return FakeApi.json(200, file.equals("bill-03.pdf") ? job(id, "FAILED", "\"terminationReason\": \"OCR missing\"")
            : file.equals("bill-04.pdf") ? job(id, "COMPLETED", "\"duplicates\": 1, \"duplicateDocumentIds\": [\"" + id + "\"]")
            : file.equals("bill-05.pdf") ? job(id, "COMPLETED", "\"nonUtilityDocumentIds\": [\"" + id + "\"]")
            : job(id, "COMPLETED", "\"parsedDocumentIds\": [\"" + id + "\"]"));
      });
    }

    CliRun first = CliRun.of(env(), "upload", bills.toString(), "--company", COMPANY);

    assertThat(first.code()).as("a failed file makes the run fail").isEqualTo(1);
    assertThat(most.get()).isEqualTo(10);
    assertThat(first.out()).startsWith("25 files found: 25 uploaded, 0 skipped");
    assertThat(first.out()).contains("Parsed         22").contains("Duplicates     1\n  bill-04.pdf  same as document")
        .contains("Not bills      1\n  bill-05.pdf").contains("Failed         1\n  bill-03.pdf  FAILED: OCR missing");
    assertThat(api.requests("POST", "/job/company/")).hasSize(25);

    CliRun second = CliRun.of(env(), "upload", bills.toString(), "--company", COMPANY);

    assertThat(api.requests("POST", "/job/company/")).as("only the failed file is sent again").hasSize(26);
    assertThat(second.out()).startsWith("25 files found: 1 uploaded, 24 skipped");
    assertThat(fileOfJob.get("00000000-0000-0000-0000-000000000026")).isEqualTo("bill-03.pdf");
  }

  @Test
  void aWrongKeyStopsTheUploadAtOnceWithOneLine(@TempDir Path bills) throws Exception {
    for (int i = 0; i < 30; i++) {
      Files.writeString(bills.resolve("b" + i + ".png"), "b" + i);
    }
    api.on("POST", "/job/company/" + COMPANY, 401, "{\"detail\": \"Invalid API key.\"}");

    CliRun run = CliRun.of(env(), "upload", bills.toString(), "--company", COMPANY);

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("nectar api: 401 Invalid API key. (request id req-401)\n");
    assertThat(api.requests("POST", "/job/company/").size()).isLessThan(30);
  }

  @Test
  void exportFollowsEveryPageQuotesTextAndKeepsDecimalsAsTheApiWroteThem() {
    api.on("GET", "/usage/company/" + COMPANY, r -> {
      String page = r.getUrl().queryParameter("page");
      boolean second = "2".equals(page);
      return FakeApi.json(200, """
          {"totalUsageData": 3, "perPage": 2, "totalPages": 2, "currentPage": %d, "hasNext": %s, "hasPrevious": %s,
           "usageData": [%s]}""".formatted(second ? 2 : 1, !second, second,
          second ? usage("00000000-0000-0000-0000-0000000000a3", "0.000100", "Plant, \\\"North\\\"")
              : usage("00000000-0000-0000-0000-0000000000a1", "56176.0040", "HQ") + "," + usage("00000000-0000-0000-0000-0000000000a2", "-12", "HQ")));
    });

    CliRun run = CliRun.of(env(), "export", "usage", "--company", COMPANY, "--from", "2024-01-01", "--to",
        "2024-12-31", "--type", "gas");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().split("\r\n")).hasSize(4);
    assertThat(run.out()).contains("00000000-0000-0000-0000-0000000000a1,00000000-0000-0000-0000-0000000000b1,E-8812,"
        + "METER=E-8812; ACCOUNT=4402,00000000-0000-0000-0000-0000000000c1,HQ,GAS,2024-01-01,2024-01-31,56176.0040,")
        .contains(",-12,").contains(",0.000100,").contains(",\"Plant, \"\"North\"\"\",");
    assertThat(run.err()).contains("Exported 3 usage rows.").doesNotContain("00000000-0000-0000-0000-0000000000a1");
    String query = api.requests.get(0).getUrl().query();
    assertThat(query).contains("startDate=2024-01-01").contains("endDate=2024-12-31").contains("datasourceType=GAS");
  }

  @Test
  void webhookListenPrintsVerifiedEventsAndRefusesForgedOnes() throws Exception {
    String secret = "whsec_" + Base64.getEncoder().encodeToString("a secret of thirty-two bytes!!!!".getBytes());
    Stop stop = new Stop();
    java.io.StringWriter err = new java.io.StringWriter();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Context context = Context.builder().environment(Map.of()).stdout(out).err(new java.io.PrintWriter(err, true))
        .stop(stop).build();
    Thread listening = new Thread(() -> NectarCli.run(context, "webhook", "listen", "--port", "0", "--secret", secret));
    listening.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> err.toString().contains("Listening"));
      String port = err.toString().replaceAll("(?s).*:(\\d+)/.*", "$1");
      String body = "{\"eventType\": \"webhook.test\", \"id\": \"e-1\", \"message\": \"hello\"}";
      long now = Instant.now().getEpochSecond();

      int good = post(port, body, Map.of("webhook-id", "msg-1", "webhook-timestamp", String.valueOf(now),
          "webhook-signature", "v1," + sign(secret, "msg-1." + now + "." + body)));
      int forged = post(port, body.replace("hello", "evil"), Map.of("webhook-id", "msg-2", "webhook-timestamp",
          String.valueOf(now), "webhook-signature", "v1," + sign(secret, "msg-2." + now + "." + body)));
      int notAWebhook = post(port, body, Map.of());

      assertThat(good).isEqualTo(200);
      assertThat(forged).isEqualTo(401);
      assertThat(notAWebhook).isEqualTo(400);
      await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).lines().count() == 3);
      assertThat(out.toString(StandardCharsets.UTF_8).lines()).satisfiesExactly(
          l -> assertThat(l).contains("webhook.test").contains("msg-1").contains("message=hello"),
          l -> assertThat(l).startsWith("REFUSED 401  msg-2  No matching signature"),
          l -> assertThat(l).startsWith("REFUSED 400  -  not a webhook"));
    } finally {
      stop.stop();
      listening.join(10_000);
    }
    assertThat(listening.isAlive()).isFalse();
  }

  private static int post(String port, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hooks"))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static String sign(String secret, String signed) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }

  private static String job(String id, String status, String extra) {
    String json = """
        {"id": "%s", "status": "%s", "parsedDocumentIds": [], "duplicates": 0, "duplicateDocumentIds": [],
         "nonUtilityDocumentIds": [], "terminationReason": null, "company": "%s", "siteId": null,
         "created": "2024-02-03T10:15:30Z", "updated": "2024-02-03T10:15:30Z", "files": []}""".formatted(id, status,
        COMPANY);
    if (extra.isEmpty()) {
      return json;
    }
    // Later keys win in Jackson: the extra fields override the defaults above.
    return json.substring(0, json.lastIndexOf('}')) + ", " + extra + "}";
  }

  private static String usage(String id, String amount, String siteName) {
    return """
        {"id": "%s", "startDate": "2024-01-01", "endDate": "2024-01-31", "usage": "%s", "usageUnits": "thm (US)",
         "isEstimated": false, "meter": "00000000-0000-0000-0000-0000000000b1", "datasourceType": "GAS", "utilityName": "Gas Co",
         "site": {"id": "00000000-0000-0000-0000-0000000000c1", "name": "%s"},
         "identifiers": [{"rawName": "Meter", "value": "E-8812", "name": "METER"},
                         {"rawName": "Account", "value": "4402", "name": "ACCOUNT"}],
         "created": "2024-02-01T00:00:00Z", "updated": "2024-02-01T00:00:00Z"}""".formatted(id, amount, siteName);
  }
}

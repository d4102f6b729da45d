package io.nectar.web.hosted;

import static io.nectar.web.hosted.HostedWorld.login;
import static io.nectar.web.hosted.HostedWorld.path;
import static io.nectar.web.hosted.HostedWorld.pickSandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.http.Json;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Receiver;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other paths of the hosted flow over real HTTP: the utility's one-time code (and that its trust
 * holds at the next background check), a reconnect invitation, the legacy company and edit magic
 * links, uploading bills instead, and the events integrators receive, legacy types included.
 */
class HostedConnectionFlowTest {
  /** A small but real PDF: what the upload page takes; the test server does not read it. */
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
      + "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

  static TestServer server;
  static HostedWorld world;
  static Receiver legacy;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("NECTAR_ALLOW_PRIVATE_TARGETS", "true"));
    world = new HostedWorld(server, "Hosted Connections Org");
    legacy = new Receiver();
    Response endpoint = server.postJson("/v2.2/webhook/endpoint", world.key, "{\"url\": \"" + legacy.url()
        + "\", \"eventTypes\": [\"connection.created\", \"connection.updated\", \"connection.validated\"]}");
    assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (legacy != null) {
      legacy.close();
    }
  }

  @Test
  void aUtilityAskingForACodeConnectsWithSixDigitsAndStaysConnectedAtTheNextCheck() throws Exception {
    String[] company = world.companyWithSite("Mfa Co");
    JsonNode invitation = world.inviteFor(company, "");
    HostedBrowser browser = world.browser();
    HostedBrowser.Page credentials = pickSandbox(browser, browser.open(path(invitation.path("invitationUrl").asText())));

    HostedBrowser.Page mfa = login(browser, credentials, "nectar-sandbox-mfa", Fixtures.PASSWORD);
    assertThat(mfa.step()).as(mfa.toString()).isEqualTo("MFA");
    String connectionId = world.connections(company[0]).get(0).path("id").asText();
    assertThat(world.connection(connectionId).path("status").asText()).isEqualTo("MFA_TOKEN_EXPIRED");

    HostedBrowser.Page wrong = browser.submit(mfa, "mfa", "code", "12345");
    assertThat(wrong.step()).isEqualTo("MFA");
    assertThat(wrong.notice()).get().asString().contains("six digits");
    assertThat(world.connection(connectionId).path("status").asText()).isEqualTo("MFA_TOKEN_EXPIRED");

    HostedBrowser.Page done = browser.submit(wrong, "mfa", "code", "482 913");
    assertThat(done.step()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.outcome()).isEqualTo("CONNECTED");
    assertThat(done.connectionId()).isEqualTo(connectionId);
    JsonNode connected = world.connection(connectionId);
    assertThat(connected.path("status").asText()).isEqualTo("CONNECTED");
    assertThat(world.messagesAbout("connection.updated.v2", connectionId)).isNotEmpty();
    assertThat(world.messagesAbout("connection.validated.v2", connectionId)).isNotEmpty();
    assertThat(world.invitationEvents(invitation.path("id").asText())).containsExactly("CREATED", "VIEWED", "USED");

    String checkedAt = connected.path("statusLastUpdateTime").asText();
    server.clock().advance(Duration.ofDays(8));
    try {
      server.server().jobs().queueDueValidations();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          world.connection(connectionId).path("statusLastUpdateTime").asText()).isGreaterThan(checkedAt));
      assertThat(world.connection(connectionId).path("status").asText())
          .as("the trust token the code gave is used by the weekly check").isEqualTo("CONNECTED");
    } finally {
      server.clock().advance(Duration.ofDays(-8));
    }
  }

  @Test
  void aReconnectInvitationOpensOnTheCredentialFormAndSavesTheNewLogin() {
    String[] company = world.companyWithSite("Reconnect Co");
    String connectionId = world.fixtures.connection(world.key, company[0], Fixtures.USERNAME, "old-wrong-pass-77",
        List.of(company[1]), 1, "");
    assertThat(world.connection(connectionId).path("status").asText()).isEqualTo("INCORRECT_PASSWORD");
    Response created = server.postJson("/v2.2/invitation/connection/" + connectionId, world.key, "{\"maxUses\": 1}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asText();
    HostedBrowser browser = world.browser();

    HostedBrowser.Page form = browser.open(path(created.json().path("invitationUrl").asText()));
    assertThat(form.step()).as(form.toString()).isEqualTo("CREDENTIALS");
    assertThat(form.body()).contains("action=\"" + form.visit() + "/reconnect\"");
    assertThat(form.inputValue("username")).contains(Fixtures.USERNAME);
    assertThat(form.inputValue("password")).contains("");

    HostedBrowser.Page refused = browser.submit(form, "reconnect", "username", Fixtures.USERNAME,
        "password", "still-wrong-pass-88");
    assertThat(refused.notice()).isPresent();
    assertThat(refused.body()).doesNotContain("still-wrong-pass-88");
    assertThat(world.invitation(id).path("useCount").asInt()).isZero();

    HostedBrowser.Page done = browser.submit(refused, "reconnect", "username", Fixtures.USERNAME,
        "password", Fixtures.PASSWORD);
    assertThat(done.step()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.outcome()).isEqualTo("CONNECTED");
    assertThat(world.connection(connectionId).path("status").asText()).isEqualTo("CONNECTED");
    List<String> updates = world.messagesAbout("connection.updated.v2", connectionId);
    assertThat(updates).isNotEmpty();
    JsonNode update = json(updates.get(updates.size() - 1));
    assertThat(update.path("protectedChanges").isArray()).isTrue();
    assertThat(update.path("protectedChanges")).isNotEmpty();
    JsonNode used = world.invitation(id);
    assertThat(used.path("useCount").asInt()).isEqualTo(1);
    assertThat(used.path("status").asText()).isEqualTo("FULFILLED");
    assertThat(world.invitationEvents(id)).containsExactly("CREATED", "VIEWED", "USED");
    assertThat(world.connections(company[0])).as("a reconnect creates nothing").hasSize(1);
    assertThat(browser.get(path(created.json().path("invitationUrl").asText())).status()).isEqualTo(410);
  }

  @Test
  void theCompanyMagicLinkConnectsAndAnAlteredSecretIsNotFound() {
    String[] company = world.companyWithSite("Magic Co");
    Response link = server.postJson("/v2.2/connection/company/" + company[0] + "/link", world.key,
        "{\"sites\": [\"" + company[1] + "\"], \"dataCollectionStartDate\": \"" + Fixtures.monthsAgo(1) + "\"}");
    assertThat(link.status()).as(link.toString()).isEqualTo(200);
    String url = path(link.json().path("magicLinkUrl").asText());
    assertThat(url).isEqualTo("/p/connect/" + link.json().path("publicCompanyId").asText() + "/"
        + link.json().path("companyMagicLinkSecret").asText());
    HostedBrowser browser = world.browser();

    HostedBrowser.Page done = login(browser, pickSandbox(browser, browser.open(url)), Fixtures.USERNAME,
        Fixtures.PASSWORD);
    assertThat(done.outcome()).as(done.toString()).isEqualTo("CONNECTED");
    assertThat(world.connections(company[0])).extracting(c -> c.path("id").asText())
        .containsExactly(done.connectionId());
    legacy.await(d -> d.eventType().equals("connection.created")
        && d.json().path("id").asText().equals(done.connectionId()), 1);
    assertThat(world.messagesAbout("connection.created.v2", done.connectionId())).hasSize(1);

    for (String altered : List.of(alter(url), url.replace("/p/connect/" + link.json().path("publicCompanyId").asText(),
        "/p/connect/" + company[0]))) {
      HostedBrowser.Page notFound = browser.get(altered);
      assertThat(notFound.status()).as(altered).isEqualTo(404);
      assertThat(notFound.step()).isEqualTo("CLOSED");
    }
  }

  @Test
  void theEditLinkRepairsItsConnectionAndAnAlteredSecretIsNotFound() {
    String[] company = world.companyWithSite("Edit Co");
    String connectionId = world.fixtures.connection(world.key, company[0], Fixtures.USERNAME, "old-wrong-pass-99",
        List.of(company[1]), 1, "");
    Response link = server.get("/v2.2/connection/" + connectionId, world.key);
    assertThat(link.status()).as(link.toString()).isEqualTo(200);
    String url = "/p/connect/" + link.json().path("publicCompanyId").asText() + "/workflow/"
        + link.json().path("connectionMagicLinkSecret").asText();
    HostedBrowser browser = world.browser();

    HostedBrowser.Page form = browser.open(url);
    assertThat(form.step()).as(form.toString()).isEqualTo("CREDENTIALS");
    assertThat(form.inputValue("username")).contains(Fixtures.USERNAME);
    HostedBrowser.Page done = browser.submit(form, "reconnect", "username", Fixtures.USERNAME,
        "password", Fixtures.PASSWORD);
    assertThat(done.outcome()).as(done.toString()).isEqualTo("CONNECTED");
    assertThat(world.connection(connectionId).path("status").asText()).isEqualTo("CONNECTED");
    legacy.await(d -> d.eventType().equals("connection.updated") && d.json().path("id").asText().equals(connectionId),
        1);

    HostedBrowser.Page notFound = browser.get(alter(url));
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.step()).isEqualTo("CLOSED");
  }

  @Test
  void billsUploadedInsteadBecomeJobsOfTheCompanyAndOnlyItsJobsAreReported() {
    String[] company = world.companyWithSite("Upload Co");
    String[] other = world.companyWithSite("Other Upload Co");
    JsonNode invitation = world.inviteFor(company, "");
    HostedBrowser browser = world.browser();
    HostedBrowser.Page start = browser.open(path(invitation.path("invitationUrl").asText()));
    assertThat(start.links()).contains(start.visit() + "?upload=1");
    HostedBrowser.Page upload = browser.get(start.visit() + "?upload=1");
    assertThat(upload.step()).isEqualTo("UPLOAD");

    HostedBrowser.Page sent = browser.postMultipart(upload.visit() + "/upload", HostedBrowser.multipart(List.of(
        HostedBrowser.Part.text("csrf", upload.csrf()),
        HostedBrowser.Part.file("document", "march.pdf", "application/pdf", PDF))), null);
    assertThat(sent.status()).as(sent.toString()).isEqualTo(303);
    assertThat(sent.header("location")).startsWith(upload.visit() + "?upload=1&job=");
    String jobId = sent.header("location").substring(sent.header("location").indexOf("&job=") + 5);
    Response job = server.get("/v2.2/job/" + jobId, world.key);
    assertThat(job.status()).as(job.toString()).isEqualTo(200);
    assertThat(job.json().path("company").asText()).isEqualTo(company[0]);
    HostedBrowser.Page progress = browser.get(sent.header("location"));
    assertThat(progress.body()).contains("data-job=\"" + jobId + "\"");

    HostedBrowser.Page viaScript = browser.postMultipart(upload.visit() + "/upload", HostedBrowser.multipart(List.of(
        HostedBrowser.Part.text("csrf", upload.csrf()),
        HostedBrowser.Part.file("document", "april.pdf", "application/pdf", PDF))), "application/json");
    assertThat(viaScript.status()).as(viaScript.toString()).isEqualTo(201);
    String secondJob = json(viaScript.body()).at("/jobs/0/id").asText();

    Response foreign = server.sendBytes("POST", "/v2.2/job/company/" + other[0], world.key,
        "multipart/form-data; boundary=" + HostedBrowser.BOUNDARY, HostedBrowser.multipart(List.of(
            HostedBrowser.Part.file("document", "other.pdf", "application/pdf", PDF))), Map.of());
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(201);
    String foreignJob = foreign.json().path("id").asText();

    HostedBrowser.Page jobs = browser.get(upload.visit() + "/jobs?id=" + jobId + "&id=" + secondJob + "&id="
        + foreignJob + "&id=not-a-uuid");
    assertThat(jobs.status()).isEqualTo(200);
    assertThat(jobs.header("cache-control")).isEqualTo("no-store");
    JsonNode reported = json(jobs.body()).path("jobs");
    assertThat(reported).extracting(j -> j.path("id").asText()).containsExactlyInAnyOrder(jobId, secondJob);
    reported.forEach(j -> assertThat(j.path("status").asText()).isNotBlank());
    assertThat(world.invitationEvents(invitation.path("id").asText()))
        .containsExactly("CREATED", "VIEWED", "UPLOADED", "UPLOADED");
  }

  static String alter(String url) {
    char last = url.charAt(url.length() - 1);
    return url.substring(0, url.length() - 1) + (last == 'A' ? 'B' : 'A');
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(text, e);
    }
  }
}

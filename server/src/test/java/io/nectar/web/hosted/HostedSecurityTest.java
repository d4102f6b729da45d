package io.nectar.web.hosted;

import static io.nectar.web.hosted.HostedWorld.login;
import static io.nectar.web.hosted.HostedWorld.path;
import static io.nectar.web.hosted.HostedWorld.pickSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.hosted.HostedFlow;
import io.nectar.jobs.JobService;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The hosted pages' defences over real HTTP: anti-forgery tokens on every form, one visit never acting
 * for another, the security headers of every page (framing as the organization allows), secrets kept
 * out of pages, logs and events, hostile and oversized input answered without a 500, and unknown
 * visits answered with the not-found page. This server has no SMTP server, which the e-mail check says.
 */
class HostedSecurityTest {
  static final String HOSTILE_SCRIPT = "<script>alert('x')</script>";
  static final List<String> HOSTILE = List.of("a".repeat(5000), "\u0000", "a\u0000b", "\u0001\u0007\u001b[31m\r\n",
      HOSTILE_SCRIPT, "\"><img src=x onerror=alert(1)>", "%00%ff", "\uFFFF\uD800", "' or 1=1 --", "../../etc/passwd");

  static TestServer server;
  static HostedWorld world;
  static final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeAll
  static void start() {
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(log);
    server = TestServer.start();
    world = new HostedWorld(server, "Hosted Security Org");
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    if (server != null) {
      server.close();
    }
  }

  /** Three visits of one company: a plain one, one behind an e-mail check, and a reconnect. */
  record Visits(String[] company, HostedBrowser browser, HostedBrowser.Page plain, HostedBrowser.Page email,
      HostedBrowser.Page reconnect, String connectionId, String plainInvitation, String emailInvitation) {}

  static Visits visits(String name) {
    String[] company = world.companyWithSite(name);
    HostedBrowser browser = world.browser();
    JsonNode plain = world.inviteFor(company, "");
    JsonNode email = world.inviteFor(company, ", \"allowedEmails\": [\"ann@example.com\"]");
    String connection = world.fixtures.connection(world.key, company[0], Fixtures.USERNAME, "old-wrong-pass-1",
        List.of(company[1]), 1, "");
    Response reconnect = server.postJson("/v2.2/invitation/connection/" + connection, world.key, "{}");
    return new Visits(company, browser, pickSandbox(browser, browser.open(path(plain.path("invitationUrl").asText()))),
        browser.open(path(email.path("invitationUrl").asText())),
        browser.open(path(reconnect.json().path("invitationUrl").asText())), connection,
        plain.path("id").asText(), email.path("id").asText());
  }

  @Test
  void everyFormRefusesAMissingOrForeignTokenAndChangesNothing() {
    Visits v = visits("Csrf Co");
    Visits other = visits("Csrf Other Co");
    long jobsBefore = world.fixtures.count("select count(*) from upload_job");
    List<String> plainEvents = world.invitationEvents(v.plainInvitation());
    List<String> emailEvents = world.invitationEvents(v.emailInvitation());
    Map<String, HostedBrowser.Page> actions = new LinkedHashMap<>();
    actions.put("email", v.email());
    actions.put("email/code", v.email());
    actions.put("email/restart", v.email());
    actions.put("connect", v.plain());
    actions.put("reconnect", v.reconnect());
    actions.put("mfa", v.plain());
    String[] fields = {"email", "ann@example.com", "code", "123456", "url", Fixtures.SANDBOX_URL, "username",
        Fixtures.USERNAME, "password", Fixtures.PASSWORD, "country", "US"};
    List<String> tokens = new ArrayList<>();
    tokens.add(null);
    tokens.add("");
    tokens.add(other.plain().csrf());
    tokens.add(v.plain().csrf().substring(1));
    tokens.add(v.plain().csrf() + "A");
    for (var action : actions.entrySet()) {
      for (String token : tokens) {
        if (token != null && token.equals(action.getValue().csrf())) {
          continue;
        }
        List<String> form = new ArrayList<>(Arrays.asList(fields));
        if (token != null) {
          form.addAll(List.of("csrf", token));
        }
        HostedBrowser.Page refused = v.browser().postOnly(action.getValue().visit() + "/" + action.getKey(),
            form.toArray(String[]::new));
        assertThat(refused.status()).as(action.getKey() + " with " + token + ": " + refused).isEqualTo(403);
        assertThat(refused.header("cache-control")).isEqualTo("no-store");
      }
      HostedBrowser.Page twoTokens = v.browser().postOnly(action.getValue().visit() + "/" + action.getKey(),
          "csrf", other.plain().csrf(), "csrf", action.getValue().csrf(), "email", "ann@example.com");
      assertThat(twoTokens.status()).as("two tokens are not one: " + twoTokens).isEqualTo(403);
    }
    for (String token : tokens) {
      List<HostedBrowser.Part> parts = new ArrayList<>();
      if (token != null) {
        parts.add(HostedBrowser.Part.text("csrf", token));
      }
      parts.add(HostedBrowser.Part.file("document", "bill.pdf", "application/pdf", HostedConnectionFlowTest.PDF));
      HostedBrowser.Page refused = v.browser().postMultipart(v.plain().visit() + "/upload",
          HostedBrowser.multipart(parts), null);
      assertThat(refused.status()).as("upload with " + token).isEqualTo(403);
    }

    assertThat(world.connections(v.company()[0])).extracting(c -> c.path("id").asText())
        .containsExactly(v.connectionId());
    assertThat(world.connection(v.connectionId()).path("status").asText()).isEqualTo("INCORRECT_PASSWORD");
    assertThat(world.fixtures.count("select count(*) from upload_job")).isEqualTo(jobsBefore);
    assertThat(world.invitationEvents(v.plainInvitation())).isEqualTo(plainEvents);
    assertThat(world.invitationEvents(v.emailInvitation())).isEqualTo(emailEvents);
    assertThat(v.browser().get(v.email().visit()).step()).isEqualTo("EMAIL");

    HostedBrowser.Page ownToken = login(v.browser(), v.plain(), Fixtures.USERNAME, Fixtures.PASSWORD);
    assertThat(ownToken.outcome()).as("the page's own token works: " + ownToken).isEqualTo("CONNECTED");
  }

  @Test
  void everyPageCarriesTheSecurityHeadersAndTheOrganizationsFraming() {
    TestServer.Tenant framed = server.tenant("Framed Org", io.nectar.keys.Environment.SANDBOX);
    String company = world.fixtures.company(framed.key(), "Framed Co");
    String site = world.fixtures.site(framed.key(), company, "Framed site");
    Response invitation = server.postJson("/v2.2/invitation/company/" + company, framed.key(),
        "{\"maxUses\": 1, \"prefill\": {\"initialSites\": [\"" + site + "\"]}}");
    String url = path(invitation.json().path("invitationUrl").asText());
    HostedBrowser browser = world.browser();
    assertThat(server.patchJson("/v2.2/organization/branding", framed.key(),
        "{\"frameAncestors\": [\"https://app.example.com\"]}").status()).isEqualTo(200);

    HostedBrowser.Page redirect = browser.get(url);
    HostedBrowser.Page utility = browser.get(redirect.header("location"));
    HostedBrowser.Page credentials = pickSandbox(browser, utility);
    HostedBrowser.Page notice = login(browser, credentials, Fixtures.USERNAME, "wrong-pass-framed");
    HostedBrowser.Page upload = browser.get(utility.visit() + "?upload=1");
    HostedBrowser.Page done = login(browser, credentials, Fixtures.USERNAME, Fixtures.PASSWORD);
    HostedBrowser.Page closed = browser.get(url);
    assertThat(closed.status()).isEqualTo(410);
    for (HostedBrowser.Page page : List.of(redirect, utility, credentials, notice, upload, done, closed)) {
      assertHeaders(page);
      assertThat(page.header("content-security-policy")).as(page.path())
          .endsWith("frame-ancestors https://app.example.com");
    }
    assertThat(server.patchJson("/v2.2/organization/branding", framed.key(), "{\"frameAncestors\": []}").status())
        .isEqualTo(200);
    HostedBrowser.Page none = browser.get(done.visit());
    assertHeaders(none);
    assertThat(none.header("content-security-policy")).contains("frame-ancestors 'none'");
    assertThat(browser.get(url).header("content-security-policy")).contains("frame-ancestors 'none'");

    for (HostedBrowser.Page page : List.of(browser.get("/p/s/" + "x".repeat(43)), browser.get("/p/i/nothing"),
        browser.postOnly(done.visit() + "/connect", "username", "u"), browser.get(done.visit() + "/jobs?id=x"))) {
      assertHeaders(page);
    }
  }

  static void assertHeaders(HostedBrowser.Page page) {
    assertThat(page.header("cache-control")).as(page.toString()).isEqualTo("no-store");
    assertThat(page.header("referrer-policy")).as(page.path()).isEqualTo("no-referrer");
    assertThat(page.header("x-content-type-options")).as(page.path()).isEqualTo("nosniff");
    assertThat(page.header("content-security-policy")).as(page.path()).contains("frame-ancestors ")
        .contains("default-src 'none'").contains("form-action 'self'");
  }

  /** What a walk through the flow typed or was given: none of it may be printed anywhere. */
  record Walk(List<String> secrets, List<HostedBrowser.Page> pages) {}

  /** Wrong and right passwords, a code, through an invitation and a magic link, logging at DEBUG (access at INFO). */
  static Walk walkWithSecrets() {
    Logger nectar = (Logger) LoggerFactory.getLogger("io.nectar");
    Logger access = (Logger) LoggerFactory.getLogger("access");
    Level nectarLevel = nectar.getLevel();
    Level accessLevel = access.getLevel();
    nectar.setLevel(Level.DEBUG);
    access.setLevel(Level.INFO);
    try {
      String wrongPassword = "Wr0ng-Pa55word-" + System.nanoTime();
      String[] company = world.companyWithSite("Secret Co");
      JsonNode invitation = world.inviteFor(company, "");
      Response link = server.postJson("/v2.2/connection/company/" + company[0] + "/link", world.key,
          "{\"sites\": [\"" + company[1] + "\"], \"dataCollectionStartDate\": \"" + Fixtures.monthsAgo(1) + "\"}");
      HostedBrowser browser = world.browser();
      List<HostedBrowser.Page> pages = new ArrayList<>();

      HostedBrowser.Page redirect = browser.get(path(invitation.path("invitationUrl").asText()));
      HostedBrowser.Page credentials = pickSandbox(browser, browser.get(redirect.header("location")));
      pages.add(credentials);
      pages.add(login(browser, credentials, Fixtures.USERNAME, wrongPassword));
      pages.add(login(browser, credentials, "nectar-sandbox-mfa", wrongPassword));
      HostedBrowser.Page mfa = login(browser, credentials, "nectar-sandbox-mfa", Fixtures.PASSWORD);
      pages.add(mfa);
      pages.add(browser.submit(mfa, "mfa", "code", "123456"));
      HostedBrowser.Page magic = browser.get(path(link.json().path("magicLinkUrl").asText()));
      pages.add(login(browser, pickSandbox(browser, browser.get(magic.header("location"))), Fixtures.USERNAME,
          wrongPassword));
      return new Walk(List.of(wrongPassword, Fixtures.PASSWORD, invitation.path("token").asText(),
          redirect.header("location").substring("/p/s/".length()), link.json().path("companyMagicLinkSecret").asText(),
          magic.header("location").substring("/p/s/".length()), mfa.csrf()), pages);
    } finally {
      nectar.setLevel(nectarLevel);
      access.setLevel(accessLevel);
    }
  }

  static String logged(java.util.function.Predicate<ILoggingEvent> which) {
    return List.copyOf(log.list).stream().filter(which).map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void passwordsAndTokensNeverAppearInPagesLogsOrEvents() {
    Walk walk = walkWithSecrets();
    String[] secrets = walk.secrets().toArray(String[]::new);
    for (HostedBrowser.Page page : walk.pages()) {
      // The page's own csrf token and address are on it by design; nothing else secret is.
      assertThat(page.body()).as(page.path()).doesNotContain(walk.secrets().subList(0, 3).toArray(String[]::new))
          .doesNotContain(walk.secrets().get(4));
    }
    assertThat(String.join("\n", world.allMessages())).doesNotContain(secrets);
    String logged = logged(e -> !e.getLoggerName().equals("access"));
    assertThat(logged).as("something was logged at DEBUG").contains("io.nectar");
    assertThat(logged).doesNotContain(secrets);
  }

  @Test
  void theAccessLogPrintsNoHostedToken() {
    Walk walk = walkWithSecrets();
    String accessLog = logged(e -> e.getLoggerName().equals("access"));
    assertThat(accessLog).as("the access log was captured").contains("/p/");
    assertThat(accessLog).doesNotContain(walk.secrets().toArray(String[]::new));
  }

  @Test
  void hostileInputInEveryFieldIsRefusedOrShownEscapedNeverA500() {
    Visits v = visits("Hostile Co");
    for (String bad : HOSTILE) {
      List<HostedBrowser.Page> pages = new ArrayList<>();
      pages.add(v.browser().submit(v.email(), "email", "email", bad));
      pages.add(v.browser().submit(v.email(), "email", "email", bad + "@example.com"));
      pages.add(v.browser().submit(v.email(), "email/code", "code", bad));
      pages.add(login(v.browser(), v.plain(), bad, bad));
      pages.add(login(v.browser(), v.plain(), Fixtures.USERNAME, bad));
      pages.add(v.browser().submit(v.plain(), "connect", "url", bad, "username", bad, "password", bad,
          "sites", bad, "country", bad));
      pages.add(v.browser().submit(v.plain(), "connect", "url", Fixtures.SANDBOX_URL, "username", Fixtures.USERNAME,
          "password", bad, "sites", v.company()[1], "country", bad));
      pages.add(v.browser().submit(v.reconnect(), "reconnect", "username", bad, "password", bad));
      pages.add(v.browser().submit(v.plain(), "mfa", "code", bad));
      String q = java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8);
      pages.add(v.browser().get(v.plain().visit() + "?q=" + q));
      pages.add(v.browser().get(v.plain().visit() + "?utility=" + q + "&another=" + q + "&upload=" + q + "&job=" + q));
      pages.add(v.browser().get(v.plain().visit() + "/jobs?id=" + q));
      pages.add(v.browser().get("/p/i/" + q + "?email=" + q + "&proof=" + q));
      pages.add(v.browser().get("/p/connect/" + q + "/" + q));
      pages.add(v.browser().get("/p/connect/" + q + "/workflow/" + q));
      pages.add(v.browser().get("/p/s/" + q));
      pages.add(v.browser().postMultipart(v.plain().visit() + "/upload", HostedBrowser.multipart(List.of(
          HostedBrowser.Part.text("csrf", v.plain().csrf()),
          HostedBrowser.Part.file("document", bad.replace("\"", "").replace("\r\n", ""), "application/pdf",
              HostedConnectionFlowTest.PDF))), null));
      for (HostedBrowser.Page page : pages) {
        assertThat(page.status()).as("%s with %s: %s", page.path(), bad, page).isLessThan(500);
        assertThat(page.body()).as(page.path()).doesNotContain(HOSTILE_SCRIPT, "<img src=x");
      }
    }
    assertThat(log.list).as("no error logged").noneMatch(e -> e.getLevel() == Level.ERROR);
  }

  @Test
  void oversizedFormsAndUploadsAreA413AndBrokenMultipartA400() {
    Visits v = visits("Size Co");
    HostedBrowser.Page bigForm = v.browser().submit(v.plain(), "connect", "url", Fixtures.SANDBOX_URL,
        "username", Fixtures.USERNAME, "password", "p".repeat(17 * 1024), "country", "US");
    assertThat(bigForm.status()).as(bigForm.toString()).isEqualTo(413);

    byte[] tooBig = new byte[(int) JobService.MAX_FILE_BYTES + 1];
    System.arraycopy(HostedConnectionFlowTest.PDF, 0, tooBig, 0, HostedConnectionFlowTest.PDF.length);
    HostedBrowser.Page bigFile = v.browser().postMultipart(v.plain().visit() + "/upload", HostedBrowser.multipart(
        List.of(HostedBrowser.Part.text("csrf", v.plain().csrf()),
            HostedBrowser.Part.file("document", "huge.pdf", "application/pdf", tooBig))), null);
    assertThat(bigFile.status()).as(bigFile.toString()).isEqualTo(413);
    assertThat(bigFile.body()).contains("25 MB");
    assertThat(bigFile.step()).as("the upload page again, with the notice").isEqualTo("UPLOAD");
    HostedBrowser.Page bigForScript = v.browser().postMultipart(v.plain().visit() + "/upload",
        HostedBrowser.multipart(List.of(HostedBrowser.Part.text("csrf", v.plain().csrf()),
            HostedBrowser.Part.file("document", "huge.pdf", "application/pdf", tooBig))), "application/json");
    assertThat(bigForScript.status()).isEqualTo(413);
    assertThat(HostedConnectionFlowTest.json(bigForScript.body()).path("detail").asText()).contains("25 MB");
    HostedBrowser.Page brokenForScript = v.browser().postMultipart(v.plain().visit() + "/upload",
        "garbage".getBytes(StandardCharsets.UTF_8), "application/json");
    assertThat(brokenForScript.status()).isEqualTo(400);
    assertThat(HostedConnectionFlowTest.json(brokenForScript.body()).path("detail").asText()).isNotBlank();

    HostedBrowser.Page declared = v.browser().send("POST", v.plain().visit() + "/upload", Map.of(
        "Content-Type", "multipart/form-data; boundary=" + HostedBrowser.BOUNDARY,
        "Content-Length", Long.toString(200L * 1024 * 1024)), null);
    assertThat(declared.status()).as(declared.toString()).isEqualTo(413);

    for (String broken : List.of("garbage", "--" + HostedBrowser.BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nx",
        "--" + HostedBrowser.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + v.plain().csrf())) {
      HostedBrowser.Page page = v.browser().postMultipart(v.plain().visit() + "/upload",
          broken.getBytes(StandardCharsets.UTF_8), null);
      assertThat(page.status()).as(page.toString()).isBetween(400, 499);
    }
    HostedBrowser.Page noBoundary = v.browser().send("POST", v.plain().visit() + "/upload",
        Map.of("Content-Type", "multipart/form-data"), "x".getBytes(StandardCharsets.UTF_8));
    assertThat(noBoundary.status()).as(noBoundary.toString()).isBetween(400, 499);
    assertThat(world.fixtures.count("select count(*) from upload_job where company_id = '" + v.company()[0] + "'"))
        .isZero();
  }

  @Test
  void anUnknownVisitGivesTheNotFoundPageOnEveryRoute() {
    HostedBrowser browser = world.browser();
    String random = "Zq" + "x".repeat(41);
    for (HostedBrowser.Page page : List.of(browser.get("/p/s/" + random), browser.get("/p/s/short"),
        browser.postOnly("/p/s/" + random + "/connect", "csrf", "x"), browser.get("/p/s/" + random + "/jobs?id=x"))) {
      assertThat(page.status()).as(page.toString()).isEqualTo(404);
      assertThat(page.step()).isEqualTo("CLOSED");
    }
  }

  @Test
  void withoutSmtpTheEmailCheckSaysTheServerCannotSendAndLogsAWarning() {
    Visits v = visits("No Mail Co");
    int before = log.list.size();
    HostedBrowser.Page page = v.browser().submit(v.email(), "email", "email", "ann@example.com");
    assertThat(page.step()).isEqualTo("EMAIL");
    assertThat(page.notice()).get().asString().contains("cannot send e-mail");
    assertThat(log.list.subList(before, log.list.size())).anyMatch(e -> e.getLevel() == Level.WARN
        && e.getLoggerName().equals(HostedFlow.class.getName()) && e.getFormattedMessage().contains("NECTAR_SMTP_URL"));
  }
}

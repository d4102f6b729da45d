package io.nectar.web.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.nectar.app.StandardUploads;
import io.nectar.keys.Environment;
import io.nectar.meters.DatasourceType;
import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.testing.Browser;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.SmtpServer;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The hosted connection flow as a customer meets it: in a real headless Chromium, inside an iframe
 * of an integrator's page served from another origin (127.0.0.1 on one port; the server is
 * {@code localhost} on another), typing and clicking through the real pages. The integrator page
 * records the {@code postMessage} events the flow sends, and the test checks the result through the
 * API too. With {@code -Dscreenshots=docs/screenshots} it saves a screenshot of each main step.
 */
class HostedFlowBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SANDBOX_URL = "https://nectarclimate.com";
  private static final String USERNAME = "nectar-sandbox-username";
  private static final String PASSWORD = "nectar-sandbox-password";

  static SmtpServer smtp;
  static TestServer server;
  static Fixtures fixtures;
  static IntegratorSite integrator;
  static String key;

  Browser browser;
  WebDriver driver;

  @BeforeAll
  static void start() {
    smtp = SmtpServer.start();
    server = TestServer.start(Map.of("NECTAR_SMTP_URL", smtp.url()), new ProviderRegistry(new SandboxProvider()),
        TestDatabase.freshDatabaseUrl(), StandardUploads::of);
    fixtures = new Fixtures(server);
    key = server.tenant("Acme Energy Portal", Environment.SANDBOX).key();
    integrator = IntegratorSite.start();
  }

  @AfterAll
  static void stop() {
    if (integrator != null) {
      integrator.close();
    }
    if (server != null) {
      server.close();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
    driver = browser.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  // ---- Scenarios ----

  @Test
  void aCustomerChecksTheirAddressThenConnectsAfterAWrongPassword() {
    String company = fixtures.company(key, "Riverside Bakery");
    String hq = fixtures.site(key, company, "Riverside HQ");
    fixtures.site(key, company, "Warehouse");
    JsonNode invitation = invite(company, """
        {"allowedEmails": ["ann@riverside.example"], "maxUses": 1}""");

    embed(invitationUrl(invitation));
    assertThat(heading()).isEqualTo("Check your e-mail address");
    assertThat(step()).isEqualTo("EMAIL");
    browser.screenshot("01-email");

    type("email", "someone.else@riverside.example");
    submit();
    assertThat(awaitNotice()).contains("different e-mail address");

    type("email", "Ann@Riverside.example");
    submit();
    awaitStep("EMAIL_CODE");
    assertThat(pageText()).contains("ann@riverside.example");
    String code = awaitCode("ann@riverside.example");
    type("code", code);
    browser.screenshot("02-email-code");
    submit();

    awaitStep("UTILITY");
    WebElement search = driver.findElement(By.id("q"));
    search.sendKeys("sandbox");
    WebElement sandbox = browser.await().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//ul[@id='utilities']//a[contains(., 'nectarclimate.com')]")));
    browser.screenshot("03-utility");
    sandbox.click();

    awaitStep("CREDENTIALS");
    assertThat(heading()).isEqualTo("Connect your utility account");
    type("username", USERNAME);
    type("password", "not-the-password");
    site("Riverside HQ").click();
    submit();
    assertThat(awaitNotice()).contains("did not accept that username and password");
    assertThat(step()).isEqualTo("CREDENTIALS");
    assertThat(driver.findElement(By.id("password")).getAttribute("value"))
        .as("a refused password is not sent back to the page").isEmpty();
    browser.screenshot("04-wrong-password");

    // The login is typed again (the page keeps nothing it was sent); this time the right one.
    type("username", USERNAME);
    type("password", PASSWORD);
    if (!site("Riverside HQ").isSelected()) {
      site("Riverside HQ").click();
    }
    browser.screenshot("05-credentials");
    submit();

    awaitStep("DONE");
    assertThat(heading()).isEqualTo("Connected");
    assertThat(pageText()).contains("account is connected");
    browser.screenshot("06-connected");

    JsonNode message = integrator.awaitMessage(driver, "CONNECTED");
    String connectionId = message.path("connectionId").asText();
    assertThat(message.path("origin").asText()).as("sent by the hosted page").isEqualTo(server.baseUrl());

    JsonNode connection = api("/v2.2/connection/" + connectionId);
    assertThat(connection.path("status").asText()).isEqualTo("CONNECTED");
    assertThat(api("/v2.2/connection/company/" + company).toString()).contains(connectionId);
    assertThat(connection.path("initialSites")).as("the site ticked").hasSize(1);
    assertThat(connection.at("/initialSites/0").asText()).isEqualTo(hq);
    assertThat(connection.path("username").asText()).isEqualTo(USERNAME);
    assertThat(connection.toString()).doesNotContain(PASSWORD);

    JsonNode read = api("/v2.2/invitation/" + invitation.path("id").asText());
    assertThat(read.path("useCount").asInt()).isEqualTo(1);
    assertThat(read.path("status").asText()).as("maxUses 1, used once").isEqualTo("FULFILLED");
    assertThat(texts(read.path("createdConnections"), "id")).containsExactly(connectionId);
    assertThat(texts(read.path("events"), "eventType")).contains("VIEWED", "EMAIL_REFUSED",
        "EMAIL_VERIFICATION_SENT", "EMAIL_VERIFIED", "USED");
    assertThat(read.toString()).doesNotContain(PASSWORD).doesNotContain(code);

    // A used-up link now opens the clear page, not the flow.
    embed(invitationUrl(invitation));
    awaitStep("CLOSED");
    assertThat(pageText()).contains("already been used as many times as it allows");
  }

  @Test
  void aUtilityThatAsksForAOneTimeCodeIsAnsweredInThePage() {
    String company = fixtures.company(key, "Hilltop Dairy");
    fixtures.site(key, company, "Milking Parlour");
    JsonNode invitation = invite(company, "{}");

    embed(invitationUrl(invitation));
    awaitStep("UTILITY");
    driver.findElement(By.xpath("//ul[@id='utilities']//a[contains(., 'nectarclimate.com')]")).click();
    awaitStep("CREDENTIALS");
    type("username", "nectar-sandbox-mfa");
    type("password", PASSWORD);
    site("Milking Parlour").click();
    submit();

    awaitStep("MFA");
    assertThat(heading()).isEqualTo("Enter the code from your utility");
    type("code", "12345");
    submit();
    assertThat(awaitNotice()).contains("six digits");
    type("code", "123456");
    browser.screenshot("07-mfa");
    submit();

    awaitStep("DONE");
    assertThat(heading()).isEqualTo("Connected");
    String connectionId = integrator.awaitMessage(driver, "CONNECTED").path("connectionId").asText();
    assertThat(api("/v2.2/connection/" + connectionId).path("status").asText()).isEqualTo("CONNECTED");
  }

  @Test
  void aCustomerUploadsBillsInsteadAndSeesThemRead() throws IOException {
    String company = fixtures.company(key, "Lakeside Laundry");
    fixtures.site(key, company, "Lakeside Main");
    JsonNode invitation = invite(company, "{}");
    Path folder = Files.createTempDirectory("bills");
    Path bill = folder.resolve("march-electricity-bill.pdf");
    try {
      Files.write(bill, sandboxBillPdf());

      embed(invitationUrl(invitation));
      awaitStep("UTILITY");
      driver.findElement(By.linkText("Upload your bills instead")).click();
      awaitStep("UPLOAD");
      assertThat(heading()).isEqualTo("Upload your bills");
      driver.findElement(By.id("document")).sendKeys(bill.toString());
      submit();

      String name = bill.getFileName().toString();
      WebElement item = browser.await().until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//ul[@id='uploads']/li[contains(., '" + name + "')]")));
      String outcome = browser.await().until(d -> {
        String text = item.getText();
        return text.contains(": read") || text.contains("could not be read") ? text : null;
      });
      assertThat(outcome).as("a sandbox bill is read").isEqualTo(name + ": read and filed.");
      browser.screenshot("08-upload");

      JsonNode jobs = api("/v2.2/job/company/" + company);
      assertThat(jobs.path("jobs")).hasSize(1);
      assertThat(jobs.at("/jobs/0/status").asText()).isEqualTo("COMPLETED");
      JsonNode read = api("/v2.2/invitation/" + invitation.path("id").asText());
      assertThat(texts(read.path("events"), "eventType")).contains("UPLOADED");
      assertThat(read.path("useCount").asInt()).as("an upload is not a connection").isZero();
    } finally {
      Files.deleteIfExists(bill);
      Files.deleteIfExists(folder);
    }
  }

  @Test
  void aReconnectInvitationOpensOnTheLoginOfItsConnection() {
    String company = fixtures.company(key, "Harbour Fisheries");
    String site = fixtures.site(key, company, "Harbour Quay");
    String connectionId = fixtures.connection(key, company, "nectar-sandbox-password-change", PASSWORD,
        List.of(site), 1, "");
    JsonNode invitation = server.postJson("/v2.2/invitation/connection/" + connectionId, key, "{}").json();

    embed(invitationUrl(invitation));
    awaitStep("CREDENTIALS");
    assertThat(heading()).isEqualTo("Update your utility login");
    assertThat(driver.findElement(By.id("username")).getAttribute("value"))
        .as("the connection's username is filled in").isEqualTo("nectar-sandbox-password-change");
    assertThat(driver.findElements(By.id("utilities"))).as("no utility to pick").isEmpty();

    type("password", "still-wrong");
    submit();
    assertThat(awaitNotice()).contains("did not accept");

    type("username", USERNAME);
    type("password", PASSWORD);
    browser.screenshot("09-reconnect");
    submit();

    awaitStep("DONE");
    assertThat(heading()).isEqualTo("Connected");
    assertThat(integrator.awaitMessage(driver, "CONNECTED").path("connectionId").asText()).isEqualTo(connectionId);
    JsonNode connection = api("/v2.2/connection/" + connectionId);
    assertThat(connection.path("status").asText()).isEqualTo("CONNECTED");
    assertThat(connection.path("username").asText()).isEqualTo(USERNAME);
    assertThat(api("/v2.2/invitation/" + invitation.path("id").asText()).path("useCount").asInt()).isEqualTo(1);
  }

  @Test
  void revokedAndExpiredLinksShowAClearPage() {
    String company = fixtures.company(key, "Meadow Farm");
    JsonNode revoked = invite(company, "{}");
    JsonNode expiring = invite(company, "{\"expiresInSeconds\": 60}");
    server.postJson("/v2.2/invitation/" + revoked.path("id").asText() + "/revoke", key, "{}");

    embed(invitationUrl(revoked));
    awaitStep("CLOSED");
    assertThat(heading()).isEqualTo("Link not available");
    assertThat(pageText()).contains("withdrawn by its sender");
    assertThat(driver.findElements(By.tagName("form"))).isEmpty();
    browser.screenshot("10-revoked");

    embed(invitationUrl(expiring));
    awaitStep("UTILITY");
    server.clock().advance(Duration.ofSeconds(61));
    embed(invitationUrl(expiring));
    awaitStep("CLOSED");
    assertThat(pageText()).contains("has expired");
    browser.screenshot("11-expired");
  }

  @Test
  void anUnknownLinkShowsAClearPageToo() {
    embed(server.baseUrl() + "/p/i/" + "A".repeat(43));
    awaitStep("CLOSED");
    assertThat(pageText()).contains("This link is not valid");
    embed(server.baseUrl() + "/p/s/" + "A".repeat(43));
    awaitStep("CLOSED");
    assertThat(pageText()).contains("This link is not valid");
  }

  @Test
  void theLinkInAnInvitationEmailSkipsTheAddressCheck() {
    String company = fixtures.company(key, "Orchard Cider");
    fixtures.site(key, company, "Press House");
    JsonNode invitation = invite(company, """
        {"allowedEmails": ["bo@orchard.example"], "sendEmail": true}""");
    assertThat(texts(invitation.path("emailDelivery"), "status")).containsExactly("SENT");
    String link = awaitMail("bo@orchard.example", Pattern.compile("https?://\\S+/p/i/[^\\s\"<]+"));

    embed(onTestServer(link));
    awaitStep("UTILITY");
    assertThat(heading()).isEqualTo("Choose your utility");
    JsonNode events = api("/v2.2/invitation/" + invitation.path("id").asText()).path("events");
    assertThat(texts(events, "eventType")).contains("EMAIL_SENT", "VIEWED", "EMAIL_VERIFIED")
        .doesNotContain("EMAIL_VERIFICATION_SENT");

    // The address alone, without the proof, is no proof.
    embed(onTestServer(link.replaceAll("&proof=[^&]+", "")));
    awaitStep("EMAIL");
  }

  @Test
  void theCredentialFormIsUsableAtPhoneWidth() {
    String company = fixtures.company(key, "Corner Cafe");
    fixtures.site(key, company, "Corner Cafe");
    JsonNode invitation = invite(company, "{\"prefill\": {\"url\": \"" + SANDBOX_URL + "\"}}");
    browser.resize(Browser.PHONE);
    driver.get(invitationUrl(invitation));
    awaitStep("CREDENTIALS");
    long viewport = number("return document.documentElement.clientWidth");
    long content = number("return document.documentElement.scrollWidth");
    assertThat(content).as("nothing wider than the phone's screen").isLessThanOrEqualTo(viewport);
    for (String field : List.of("username", "password")) {
      WebElement input = driver.findElement(By.id(field));
      assertThat(input.getRect().getX() + input.getRect().getWidth()).isLessThanOrEqualTo((int) viewport);
      assertThat(input.getRect().getHeight()).as("big enough to tap").isGreaterThanOrEqualTo(40);
    }
    browser.screenshot("12-phone-credentials");
  }

  // ---- Page helpers (inside the frame) ----

  /** Opens the integrator's page embedding {@code url} and switches into the frame. */
  private void embed(String url) {
    driver.switchTo().defaultContent();
    driver.get(integrator.pageFor(url));
    browser.await().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("nectar")));
    browser.await().until(d -> d.findElements(By.tagName("body")).isEmpty() ? null : true);
    browser.await().withMessage(() -> "a hosted page in the frame; it holds: " + driver.getPageSource())
        .until(d -> !step().isEmpty());
  }

  private String step() {
    List<WebElement> bodies = driver.findElements(By.tagName("body"));
    String step = bodies.isEmpty() ? null : bodies.get(0).getAttribute("data-step");
    return step == null ? "" : step;
  }

  private void awaitStep(String expected) {
    browser.await().withMessage(() -> "step " + expected + "; the frame holds: " + driver.getPageSource())
        .until(d -> expected.equals(step()));
  }

  private String heading() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  private String pageText() {
    return driver.findElement(By.tagName("main")).getText();
  }

  private String awaitNotice() {
    return browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice"))).getText();
  }

  private void type(String id, String text) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private WebElement site(String name) {
    return driver.findElement(By.xpath("//label[contains(., '" + name + "')]/input[@type='checkbox']"));
  }

  /** Submits the page's main form with its button, and waits for the page that answers. */
  private void submit() {
    WebElement button = driver.findElement(By.cssSelector("main form:not(.search):not(.secondary) button"));
    boolean replacesPage = !"upload-form".equals(button.findElement(By.xpath("./ancestor::form")).getAttribute("id"));
    // A mark on this document: the answer is a new document without it.
    script("document.documentElement.dataset.answered = 'no'");
    button.click();
    if (replacesPage) {
      browser.await().ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(script(
          "return document.readyState === 'complete' && document.documentElement.dataset.answered !== 'no'")));
    }
  }

  private Object script(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private long number(String script) {
    return ((Number) script(script)).longValue();
  }

  // ---- API and mail helpers ----

  private static JsonNode invite(String company, String body) {
    Response created = server.postJson("/v2.2/invitation/company/" + company, key, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static JsonNode api(String path) {
    Response response = server.get(path, key);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** The invitation's page on the test server (its public URL names the default port, not the test's). */
  private static String invitationUrl(JsonNode invitation) {
    return onTestServer(invitation.path("invitationUrl").asText());
  }

  private static String onTestServer(String url) {
    String publicUrl = server.server().config().publicUrl();
    assertThat(url).startsWith(publicUrl);
    return server.baseUrl() + url.substring(publicUrl.length());
  }

  private static String awaitCode(String address) {
    String code = awaitMail(address, Pattern.compile("\\b([0-9]{6})\\b"));
    return code;
  }

  /** The first match of {@code pattern} (its group 1 if it has one) in the newest mail to {@code address}. */
  private static String awaitMail(String address, Pattern pattern) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> {
      List<SmtpServer.Received> mails = new ArrayList<>(smtp.received());
      java.util.Collections.reverse(mails);
      for (SmtpServer.Received mail : mails) {
        if (mail.to() != null && mail.to().contains(address)) {
          Matcher m = pattern.matcher(mail.text());
          if (m.find()) {
            return m.groupCount() > 0 ? m.group(1) : m.group();
          }
        }
      }
      return null;
    }, found -> found != null);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.path(field).asText()));
    return values;
  }

  /** A real bill: the sandbox utility's own PDF statement, which the standard engine reads. */
  private static byte[] sandboxBillPdf() {
    YearMonth month = YearMonth.of(2024, 3);
    CollectionRequest request = new CollectionRequest(new UUID(7, 17), USERNAME, PASSWORD, "US",
        List.of(new UUID(7, 29)), Set.of(DatasourceType.ELECTRICITY), month.atDay(1), month.plusMonths(1).atDay(2),
        0, null);
    Collection collected = new SandboxProvider().collect(request);
    return collected.bills().get(0).pdf();
  }

  /**
   * The integrator's own site, on 127.0.0.1 (another origin than the server's {@code localhost}): a
   * page that embeds a hosted link in an iframe and records the messages the frame posts.
   */
  static final class IntegratorSite implements AutoCloseable {
    private static final String PAGE = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Acme Energy Portal</title>
        <style>
          body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #eef1f4; color: #222; }
          header { background: #14324a; color: #fff; padding: 14px 24px; font-weight: 600; }
          main { padding: 18px 24px; }
          iframe { width: 900px; height: 700px; border: 1px solid #c8cfd6; background: #fff; }
        </style></head>
        <body><header>Acme Energy Portal &middot; Add your utility</header>
        <main><iframe id="nectar" title="Connect your utility" src="%s"></iframe></main>
        <script>
          window.received = [];
          window.addEventListener('message', function (event) {
            var data = event.data || {};
            window.received.push({ origin: event.origin, type: data.type, status: data.status,
              connectionId: data.connectionId });
          });
        </script></body></html>""";

    private final HttpServer http;

    private IntegratorSite(HttpServer http) {
      this.http = http;
    }

    static IntegratorSite start() {
      try {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          String src = query != null && query.startsWith("src=")
              ? java.net.URLDecoder.decode(query.substring(4), StandardCharsets.UTF_8) : "about:blank";
          byte[] body = PAGE.formatted(src.replace("&", "&amp;").replace("\"", "&quot;"))
              .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
        http.start();
        return new IntegratorSite(http);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String pageFor(String hostedUrl) {
      return "http://127.0.0.1:" + http.getAddress().getPort() + "/?src="
          + URLEncoder.encode(hostedUrl, StandardCharsets.UTF_8);
    }

    /** Waits for the frame's {@code nectar.connection} message with {@code status}, read on the integrator's page. */
    JsonNode awaitMessage(WebDriver driver, String status) {
      driver.switchTo().defaultContent();
      try {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
          String json = (String) ((org.openqa.selenium.JavascriptExecutor) driver)
              .executeScript("return JSON.stringify(window.received)");
          for (JsonNode message : JSON.readTree(json)) {
            if ("nectar.connection".equals(message.path("type").asText())
                && status.equals(message.path("status").asText())) {
              return message;
            }
          }
          return null;
        }, found -> found != null);
      } finally {
        driver.switchTo().frame("nectar");
      }
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }
}

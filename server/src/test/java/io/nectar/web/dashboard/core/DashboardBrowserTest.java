package io.nectar.web.dashboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.testing.Browser;
import io.nectar.testing.TestServer;
import io.nectar.users.OneTimeLink;
import io.nectar.users.Role;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's own pages in a real headless Chromium: a one-time link, signing in and out, API keys
 * (the secret shown once), revocation, and the environment switch. With
 * {@code -Dscreenshots=docs/screenshots} it saves the sign-in and API keys pages.
 */
class DashboardBrowserTest {
  static TestServer server;
  static DashboardWorld world;

  Browser browser;
  WebDriver driver;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    world = new DashboardWorld(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
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

  @Test
  void aNewPersonChoosesAPasswordThroughTheirLinkThenSignsOutFailsOnceAndSignsIn() {
    OneTimeLink link = server.server().users().create(server.server().keys().organization("Riverside Energy"),
        "ann@riverside.example", Role.ADMIN);
    driver.get(server.baseUrl() + DashboardClient.pathOf(link.url()));
    assertThat(heading()).isEqualTo("Choose your password");
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("ann@riverside.example");
    type("password", "short");
    submit();
    // The browser itself holds a too-short password back (minlength): nothing is sent.
    assertThat(heading()).isEqualTo("Choose your password");
    type("password", DashboardWorld.PASSWORD);
    submit();
    awaitHeading("Overview");
    assertThat(driver.findElement(By.id("current-environment")).getText()).isEqualTo("Sandbox");

    driver.findElement(By.cssSelector("form.sign-out button")).click();
    awaitHeading("Sign in");
    assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("You are signed out.");
    driver.get(server.baseUrl() + "/dashboard");
    awaitHeading("Sign in");

    type("email", "ann@riverside.example");
    type("password", "not my password at all");
    submit();
    assertThat(browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
        .isEqualTo("The e-mail address or the password is not right.");
    assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("ann@riverside.example");
    assertThat(driver.findElement(By.id("password")).getAttribute("value")).isEmpty();

    driver.get(server.baseUrl() + "/dashboard/sign-in");
    type("email", "ann@riverside.example");
    browser.screenshot("dashboard-sign-in");
    type("password", DashboardWorld.PASSWORD);
    submit();
    awaitHeading("Overview");
  }

  @Test
  void anAdministratorCreatesAKeySeesItsSecretOnceAndRevokesIt() {
    world.person("Acme Energy Portal", "kim@acme.example", Role.ADMIN);
    signIn("kim@acme.example");
    driver.findElement(By.linkText("Settings")).click();
    awaitHeading("API keys");
    type("key-name", "billing sync");
    driver.findElement(By.cssSelector("input[name=environment][value=PRODUCTION]")).click();
    submit(By.cssSelector("#create-key button[type=submit]"));
    WebElement secret = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-secret")));
    String shown = secret.getText();
    assertThat(shown).startsWith("nk_live_");
    WebElement copy = driver.findElement(By.cssSelector("button[data-copy=new-secret]"));
    assertThat(copy.isDisplayed()).as("the copy button appears with script").isTrue();
    copy.click();
    browser.await().until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
    assertThat(row("billing sync").getText()).contains("Production").contains("Never").contains("Active");
    browser.screenshot("dashboard-api-keys");

    // Reloading sends the form again: no second key, and the secret is not shown again.
    driver.navigate().refresh();
    awaitHeading("API keys");
    assertThat(driver.findElement(By.id("done")).getText()).contains("sent before");
    assertThat(driver.getPageSource()).doesNotContain(shown);
    assertThat(driver.findElements(By.id("new-secret"))).isEmpty();
    assertThat(driver.findElements(By.xpath("//table[@id='keys']//td[1][normalize-space()='billing sync']")))
        .hasSize(1);

    // The API takes the key; the list then shows its use. The secret is never on a page again.
    assertThat(server.get("/v2.2/ping", shown).status()).isEqualTo(200);
    driver.get(server.baseUrl() + "/dashboard/settings/keys");
    awaitHeading("API keys");
    assertThat(driver.getPageSource()).doesNotContain(shown);
    assertThat(driver.findElements(By.id("new-secret"))).isEmpty();
    assertThat(row("billing sync").findElements(By.tagName("td")).get(4).getText()).endsWith("UTC");

    row("billing sync").findElement(By.linkText("Revoke")).click();
    awaitHeading("Revoke a key");
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("billing sync");
    driver.findElement(By.id("confirm-revoke")).click();
    awaitHeading("API keys");
    assertThat(driver.findElement(By.id("done")).getText()).contains("revoked");
    assertThat(row("billing sync").getText()).contains("Revoked");
    assertThat(row("billing sync").findElements(By.linkText("Revoke"))).isEmpty();
    assertThat(server.get("/v2.2/ping", shown).status()).isEqualTo(401);
    assertThat(driver.getPageSource()).doesNotContain(shown);
  }

  @Test
  void theEnvironmentSwitchInTheHeaderShowsProductionUntilSwitchedBack() {
    world.person("Switch Co", "sam@switch.example", Role.ADMIN);
    signIn("sam@switch.example");
    driver.get(server.baseUrl() + "/dashboard/settings/users");
    awaitHeading("Users");
    new Select(driver.findElement(By.id("environment"))).selectByVisibleText("Production");
    browser.await().until(ExpectedConditions.textToBe(By.id("current-environment"), "Production"));
    assertThat(driver.getCurrentUrl()).endsWith("/dashboard/settings/users");
    assertThat(driver.findElement(By.tagName("body")).getAttribute("data-environment")).isEqualTo("PRODUCTION");
    driver.get(server.baseUrl() + "/dashboard");
    assertThat(driver.findElement(By.id("current-environment")).getText()).isEqualTo("Production");
    new Select(driver.findElement(By.id("environment"))).selectByVisibleText("Sandbox");
    browser.await().until(ExpectedConditions.textToBe(By.id("current-environment"), "Sandbox"));
  }

  @Test
  void everyControlOfTheSettingsPagesHasALabelAndThePagesFitAPhone() {
    world.person("Labels Co", "lee@labels.example", Role.ADMIN);
    signIn("lee@labels.example");
    browser.resize(Browser.PHONE);
    for (String path : List.of("/dashboard", "/dashboard/settings/keys", "/dashboard/settings/branding",
        "/dashboard/settings/users")) {
      driver.get(server.baseUrl() + path);
      for (WebElement control : driver.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"))) {
        String id = control.getAttribute("id");
        boolean wrapped = !control.findElements(By.xpath("ancestor::label")).isEmpty();
        boolean labelled = wrapped || (id != null && !id.isBlank()
            && !driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty());
        id = id == null || id.isBlank() ? control.getAttribute("name") : id;
        assertThat(labelled).as(path + ": #" + id + " has a label").isTrue();
      }
      Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      Object wide = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "var w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('body *'))"
              + ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.sections'))"
              + ".map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 12).join(' ');");
      assertThat(overflow).as(path + " scrolls sideways on a phone: " + wide).isLessThanOrEqualTo(0L);
    }
    browser.resize(Browser.DESKTOP);
  }

  private void signIn(String email) {
    driver.get(server.baseUrl() + "/dashboard/sign-in");
    type("email", email);
    type("password", DashboardWorld.PASSWORD);
    submit();
    awaitHeading("Overview");
  }

  private WebElement row(String keyName) {
    return driver.findElement(By.xpath("//table[@id='keys']//tr[td[1][normalize-space()='" + keyName + "']]"));
  }

  private String heading() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  private void awaitHeading(String text) {
    browser.await().until(ExpectedConditions.textToBe(By.tagName("h1"), text));
  }

  private void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private void submit() {
    submit(By.cssSelector("main form button[type=submit]"));
  }

  private void submit(By button) {
    driver.findElement(button).click();
  }
}

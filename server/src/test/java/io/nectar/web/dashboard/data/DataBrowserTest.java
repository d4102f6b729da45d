package io.nectar.web.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.keys.Environment;
import io.nectar.testing.Browser;
import io.nectar.users.NewSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The data pages in a real headless Chromium: browsing from a company to a bill and its audit trail,
 * charts drawn with as many points as the data has, a bill dropped on the upload page, paging and
 * filtering. With {@code -Dscreenshots=docs/screenshots} it saves the overview, a bill and a chart.
 */
class DataBrowserTest {
  static DataWorld world;
  Browser browser;

  @BeforeAll
  static void startServer() {
    world = DataWorld.start();
  }

  @AfterAll
  static void stopServer() {
    if (world != null) {
      world.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
    NewSession session = world.session("Org A", "browser-" + UUID.randomUUID() + "@a.example");
    browser.driver().get(world.server.baseUrl() + "/dashboard/sign-in");
    browser.driver().manage().addCookie(new Cookie("nectar_session", session.token(), "/"));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void fromTheCompaniesToABillItsOriginalBesideItsValuesAndItsAuditTrail() {
    open("/dashboard/companies");
    browser.driver().findElement(By.linkText("Alpha Foods")).click();
    browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("utility-totals")));
    browser.driver().findElement(By.linkText("Documents")).click();
    browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("documents")));
    browser.driver().findElement(By.cssSelector("#documents tbody tr a")).click();
    browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("audit-events")));

    String path = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    UUID document = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    String total = world.server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select total_charges::text from document where id = :id").bind("id", document).mapTo(String.class).one());
    assertThat(browser.driver().findElement(By.id("bill-total")).getText()).contains(
        Format.amount(new java.math.BigDecimal(total)));
    assertThat(browser.driver().findElement(By.id("audit-events")).getText()).contains("Created");

    // The original is framed from its signed link, and that link gives the PDF to this page.
    WebElement original = browser.driver().findElement(By.id("original"));
    String data = original.getAttribute("data");
    assertThat(data).contains("/files/");
    Object type = script("return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('Content-Type'));",
        data);
    assertThat(type).isEqualTo("200 application/pdf");
    shoot("dashboard-document", 1400);
  }

  @Test
  void aBillThatCameAsAPictureIsShownAsThatPictureBesideItsValues() throws java.io.IOException {
    UUID document = world.one("select id from document where company_id = ? and blob_key is not null "
        + "order by bill_date desc, id limit 1", UUID.fromString(world.companyA.companyId()));
    var before = world.server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select blob_key, file_name from document where id = :id").bind("id", document).mapToMap().one());
    // A photographed bill (a PNG of its own size) in place of the sandbox's PDF, stored as uploads store files.
    java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(321, 437,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = picture.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 321, 437);
    g.setColor(java.awt.Color.BLACK);
    g.drawString("Amount due", 20, 40);
    g.dispose();
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(picture, "png", png);
    var config = world.server.server().config();
    String key = "test-pictures/" + document + ".png";
    io.nectar.storage.BlobStores.open(config.blobs(), config.dataDir()).put(key, png.toByteArray(), null);
    world.execute("update document set blob_key = ?, file_name = 'bill-photo.png' where id = ?", key, document);
    try {
      open("/dashboard/documents/" + document);
      browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("bill-values")));
      WebElement original = browser.driver().findElement(By.id("original"));
      assertThat(original.getTagName()).isEqualTo("img");
      assertThat(original.getAttribute("alt")).contains("bill-photo.png");
      // Loaded and decoded by the browser (the page's policy lets the signed link's picture in): its own size.
      browser.await().until(d -> Boolean.TRUE.equals(script(
          "return arguments[0].complete && arguments[0].naturalWidth > 0;", original)));
      assertThat(script("return [arguments[0].naturalWidth, arguments[0].naturalHeight];", original))
          .isEqualTo(List.of(321L, 437L));
      // Beside the values read from the bill, not above or below them.
      WebElement values = browser.driver().findElement(By.id("bill-values"));
      assertThat(values.getRect().getX()).isGreaterThanOrEqualTo(original.getRect().getX()
          + original.getRect().getWidth());
      assertThat(values.getRect().getY()).isLessThan(original.getRect().getY() + original.getRect().getHeight());
      String total = world.server.server().database().jdbi().withHandle(h -> h.createQuery(
          "select total_charges::text from document where id = :id").bind("id", document).mapTo(String.class).one());
      assertThat(browser.driver().findElement(By.id("bill-total")).getText())
          .contains(Format.amount(new java.math.BigDecimal(total)));
    } finally {
      world.execute("update document set blob_key = ?, file_name = ? where id = ?", before.get("blob_key"),
          before.get("file_name"), document);
    }
  }

  @Test
  void theOverviewChartsHaveAPointPerMonthAndTheMeterChartAPointPerHour() {
    String company = world.companyA.companyId();
    open("/dashboard/companies/" + company);
    browser.await().until(ExpectedConditions.attributeToBeNotEmpty(
        browser.driver().findElement(By.id("monthly-charts")), "data-ready"));
    assertThat(browser.driver().findElement(By.id("monthly-charts")).getAttribute("data-error")).isNull();
    @SuppressWarnings("unchecked")
    List<Long> points = (List<Long>) script("return window.nectarCharts.map(c => c.data[0].length);");
    // Five sandbox utilities, a chart each, a point per month of the twelve shown.
    assertThat(points).hasSize(5).containsOnly(12L);
    @SuppressWarnings("unchecked")
    List<Long> values = (List<Long>) script("return window.nectarCharts.map(c => c.data[1].filter(v => v !== null).length);");
    long months = world.server.server().database().jdbi().withHandle(h -> h.createQuery("""
            select count(distinct date_trunc('month', end_date)) from usage_data
             where company_id = :c and datasource_type = 'ELECTRICITY' and not is_deleted
               and end_date >= (select date_trunc('month', max(end_date)) - interval '11 months' from usage_data where company_id = :c)""")
        .bind("c", UUID.fromString(company)).mapTo(Long.class).one());
    assertThat(values.get(0)).isEqualTo(months);
    shoot("dashboard-company-overview", 2200);

    UUID meter = world.one("select r.meter_id from interval_reading r join meter m on m.id = r.meter_id "
        + "where m.company_id = ? limit 1", UUID.fromString(company));
    open("/dashboard/meters/" + meter);
    browser.await().until(ExpectedConditions.attributeToBe(By.id("hourly-chart"), "data-ready", "true"));
    long hours = world.server.server().database().jdbi().withHandle(h -> h.createQuery("""
            select count(distinct date_trunc('hour', start_at, 'UTC')) from interval_reading
             where meter_id = :m and start_at >= (select date_trunc('day', max(start_at), 'UTC') - interval '6 days'
                                                    from interval_reading where meter_id = :m)""")
        .bind("m", meter).mapTo(Long.class).one());
    Object hourly = script("var c = window.nectarCharts.find(c => document.getElementById('hourly-chart').contains(c.root));"
        + " return c.data[0].length;");
    assertThat(hourly).isEqualTo(hours);
    assertThat(hours).isGreaterThan(24);
    shoot("dashboard-meter-chart", 1500);
  }

  @Test
  void aBillDroppedOnTheUploadPageBecomesAJobOfTheCompany() {
    String company = world.companyA.companyId();
    open("/dashboard/companies/" + company + "/uploads");
    script("""
        var bytes = '%PDF-1.4\\n1 0 obj << /Type /Catalog >> endobj\\ntrailer << /Root 1 0 R >>\\n%%EOF\\n';
        var file = new File([bytes], 'dropped-bill.pdf', { type: 'application/pdf' });
        var transfer = new DataTransfer();
        transfer.items.add(file);
        var zone = document.getElementById('dropzone');
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));""");
    WebElement item = browser.await().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#upload-progress li[data-job]")));
    String job = item.getAttribute("data-job");
    assertThat(item.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
    List<String> names = world.server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select f.file_name from job_upload f join upload_job j on j.id = f.job_id where j.id = :j and j.company_id = :c")
        .bind("j", UUID.fromString(job)).bind("c", UUID.fromString(company)).mapTo(String.class).list());
    assertThat(names).containsExactly("dropped-bill.pdf");
    // The page then watches the job: its state comes from the job itself.
    browser.await().until(ExpectedConditions.attributeToBeNotEmpty(item, "data-status"));
    browser.screenshot("dashboard-upload");
  }

  @Test
  void theUsageListPagesAndFiltersAsTheApiDoes() {
    String company = world.companyA.companyId();
    open("/dashboard/companies/" + company + "/usage");
    long total = Long.parseLong(browser.driver().findElement(By.cssSelector("p.count")).getAttribute("data-total"));
    long inDatabase = world.server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select count(*) from usage_data where company_id = :c and not is_deleted")
        .bind("c", UUID.fromString(company)).mapTo(Long.class).one());
    assertThat(total).isEqualTo(inDatabase).isGreaterThan(100);
    assertThat(browser.driver().findElements(By.cssSelector("table.usage tbody tr"))).hasSize(100);
    browser.driver().findElement(By.cssSelector("a[rel=next]")).click();
    browser.await().until(ExpectedConditions.attributeToBe(By.cssSelector(".pager .where"), "data-page", "2"));
    assertThat(browser.driver().findElements(By.cssSelector("table.usage tbody tr"))).hasSize((int) (total - 100));

    new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("datasourceType")))
        .selectByValue("GAS");
    browser.driver().findElement(By.id("apply-filter")).click();
    browser.await().until(ExpectedConditions.urlContains("datasourceType=GAS"));
    List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.usage tbody tr"));
    long gas = world.server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select count(*) from usage_data where company_id = :c and not is_deleted and datasource_type = 'GAS'")
        .bind("c", UUID.fromString(company)).mapTo(Long.class).one());
    assertThat((long) rows.size()).isEqualTo(gas);
    assertThat(rows).allSatisfy(r -> assertThat(r.getText()).contains("Gas"));
    browser.screenshot("dashboard-usage-filtered");
  }

  /**
   * A screenshot of the page's first {@code height} pixels, when screenshots are asked for. Chromium
   * draws a framed PDF after the page reports loaded and tells no script when it is done, so the
   * picture is taken once the window stops changing; this runs only for the pictures.
   */
  private void shoot(String name, int height) {
    if (!browser.takesScreenshots()) {
      return;
    }
    browser.resize(new org.openqa.selenium.Dimension(Browser.DESKTOP.width + 330, height));
    browser.awaitStillPicture();
    browser.screenshot(name);
    browser.resize(Browser.DESKTOP);
  }

  private void open(String path) {
    browser.driver().get(world.server.baseUrl() + path);
  }

  private Object script(String script, Object... arguments) {
    Object result = ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    return result;
  }

  @SuppressWarnings("unused")
  private static Map<String, String> none() {
    return Map.of();
  }
}

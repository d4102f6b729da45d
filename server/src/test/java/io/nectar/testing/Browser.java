package io.nectar.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which CI installs)
 * driven by Selenium, for tests of pages people use. Tests are skipped, by an assumption, only where
 * those two programs are missing. Each browser has a fresh profile, deleted on close.
 *
 * <p>Screenshots are written only when the {@code screenshots} system property (or the
 * {@code NECTAR_SCREENSHOTS} environment variable) names a folder, e.g.
 * {@code -Dscreenshots=docs/screenshots}, so that ordinary test runs leave the repository unchanged.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** The outer window; headless Chromium keeps about 140 px of it for its own bars, leaving ~950×820. */
  public static final Dimension DESKTOP = new Dimension(950, 960);
  public static final Dimension PHONE = new Dimension(390, 844);

  private final ChromeDriver driver;
  private final Path profile;
  private final Optional<Path> screenshots;

  private Browser(ChromeDriver driver, Path profile, Optional<Path> screenshots) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /** Starts a headless browser with a desktop-sized window; skips the calling test when none is installed. */
  public static Browser start() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    Path profile;
    try {
      profile = Files.createTempDirectory("nectar-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Without the networking flags Chromium waits on update and field-trial servers it cannot reach
    // from a closed network, and pages stall.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-default-apps", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
        "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    return new Browser(driver, profile, screenshotFolder());
  }

  private static Optional<Path> screenshotFolder() {
    String folder = System.getProperty("screenshots", System.getenv("NECTAR_SCREENSHOTS"));
    return folder == null || folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder));
  }

  public WebDriver driver() {
    return driver;
  }

  /** Waits up to 30 s for a condition (a positive signal, e.g. some text shown). */
  public WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100));
    return wait;
  }

  public void resize(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /** Whether this run writes screenshots (see the class comment). */
  public boolean takesScreenshots() {
    return screenshots.isPresent();
  }

  /**
   * Waits until the window's picture stops changing (two screenshots in a row alike), for content that
   * tells no script when it is drawn, such as a framed PDF; up to 10 s.
   */
  public void awaitStillPicture() {
    byte[][] last = {null};
    new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(300)).until(d -> {
      byte[] now = driver.getScreenshotAs(OutputType.BYTES);
      boolean still = java.util.Arrays.equals(now, last[0]);
      last[0] = now;
      return still;
    });
  }

  /** Saves what the window shows as {@code name}.png, when screenshots are asked for. */
  public void screenshot(String name) {
    if (screenshots.isEmpty()) {
      return;
    }
    File shot = driver.getScreenshotAs(OutputType.FILE);
    try {
      Files.createDirectories(screenshots.get());
      Files.copy(shot.toPath(), screenshots.get().resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      shot.delete();
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A profile left in the temp folder is harmless.
      }
    }
  }
}

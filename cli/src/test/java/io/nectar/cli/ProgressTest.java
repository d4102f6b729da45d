package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Progress on stderr: plain lines when stderr is not a terminal, a bar redrawn in place when it is. */
class ProgressTest {
  private static final String COMPANY = "0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c";

  private final StringWriter err = new StringWriter();
  private final StepClock clock = new StepClock(Duration.ZERO);

  private Context context(Context.Stderr stderr) {
    return Context.builder().stdout(new ByteArrayOutputStream()).err(new PrintWriter(err, true)).stderr(stderr)
        .clock(clock).build();
  }

  @Test
  void withoutATerminalItPrintsAPlainLineAtMostEveryTenSeconds() {
    try (Progress progress = new Progress(context(Context.Stderr.PLAIN), "Uploading", "files", 4)) {
      progress.advance(1);
      clock.advance(Duration.ofSeconds(9));
      progress.advance(1);
      assertThat(err.toString()).as("nothing within the first ten seconds").isEmpty();
      clock.advance(Duration.ofSeconds(1));
      progress.advance(1);
      progress.advance(1);
    }

    assertThat(err.toString()).isEqualTo("Uploading 3/4 files\n");
  }

  @Test
  void onATerminalItRedrawsABarInPlaceAndClearsItAtTheEnd() {
    Progress progress = new Progress(context(Context.Stderr.TERMINAL), "Uploading", "files", 4);
    progress.advance(1);
    clock.advance(Duration.ofMillis(100));
    progress.advance(1);
    String bar = "Uploading [" + "#".repeat(15) + ".".repeat(15) + "] 2/4 files";
    assertThat(err.toString()).isEqualTo("\r" + bar);

    progress.close();
    progress.close();

    assertThat(err.toString()).isEqualTo("\r" + bar + "\r" + " ".repeat(bar.length()) + "\r");
  }

  @Test
  void anUnknownTotalIsACount() {
    try (Progress progress = new Progress(context(Context.Stderr.PLAIN), "Exporting", "rows", -1)) {
      clock.advance(Duration.ofSeconds(10));
      progress.advance(5);
    }

    assertThat(err.toString()).isEqualTo("Exporting 5 rows\n");
  }

  @Test
  void anExportShowsLinesOrABarOnStderrAndNothingOnStdout() throws Exception {
    try (FakeApi api = new FakeApi()) {
      api.on("GET", "/usage/company/" + COMPANY, 200, """
          {"totalUsageData": 3, "perPage": 100, "totalPages": 1, "currentPage": 1, "hasNext": false,
           "hasPrevious": false, "usageData": [%s, %s, %s]}""".formatted(usage(1), usage(2), usage(3)));
      // Every reading of the clock is eleven seconds after the last: each row is worth showing.
      Context.Builder plain = Context.builder().environment(CliRun.env(api.url(), "k")).stderr(Context.Stderr.PLAIN)
          .clock(new StepClock(Duration.ofSeconds(11)));
      Context.Builder terminal = Context.builder().environment(CliRun.env(api.url(), "k"))
          .stderr(Context.Stderr.TERMINAL).clock(new StepClock(Duration.ofSeconds(11)));

      CliRun inALog = CliRun.of(plain, "export", "usage", "--company", COMPANY);
      CliRun onATerminal = CliRun.of(terminal, "export", "usage", "--company", COMPANY);

      assertThat(inALog.code()).as(inALog.err()).isZero();
      assertThat(inALog.err()).isEqualTo("Exporting 1/3 rows\nExporting 2/3 rows\nExporting 3/3 rows\n"
          + "Exported 3 usage rows.\n");
      assertThat(onATerminal.err()).startsWith("\rExporting [" + "#".repeat(10) + ".".repeat(20) + "] 1/3 rows\r")
          .contains("\rExporting [" + "#".repeat(30) + "] 3/3 rows\r")
          .endsWith("\rExported 3 usage rows.\n")
          .doesNotContain("\n\r");
      assertThat(onATerminal.out()).isEqualTo(inALog.out()).doesNotContain("Exporting");
    }
  }

  @Test
  void theLauncherSaysWhetherStderrIsATerminal() {
    String before = System.getProperty("nectar.stderr.terminal");
    try {
      System.setProperty("nectar.stderr.terminal", "true");
      assertThat(Context.system().stderr()).isEqualTo(Context.Stderr.TERMINAL);
      System.setProperty("nectar.stderr.terminal", "false");
      assertThat(Context.system().stderr()).isEqualTo(Context.Stderr.PLAIN);
      System.clearProperty("nectar.stderr.terminal");
      assertThat(Context.system().stderr()).as("unknown: plain").isEqualTo(Context.Stderr.PLAIN);
    } finally {
      if (before == null) {
        System.clearProperty("nectar.stderr.terminal");
      } else {
        System.setProperty("nectar.stderr.terminal", before);
      }
    }
  }

  private static String usage(int n) {
    return """
        {"id": "00000000-0000-0000-0000-00000000000%d", "startDate": "2024-01-01", "endDate": "2024-01-31",
         "usage": "1.5", "usageUnits": "kWh", "meter": null, "site": null, "identifiers": []}""".formatted(n);
  }

  /** A clock that moves only when told to, and by {@code step} on every reading. */
  static final class StepClock extends Clock {
    private final Duration step;
    private Instant now = Instant.parse("2024-05-01T12:00:00Z");

    StepClock(Duration step) {
      this.step = step;
    }

    synchronized void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
      Instant reading = now;
      now = now.plus(step);
      return reading;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}

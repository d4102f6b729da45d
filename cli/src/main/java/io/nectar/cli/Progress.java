package io.nectar.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress on stderr, never on stdout (which may be a CSV file). On a terminal it is a bar redrawn in
 * place at most ten times a second and cleared at the end; elsewhere (a log, a pipe) a plain line at
 * most every ten seconds, so a CI log stays short.
 */
final class Progress implements AutoCloseable {
  private static final Duration BAR_EVERY = Duration.ofMillis(100);
  private static final Duration LINE_EVERY = Duration.ofSeconds(10);
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final Context.Stderr kind;
  private final Clock clock;
  private final String label;
  private final String unit;
  private final long total;
  private long done;
  private Instant shown;
  private boolean drawn;

  /** Progress towards {@code total} things called {@code unit} (total -1 when not known). */
  Progress(Context context, String label, String unit, long total) {
    this.err = context.err();
    this.kind = context.stderr();
    this.clock = context.clock();
    this.label = label;
    this.unit = unit;
    this.total = total;
    this.shown = clock.instant();
  }

  synchronized void advance(long count) {
    done += count;
    Instant now = clock.instant();
    Duration every = kind == Context.Stderr.TERMINAL ? BAR_EVERY : LINE_EVERY;
    if (Duration.between(shown, now).compareTo(every) >= 0) {
      shown = now;
      show();
    }
  }

  private void show() {
    if (kind == Context.Stderr.TERMINAL) {
      err.print("\r" + line());
      drawn = true;
    } else {
      err.println(line());
    }
    err.flush();
  }

  /** For example {@code Uploading [########......]  12/40 files} or {@code Exporting 1200 rows}. */
  private String line() {
    if (total < 0) {
      return label + " " + done + " " + unit;
    }
    int filled = total == 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
    String bar = kind == Context.Stderr.TERMINAL
        ? "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
        : "";
    return label + " " + bar + done + "/" + total + " " + unit;
  }

  /** Clears the bar from the terminal, so what follows starts on a clean line. */
  @Override
  public synchronized void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(line().length()) + "\r");
      err.flush();
      drawn = false;
    }
  }
}

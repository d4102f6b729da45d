package io.nectar.parsing;

import java.time.Duration;

/** The moment a file's reading must give up; checked between pages and passed to OCR processes. */
public final class Deadline {
  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  public static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos());
  }

  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  /** Throws once the time is up. */
  public void check() throws UnreadableFile {
    if (System.nanoTime() - endNanos >= 0) {
      throw new UnreadableFile(UnreadableFile.Reason.TIMED_OUT, "reading the file took longer than allowed");
    }
  }
}

package io.nectar.parsing;

/**
 * A file the engine refuses or cannot read; {@link #getMessage()} says why in words a user
 * understands (it becomes the job's {@code terminationReason}).
 */
public final class UnreadableFile extends Exception {
  /** Why, as a stable code for tests, metrics and the job's per-file outcome. */
  public enum Reason {
    EMPTY,
    UNSUPPORTED_TYPE,
    TOO_LARGE,
    TOO_MANY_PAGES,
    TOO_MANY_PIXELS,
    CORRUPT,
    ENCRYPTED,
    ACTIVE_CONTENT,
    HIDDEN_TEXT,
    TIMED_OUT,
    /** The OCR program is missing or broke: the server's fault, not the file's. */
    OCR_UNAVAILABLE
  }

  private final Reason reason;

  public UnreadableFile(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public UnreadableFile(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** True when the file is fine and the server could not read it (the job FAILS instead of TERMINATING). */
  public boolean isServerFault() {
    return reason == Reason.OCR_UNAVAILABLE;
  }
}

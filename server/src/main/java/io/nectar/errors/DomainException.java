package io.nectar.errors;

/**
 * A rule of the domain refused what was asked. Services throw its kinds, which say nothing of HTTP;
 * the HTTP layer maps each kind to its status and {@code detail} in one place.
 */
public abstract sealed class DomainException extends RuntimeException
    permits NotFound, Forbidden, InvalidInput, Conflict, Unavailable {

  DomainException(String detail) {
    // Expected outcomes, thrown often under load: no stack trace to fill.
    super(detail, null, false, false);
  }

  /** With the failure behind it, for the log; still no stack trace of its own. */
  DomainException(String message, Throwable cause) {
    super(message, cause, false, false);
  }

  /** The sentence the client sees. */
  public String detail() {
    return getMessage();
  }
}

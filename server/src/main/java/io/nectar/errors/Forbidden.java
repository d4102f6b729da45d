package io.nectar.errors;

/** The object exists but is not the caller's: another organization's, another environment's, or a bad link. */
public final class Forbidden extends DomainException {
  /** What Nectar says when an object belongs to someone else (CONTRACT §3). */
  public static final String NOT_YOURS = "You do not have permission to perform this action.";

  public Forbidden() {
    this(NOT_YOURS);
  }

  public Forbidden(String detail) {
    super(detail);
  }
}

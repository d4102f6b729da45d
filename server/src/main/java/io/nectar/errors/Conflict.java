package io.nectar.errors;

/** The request is valid but the object's current state does not allow it. */
public final class Conflict extends DomainException {
  public Conflict(String detail) {
    super(detail);
  }
}

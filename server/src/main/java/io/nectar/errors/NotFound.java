package io.nectar.errors;

/** No such object, or none the caller may know of by that id. */
public final class NotFound extends DomainException {
  /** Not found: "{@code what} not found.", e.g. "Site not found.". */
  public NotFound(String what) {
    super(what + " not found.");
  }
}

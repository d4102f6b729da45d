package io.nectar.web.dashboard;

/**
 * Why {@link DashboardGate} stopped a request: nobody is signed in (the browser goes to the sign-in
 * page), or an unsafe request came without its page's token (403). The dashboard's routes turn it into
 * the answer, so that every route can start with one line.
 */
public final class DashboardRefusal extends RuntimeException {
  /** What was missing. */
  public enum Reason { NOT_SIGNED_IN, FORGED_FORM, NOT_ADMIN }

  private final Reason reason;

  DashboardRefusal(Reason reason) {
    super(reason.name(), null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

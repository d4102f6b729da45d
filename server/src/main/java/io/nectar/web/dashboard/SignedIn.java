package io.nectar.web.dashboard;

import io.nectar.keys.Caller;
import io.nectar.keys.Environment;
import io.nectar.users.DashboardUser;

/**
 * Who a dashboard request is for: the signed-in person, the environment their session shows, and the
 * token every form of the page must send back ({@code _csrf} field or {@code X-CSRF-Token} header).
 */
public record SignedIn(DashboardUser user, Environment environment, String csrfToken) {

  /**
   * The caller the API's services know: the person's organization in the session's environment. Every
   * data page calls the same services as the API with it, so both follow one set of rules.
   */
  public Caller caller() {
    return Caller.acting(user.organizationId(), environment);
  }

  public boolean isAdmin() {
    return user.isAdmin();
  }

  /** "Sandbox" or "Production", as the header shows it. */
  public String environmentLabel() {
    return environment == Environment.SANDBOX ? "Sandbox" : "Production";
  }
}

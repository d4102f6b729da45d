package io.nectar.web.hosted;

import io.nectar.connections.Connection;
import io.nectar.hosted.Opening;
import io.nectar.hosted.Step;
import io.nectar.hosted.Visit;
import io.nectar.keys.Branding;
import io.nectar.providers.ConnectionStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What a hosted page template renders: the visit (or why a link opens nothing), the page's own
 * address, its form token and style nonce, and the outcome of a connection in plain words.
 *
 * @param base the visit's address, {@code /p/s/{token}}; null on a closed-link page
 */
public record HostedPage(Visit visit, Opening.Closed closed, Branding branding, String base, String csrf,
    String nonce, List<String> uploadedJobs) {

  /** The heading and sentence that tell the outcome of a connection. */
  public record Outcome(String heading, String text, String status) {}

  public String title() {
    if (visit == null) {
      return "Link not available";
    }
    return switch (visit.step()) {
      case EMAIL, EMAIL_CODE -> "Check your e-mail address";
      case UTILITY -> "Choose your utility";
      case CREDENTIALS -> visit.session().isReconnect() ? "Update your utility login" : "Connect your utility account";
      case MFA -> "Enter the code from your utility";
      case UPLOAD -> "Upload your bills";
      case DONE -> outcome().heading();
    };
  }

  public boolean is(Step step) {
    return visit != null && visit.step() == step;
  }

  public String brandName() {
    return branding == null ? "Nectar" : branding.name();
  }

  public String colour() {
    return branding == null ? Branding.DEFAULT_COLOUR : branding.colour();
  }

  public String logoUrl() {
    return branding == null ? null : branding.logoUrl();
  }

  /** The visit's page with the utility {@code url} picked. */
  public String utilityLink(Visit.Utility utility) {
    return base + "?utility=" + URLEncoder.encode(utility.url(), StandardCharsets.UTF_8);
  }

  /** Whether the company must still choose its sites (the link did not fix them). */
  public boolean choosesSites() {
    return visit.session().prefill().initialSites().isEmpty();
  }

  public boolean choosesCountry() {
    return visit.session().prefill().country() == null;
  }

  /** Whether the visitor may pick another utility (the link did not fix one). */
  public boolean choosesUtility() {
    return visit.session().prefill().url() == null;
  }

  public String connectionId() {
    return visit == null ? "" : visit.connection().map(c -> c.id().toString()).orElse("");
  }

  public String action(String path) {
    return base + "/" + path;
  }

  public String usernameOfConnection() {
    return visit.connection().map(Connection::username).orElse("");
  }

  public String utilityOfConnection() {
    return visit.connection().map(c -> c.providerName() != null ? c.providerName() : c.url()).orElse("your utility");
  }

  /** The connection's status in words the account holder can act on. */
  public Outcome outcome() {
    Optional<Connection> connection = visit == null ? Optional.empty() : visit.connection();
    ConnectionStatus status = connection.map(Connection::status).orElse(ConnectionStatus.PENDING);
    String utility = utilityOfConnection();
    String detail = connection.map(Connection::statusErrorDetail).orElse(null);
    return switch (status) {
      case CONNECTED -> new Outcome("Connected", "Your " + utility + " account is connected. Your bills and usage "
          + "will arrive over the next minutes; you can close this page.", status.name());
      case PENDING, UNDER_INVESTIGATION -> new Outcome("Login saved", "Your login is saved and will be checked "
          + "shortly. There is nothing more to do; you can close this page.", status.name());
      case WEBSITE_DOWN, URL_INACCESSIBLE -> new Outcome("Login saved; the utility's website is down",
          utility + "'s website did not respond just now. Your login is saved and will be tried again "
              + "automatically; there is nothing more to do.", status.name());
      case NO_ACCOUNTS_FOUND -> new Outcome("No accounts found", "The login worked, but no utility accounts are "
          + "visible to it. Sign in to " + utility + "'s website to check that the accounts are linked to this "
          + "login, or connect with the login that holds them.", status.name());
      case NEW_PASSWORD_NEEDED -> new Outcome("The utility asks for a new password", "Sign in to " + utility
          + "'s website, set a new password there, then use this link again with it.", status.name());
      case INCORRECT_PASSWORD -> new Outcome("The password was not accepted", "Use this link again with the "
          + "password you use on " + utility + "'s website.", status.name());
      default -> new Outcome("Saved, with a problem", detail != null ? detail
          : "The connection is saved, but the utility reported a problem. The sender of this link can see it.",
          status.name());
    };
  }
}

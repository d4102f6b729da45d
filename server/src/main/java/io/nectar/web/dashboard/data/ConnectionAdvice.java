package io.nectar.web.dashboard.data;

import io.nectar.providers.ConnectionStatus;

/**
 * A connection's status in plain words: what it means and what the customer (the account holder)
 * must do about it, if anything. The words follow the hosted connection pages', which say the same
 * things to the customer directly.
 */
public record ConnectionAdvice(String headline, String action, Tone tone) {

  /** How a status should look: fine, waiting, or needing someone. */
  public enum Tone { OK, WAITING, ACTION }

  public static ConnectionAdvice of(ConnectionStatus status) {
    return switch (status) {
      case CONNECTED -> new ConnectionAdvice("Connected", "Nothing to do: bills are collected automatically.",
          Tone.OK);
      case PENDING -> new ConnectionAdvice("Checking the login",
          "Nothing to do yet: the login is being checked with the utility.", Tone.WAITING);
      case UNDER_INVESTIGATION -> new ConnectionAdvice("Being looked into",
          "Nothing to do yet: the collection hit a problem that is being investigated.", Tone.WAITING);
      case WEBSITE_DOWN -> new ConnectionAdvice("The utility's website is down",
          "Nothing to do: collection tries again by itself once the website is back.", Tone.WAITING);
      case URL_INACCESSIBLE -> new ConnectionAdvice("The utility's website cannot be reached",
          "Check that the utility's address is right; collection tries again by itself.", Tone.WAITING);
      case NO_ACCOUNTS_FOUND -> new ConnectionAdvice("No accounts found",
          "The customer should check that this login is the one that holds the utility accounts, and "
              + "reconnect with the right one.", Tone.ACTION);
      case OTHER_ERROR -> new ConnectionAdvice("Collection failed",
          "Send the customer a reconnect invitation; if it keeps failing, contact support.", Tone.ACTION);
      case MFA_TOKEN_EXPIRED -> new ConnectionAdvice("The one-time code has expired",
          "The customer must sign in again and enter a new one-time code from the utility: send them a "
              + "reconnect invitation.", Tone.ACTION);
      case INCORRECT_PASSWORD -> new ConnectionAdvice("The password was not accepted",
          "The customer must enter the current password of their utility login: send them a reconnect "
              + "invitation.", Tone.ACTION);
      case NEW_PASSWORD_NEEDED -> new ConnectionAdvice("The utility asks for a new password",
          "The customer must set a new password on the utility's website, then reconnect with it.",
          Tone.ACTION);
      case ADDITIONAL_CREDENTIALS_NEEDED -> new ConnectionAdvice("The utility asks for more details",
          "The customer must reconnect and answer what the utility asks (a security question or code).",
          Tone.ACTION);
      case COMPANY_INACTIVE -> new ConnectionAdvice("Company inactive",
          "Nothing is collected while the company is inactive.", Tone.WAITING);
    };
  }
}

package io.nectar.providers.sandbox;

import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ConnectionStatus;
import io.nectar.providers.MfaAnswer;
import io.nectar.providers.Validation;

/**
 * The sandbox's pretend login (CONTRACT §8 and §11). With the sandbox password, a few reserved
 * usernames act out the failures a real utility website produces, so that clients can test their
 * error handling; anything else is a wrong password. Details never repeat a password, not even the
 * public sandbox one, because a user who typed it may have typed it for another username.
 */
final class SandboxLogin {
  static final String USERNAME = "nectar-sandbox-username";
  static final String PASSWORD = "nectar-sandbox-password";
  static final String WEBSITE_DOWN = "nectar-sandbox-website-down";
  static final String MFA = "nectar-sandbox-mfa";
  static final String NO_ACCOUNTS = "nectar-sandbox-no-accounts";
  static final String PASSWORD_CHANGE = "nectar-sandbox-password-change";

  private SandboxLogin() {}

  static Validation validate(CollectionRequest request) {
    if (!PASSWORD.equals(request.password())) {
      return wrongCredentials();
    }
    String username = request.username() == null ? "" : request.username();
    return switch (username) {
      case USERNAME -> Validation.connected();
      case WEBSITE_DOWN -> new Validation(ConnectionStatus.WEBSITE_DOWN,
          "The utility's website did not respond. Nothing needs to change on your side; the connection is "
              + "retried automatically. (Sandbox scenario: use username " + USERNAME + " for a working connection.)");
      case MFA -> trusted(request) ? Validation.connected() : mfaNeeded();
      case NO_ACCOUNTS -> new Validation(ConnectionStatus.NO_ACCOUNTS_FOUND,
          "The login worked but no utility accounts are visible to this user. Ask the account holder to grant "
              + "this login access to the accounts, or connect with a login that has them. (Sandbox scenario.)");
      // Connected at the first check, then the user "changed the password" at the utility.
      case PASSWORD_CHANGE -> request.validationCount() == 0 ? Validation.connected() : new Validation(
          ConnectionStatus.INCORRECT_PASSWORD,
          "The utility rejected the saved password; it was probably changed on the utility's website. Update "
              + "the password on this connection. (Sandbox scenario.)");
      default -> wrongCredentials();
    };
  }

  /**
   * The sandbox's one-time code: any six digits, as the hosted flow's MFA step documents. The token it
   * returns is bound to the connection, so it trusts that connection's later logins and no other's.
   */
  static MfaAnswer answerMfa(CollectionRequest request, String code) {
    Validation login = validate(request);
    if (login.status() != ConnectionStatus.MFA_TOKEN_EXPIRED) {
      return MfaAnswer.refused(login);
    }
    if (code == null || !code.matches("[0-9]{6}")) {
      return MfaAnswer.refused(new Validation(ConnectionStatus.MFA_TOKEN_EXPIRED,
          "The utility did not accept that code: it has six digits. (Sandbox scenario: any six digits work.)"));
    }
    return MfaAnswer.accepted(Validation.connected(), trustToken(request));
  }

  private static boolean trusted(CollectionRequest request) {
    return trustToken(request).equals(request.mfaToken());
  }

  private static String trustToken(CollectionRequest request) {
    return "sandbox-mfa-trusted:" + request.connectionId();
  }

  private static Validation mfaNeeded() {
    return new Validation(ConnectionStatus.MFA_TOKEN_EXPIRED,
        "The utility asked for a one-time code. Send the account holder a reconnect invitation so they can "
            + "complete multi-factor authentication. (Sandbox scenario.)");
  }

  private static Validation wrongCredentials() {
    return new Validation(ConnectionStatus.INCORRECT_PASSWORD,
        "The utility rejected the username or password. Check both and update the connection; the sandbox "
            + "accepts username " + USERNAME + " with the sandbox password from the documentation.");
  }
}

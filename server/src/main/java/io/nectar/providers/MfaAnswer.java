package io.nectar.providers;

/**
 * The outcome of answering a utility's one-time code: the connection's status after it, and when the
 * code was accepted a token the provider needs at later logins to stay trusted (kept sealed with the
 * connection, like the password, and handed back in {@link CollectionRequest#mfaToken()}).
 */
public record MfaAnswer(Validation validation, String token) {

  public static MfaAnswer accepted(Validation validation, String token) {
    return new MfaAnswer(validation, token);
  }

  public static MfaAnswer refused(Validation validation) {
    return new MfaAnswer(validation, null);
  }

  public boolean isAccepted() {
    return token != null;
  }

  @Override
  public String toString() {
    return "MfaAnswer[" + validation.status() + (token == null ? "" : ", token") + "]"; // never the token
  }
}

package io.nectar.mail;

/** A message that could not be handed over for delivery; its message is fit to show a user. */
public final class MailFailure extends RuntimeException {
  public MailFailure(String message) {
    super(message);
  }

  public MailFailure(String message, Throwable cause) {
    super(message, cause);
  }
}

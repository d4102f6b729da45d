package io.nectar.mail;

/**
 * Sends e-mail (invitations, e-mail verification codes). A server without SMTP has a mailer that is
 * not {@link #configured()}: callers say so to the user instead of pretending a message left.
 */
public interface Mailer {
  /** True when messages can leave (an SMTP server is configured). */
  boolean configured();

  /**
   * Sends {@code mail} now.
   *
   * @throws MailFailure when it could not be handed to the SMTP server (or none is configured); the
   *     message says why in plain words and never holds a password
   */
  void send(Mail mail);
}

package io.nectar.mail;

/**
 * The mailer of a server without {@code NECTAR_SMTP_URL}: it says so on every attempt, so an
 * invitation or a verification code is never reported as sent when nothing left.
 */
public final class NotConfiguredMailer implements Mailer {
  public static final String MESSAGE = "No SMTP server is configured (set NECTAR_SMTP_URL).";

  @Override
  public boolean configured() {
    return false;
  }

  @Override
  public void send(Mail mail) {
    throw new MailFailure(MESSAGE);
  }

  @Override
  public String toString() {
    return "NotConfiguredMailer";
  }
}

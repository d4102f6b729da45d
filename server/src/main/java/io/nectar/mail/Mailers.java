package io.nectar.mail;

import io.nectar.config.SmtpSettings;
import java.time.Clock;
import java.util.Optional;

/** The server's mailer: SMTP when {@code NECTAR_SMTP_URL} is set, otherwise one that says it cannot send. */
public final class Mailers {
  private Mailers() {}

  public static Mailer from(Optional<SmtpSettings> smtp) {
    return from(smtp, Clock.systemUTC());
  }

  /** As {@link #from(Optional)}, with the clock that dates each message. */
  public static Mailer from(Optional<SmtpSettings> smtp, Clock clock) {
    return smtp.<Mailer>map(settings -> new SmtpMailer(settings, clock)).orElseGet(NotConfiguredMailer::new);
  }
}

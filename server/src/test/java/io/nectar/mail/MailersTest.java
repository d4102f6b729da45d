package io.nectar.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.testing.SmtpServer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailersTest {

  @Test
  void withoutSmtpTheMailerSaysItIsNotConfiguredAndEverySendFailsSayingWhy() {
    Mailer mailer = Mailers.from(Optional.empty());

    assertThat(mailer.configured()).isFalse();
    assertThatThrownBy(() -> mailer.send(new Mail("ann@example.com", "Hi", "Hello", "<p>Hello</p>")))
        .isInstanceOf(MailFailure.class)
        .hasMessage("No SMTP server is configured (set NECTAR_SMTP_URL).");
  }

  @Test
  void withSmtpTheMailerIsConfiguredAndSends() {
    try (SmtpServer smtp = SmtpServer.start()) {
      Mailer mailer = Mailers.from(Optional.of(smtp.settings()));

      assertThat(mailer.configured()).isTrue();
      mailer.send(new Mail("ann@example.com", "Hi", "Hello", null));
      assertThat(smtp.awaitReceived(1)).extracting(SmtpServer.Received::subject).containsExactly("Hi");
    }
  }
}

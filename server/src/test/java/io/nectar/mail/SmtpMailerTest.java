package io.nectar.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.config.SmtpSettings;
import io.nectar.testing.SmtpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SmtpMailerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

  @Test
  void aPlainMessageArrivesWithItsSenderSubjectDateAndMessageId() {
    try (SmtpServer smtp = SmtpServer.start()) {
      new SmtpMailer(smtp.settings(), CLOCK).send(new Mail("ann@example.com", "Connect your utility – ünïcode",
          "Open this link:\nhttps://nectar.test/p/i/abc", null));

      SmtpServer.Received mail = smtp.awaitReceived(1).get(0);
      assertThat(mail.to()).isEqualTo("ann@example.com");
      assertThat(mail.from()).isEqualTo(SmtpServer.FROM);
      assertThat(mail.subject()).isEqualTo("Connect your utility – ünïcode");
      assertThat(mail.text()).isEqualToIgnoringNewLines("Open this link:https://nectar.test/p/i/abc");
      assertThat(mail.html()).isNull();
      assertThat(mail.header("Date")).hasValueSatisfying(d -> assertThat(d).contains("4 Mar 2026 05:06:07"));
      assertThat(mail.header("Message-ID")).hasValueSatisfying(id -> assertThat(id).matches("<[0-9a-f-]{36}@nectar\\.test>"));
    }
  }

  @Test
  void htmlMakesAMultipartAlternativeWithTheTextFirst() {
    try (SmtpServer smtp = SmtpServer.start()) {
      new SmtpMailer(smtp.settings(), CLOCK).send(new Mail("bob@example.com", "Your code",
          "Your code is 123456", "<p>Your code is <b>123456</b></p>"));

      SmtpServer.Received mail = smtp.awaitReceived(1).get(0);
      assertThat(mail.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("multipart/alternative"));
      assertThat(mail.text()).isEqualTo("Your code is 123456");
      assertThat(mail.html()).isEqualTo("<p>Your code is <b>123456</b></p>");
    }
  }

  @Test
  void aServerThatRequiresLoginTakesTheUserAndPasswordFromTheUrl() {
    try (SmtpServer smtp = SmtpServer.withLogin("mailer", "p@ss:w+rd%/?")) {
      new SmtpMailer(smtp.settings(), CLOCK).send(new Mail("carol@example.com", "Hi", "Hello", null));

      assertThat(smtp.awaitReceived(1)).extracting(SmtpServer.Received::to).containsExactly("carol@example.com");
    }
  }

  @Test
  void aWrongPasswordIsAFailureThatNamesTheProblemButNotThePassword() {
    try (SmtpServer smtp = SmtpServer.withLogin("mailer", "right-password")) {
      String wrong = "Wr0ng-Secret-Value";
      SmtpSettings settings = SmtpSettings.parse(
          "smtp://mailer:" + wrong + "@127.0.0.1:" + smtp.port() + "?starttls=off", Optional.empty(),
          "http://nectar.test");

      assertThatThrownBy(() -> new SmtpMailer(settings, CLOCK).send(new Mail("dan@example.com", "Hi", "Hello", null)))
          .isInstanceOf(MailFailure.class)
          .hasMessageContaining("refused the user name and password")
          .satisfies(e -> assertThat(everything(e)).doesNotContain(wrong));
      assertThat(smtp.received()).isEmpty();
    }
  }

  @Test
  void aServerThatIsDownIsAFailureNotAHang() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    SmtpSettings down = SmtpSettings.parse("smtp://user:Secret-123@127.0.0.1:" + closedPort + "?starttls=off",
        Optional.empty(), "http://nectar.test");

    assertThatThrownBy(() -> new SmtpMailer(down, CLOCK).send(new Mail("a@example.com", "Hi", "Hello", null)))
        .isInstanceOf(MailFailure.class)
        .hasMessageContaining("Could not connect to the SMTP server 127.0.0.1:" + closedPort)
        .satisfies(e -> assertThat(everything(e)).doesNotContain("Secret-123"));
  }

  @Test
  // A guard against hanging the build, not a measure (the mailer's own limit is 300 ms here); a separate
  // thread, because a blocked socket read ignores interruption.
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aServerThatAcceptsButNeverAnswersTimesOut() throws IOException {
    // Connected (the backlog takes it) but never greeted: the read limit, not the connect limit, ends it.
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      SmtpSettings settings = SmtpSettings.parse("smtp://127.0.0.1:" + silent.getLocalPort() + "?starttls=off",
          Optional.empty(), "http://nectar.test");

      assertThatThrownBy(() -> new SmtpMailer(settings, CLOCK, Duration.ofMillis(300))
          .send(new Mail("a@example.com", "Hi", "Hello", null)))
          .isInstanceOf(MailFailure.class)
          .hasMessageContaining("did not answer");
    }
  }

  @Test
  void aServerWithoutStartTlsIsRefusedWhenTheUrlRequiresIt() {
    try (SmtpServer smtp = SmtpServer.start()) {
      SmtpSettings settings = SmtpSettings.parse("smtp://127.0.0.1:" + smtp.port(), Optional.empty(),
          "http://nectar.test");

      assertThatThrownBy(() -> new SmtpMailer(settings, CLOCK).send(new Mail("a@example.com", "Hi", "Hello", null)))
          .isInstanceOf(MailFailure.class)
          .hasMessageContaining("does not offer STARTTLS");
      assertThat(smtp.received()).isEmpty();
    }
  }

  @Test
  void aServerWhoseCertificateIsNotTrustedIsRefused() {
    try (SmtpServer smtp = SmtpServer.withSelfSignedTls()) {
      assertThatThrownBy(() -> new SmtpMailer(smtp.settings(), CLOCK).send(new Mail("a@example.com", "Hi", "Hello", null)))
          .isInstanceOf(MailFailure.class)
          .hasMessageStartingWith("TLS with the SMTP server 127.0.0.1:" + smtp.port() + " failed");
      assertThat(smtp.received()).isEmpty();
    }
  }

  @Test
  void aLineBreakInTheRecipientOrSubjectIsRefusedBeforeAnythingIsSent() {
    try (SmtpServer smtp = SmtpServer.start()) {
      SmtpMailer mailer = new SmtpMailer(smtp.settings(), CLOCK);
      List<Mail> injections = List.of(
          new Mail("ann@example.com\r\nBcc: mallory@example.com", "Hi", "Hello", null),
          new Mail("ann@example.com\nBcc: mallory@example.com", "Hi", "Hello", null),
          new Mail("ann@example.com", "Hi\r\nBcc: mallory@example.com", "Hello", null),
          new Mail("ann@example.com", "Hi\nBcc: mallory@example.com", "Hello", null),
          new Mail("ann@example.com", "Hi\rBcc: mallory@example.com", "Hello", null));

      for (Mail mail : injections) {
        assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailFailure.class)
            .hasMessageStartingWith("Refused to send");
      }
      assertThat(smtp.received()).isEmpty();
    }
  }

  @Test
  void anythingButOneBareAddressIsRefusedBeforeAnythingIsSent() {
    try (SmtpServer smtp = SmtpServer.start()) {
      SmtpMailer mailer = new SmtpMailer(smtp.settings(), CLOCK);
      for (String to : List.of("", " ", "ann", "ann@", "@example.com", "ann@example.com, bob@example.com",
          "Ann <ann@example.com>", "ann@exa mple.com", "ann@@example.com", "undisclosed:;")) {
        assertThatThrownBy(() -> mailer.send(new Mail(to, "Hi", "Hello", null)))
            .as(to).isInstanceOf(MailFailure.class).hasMessageStartingWith("Refused to send");
      }
      assertThat(smtp.received()).isEmpty();
    }
  }

  private static String everything(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}

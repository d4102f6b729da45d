package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.nectar.mail.Mail;
import io.nectar.testing.SmtpServer;
import io.nectar.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The server's mailer comes from NECTAR_SMTP_URL, and its start says where e-mail goes or that none can. */
class ServerMailTest {
  private final ListAppender<ILoggingEvent> startLog = new ListAppender<>();

  @BeforeEach
  void watchTheStartLog() {
    startLog.start();
    ((Logger) LoggerFactory.getLogger(NectarServer.class)).addAppender(startLog);
  }

  @AfterEach
  void stopWatching() {
    ((Logger) LoggerFactory.getLogger(NectarServer.class)).detachAppender(startLog);
  }

  @Test
  void aServerWithSmtpSendsThroughItAndLogsWhereWithoutThePassword() {
    try (SmtpServer smtp = SmtpServer.withLogin("mailer", "Log-Me-Not-42");
        TestServer server = TestServer.start(Map.of("NECTAR_SMTP_URL", smtp.url()))) {
      assertThat(server.server().mailer().configured()).isTrue();
      server.server().mailer().send(new Mail("ann@example.com", "Hello", "Hello from the server", null));

      assertThat(smtp.awaitReceived(1)).extracting(SmtpServer.Received::to).containsExactly("ann@example.com");
      assertThat(messages(Level.INFO)).anySatisfy(m -> assertThat(m).startsWith("E-mail is sent through smtp://mailer:***@127.0.0.1:"));
      assertThat(startLog.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("Log-Me-Not-42"));
      assertThat(messages(Level.WARN)).noneSatisfy(m -> assertThat(m).contains("SMTP"));
    }
  }

  @Test
  void aServerWithoutSmtpWarnsOnceAtStartThatNoMailCanBeSent() {
    try (TestServer server = TestServer.start()) {
      assertThat(server.server().mailer().configured()).isFalse();
      assertThat(messages(Level.WARN)).filteredOn(m -> m.contains("SMTP")).containsExactly(
          "No SMTP server is configured: invitation e-mails and verification codes cannot be sent; set NECTAR_SMTP_URL");
    }
  }

  private List<String> messages(Level level) {
    return startLog.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
  }
}

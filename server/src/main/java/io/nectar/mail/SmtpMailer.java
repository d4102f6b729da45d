package io.nectar.mail;

import io.nectar.config.SmtpSettings;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.SSLException;

/**
 * Hands each message to the configured SMTP server over a connection of its own (invitations and
 * verification codes are few; a pool would only hold idle sockets a server may drop).
 *
 * <p>Every network step has a time limit, so a silent server costs a request seconds, not forever.
 * A recipient or subject that could add a header (a line break) or is not one valid address is
 * refused before anything is sent. Failures become {@link MailFailure}s in plain words; the
 * password never appears in them.
 */
public final class SmtpMailer implements Mailer {
  /** Connect, read and write limits: long enough for a slow provider, short enough for a request. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private final SmtpSettings settings;
  private final Clock clock;
  private final Duration timeout;
  private final Session session;
  private final InternetAddress from;
  private final String domain;

  public SmtpMailer(SmtpSettings settings, Clock clock) {
    this(settings, clock, DEFAULT_TIMEOUT);
  }

  public SmtpMailer(SmtpSettings settings, Clock clock, Duration timeout) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    try {
      this.from = new InternetAddress(settings.from(), true);
      from.validate();
    } catch (AddressException e) {
      throw new IllegalArgumentException("The sender address " + settings.from() + " is not valid: " + e.getMessage());
    }
    this.domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
    this.session = Session.getInstance(properties());
  }

  private Properties properties() {
    Properties p = new Properties();
    String millis = Long.toString(timeout.toMillis());
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", settings.host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    p.setProperty("mail.smtp.connectiontimeout", millis);
    p.setProperty("mail.smtp.timeout", millis);
    p.setProperty("mail.smtp.writetimeout", millis);
    p.setProperty("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
    // The envelope sender, and the name given in EHLO: the sender's domain rather than this machine's
    // name, whose lookup can hang in a container and which some servers refuse.
    p.setProperty("mail.smtp.from", from.getAddress());
    p.setProperty("mail.smtp.localhost", domain);
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    switch (settings.security()) {
      case IMPLICIT_TLS -> p.setProperty("mail.smtp.ssl.enable", "true");
      case STARTTLS_REQUIRED -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
      }
      case STARTTLS_OPTIONAL -> p.setProperty("mail.smtp.starttls.enable", "true");
      case PLAIN -> p.setProperty("mail.smtp.starttls.enable", "false");
    }
    return p;
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public void send(Mail mail) {
    InternetAddress to = recipient(mail.to());
    requireOneLine(mail.subject());
    MimeMessage message = message(mail, to);
    Transport transport = null;
    try {
      transport = session.getTransport("smtp");
      transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
          settings.password().orElse(null));
      transport.sendMessage(message, new Address[] {to});
    } catch (MessagingException e) {
      throw failure(e, to);
    } finally {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException ignored) {
          // the message was handed over (or the failure is already on its way); QUIT failing changes neither
        }
      }
    }
  }

  private MimeMessage message(Mail mail, InternetAddress to) {
    try {
      MimeMessage message = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          // Unique without this machine's host name, which the library would otherwise look up.
          setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
        }
      };
      message.setFrom(from);
      message.setRecipient(MimeMessage.RecipientType.TO, to);
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(clock.instant()));
      if (mail.html() == null) {
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
      } else {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        // Plain first: a reader shows the last part it understands, so HTML wins where it can.
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
      }
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new MailFailure("The message could not be put together: " + e.getMessage(), e);
    }
  }

  /** One bare address ({@code someone@example.com}): no name, no list, no line break. */
  static InternetAddress recipient(String to) {
    if (to.isBlank() || to.chars().anyMatch(Character::isISOControl)) {
      throw new MailFailure("Refused to send: the recipient must be one e-mail address on one line.");
    }
    try {
      InternetAddress address = new InternetAddress(to, true);
      address.validate();
      if (address.isGroup() || address.getPersonal() != null || !address.getAddress().equals(to)
          || address.getAddress().indexOf('@') < 1) {
        throw new AddressException("not a bare address");
      }
      return address;
    } catch (AddressException e) {
      throw new MailFailure("Refused to send: '" + to + "' is not a valid e-mail address.");
    }
  }

  /** A subject with a line break would let its text add headers of its own. */
  static void requireOneLine(String subject) {
    if (subject.chars().anyMatch(Character::isISOControl)) {
      throw new MailFailure("Refused to send: the subject must be one line of text.");
    }
  }

  private MailFailure failure(MessagingException e, InternetAddress to) {
    String server = "The SMTP server " + settings.host() + ":" + settings.port();
    if (e instanceof AuthenticationFailedException) {
      return new MailFailure(server + " refused the user name and password in NECTAR_SMTP_URL.", e);
    }
    if (e instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
        && sendFailed.getInvalidAddresses().length > 0) {
      return new MailFailure(server + " refused the recipient " + to.getAddress() + ": " + reply(e), e);
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException) {
        return new MailFailure("The SMTP server's host name " + settings.host() + " is unknown.", e);
      }
      if (cause instanceof ConnectException) {
        return new MailFailure("Could not connect to the SMTP server " + settings.host() + ":" + settings.port()
            + " (nothing answers there).", e);
      }
      if (cause instanceof SocketTimeoutException) {
        return new MailFailure(server + " did not answer within " + timeout.toSeconds() + " seconds.", e);
      }
      if (cause instanceof SSLException) {
        return new MailFailure("TLS with the SMTP server " + settings.host() + ":" + settings.port()
            + " failed (is its certificate valid for that name?): " + scrubbed(cause.getMessage()), e);
      }
    }
    String text = String.valueOf(e.getMessage());
    if (text.contains("STARTTLS is required")) {
      return new MailFailure(server + " does not offer STARTTLS, which NECTAR_SMTP_URL requires by default "
          + "(add ?starttls=off for a relay without TLS).", e);
    }
    return new MailFailure(server + " did not take the message: " + reply(e), e);
  }

  /** The server's own words, as the library reports them, without anything secret. */
  private String reply(MessagingException e) {
    Exception next = e.getNextException();
    String text = e.getMessage() + (next != null && next.getMessage() != null ? " (" + next.getMessage() + ")" : "");
    return scrubbed(text.replaceAll("\\s+", " ").trim());
  }

  private String scrubbed(String text) {
    String result = String.valueOf(text);
    if (settings.password().isPresent() && !settings.password().get().isEmpty()) {
      result = result.replace(settings.password().get(), "***");
    }
    return result;
  }

  @Override
  public String toString() {
    return "SmtpMailer[" + settings + "]";
  }
}

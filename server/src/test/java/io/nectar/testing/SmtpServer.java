package io.nectar.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.nectar.config.SmtpSettings;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A real SMTP server (GreenMail) on a free port of 127.0.0.1, for tests that send e-mail. Start one
 * per test (or class) and close it; point the server at it with
 * {@code Map.of("NECTAR_SMTP_URL", smtp.url())}, or build a mailer from {@link #settings()}.
 *
 * <pre>{@code
 * try (SmtpServer smtp = SmtpServer.start()) {
 *   ...
 *   SmtpServer.Received mail = smtp.awaitReceived(1).get(0);
 *   assertThat(mail.to()).isEqualTo("ann@example.com");
 * }
 * }</pre>
 */
public final class SmtpServer implements AutoCloseable {
  /** The sender every URL from this helper names. */
  public static final String FROM = "nectar@nectar.test";

  /**
   * One message as received: the To and From headers, the decoded subject, the plain-text body and
   * the HTML body (null when the message has none), and every header by lower-case name.
   */
  public record Received(String to, String from, String subject, String text, String html,
      Map<String, List<String>> headers) {
    /** The first value of a header (name in any case), if present. */
    public Optional<String> header(String name) {
      List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  /** Plain SMTP, or TLS from the first byte with GreenMail's own self-signed certificate. */
  private enum Wire { PLAIN, SELF_SIGNED_TLS }

  private final GreenMail greenMail;
  private final Wire wire;
  private final Optional<String> user;
  private final Optional<String> password;

  private SmtpServer(GreenMail greenMail, Wire wire, Optional<String> user, Optional<String> password) {
    this.greenMail = greenMail;
    this.wire = wire;
    this.user = user;
    this.password = password;
  }

  /** A server that takes mail from anyone (no authentication). */
  public static SmtpServer start() {
    GreenMail greenMail = new GreenMail(setup());
    greenMail.start();
    greenMail.getUserManager().setAuthRequired(false);
    return new SmtpServer(greenMail, Wire.PLAIN, Optional.empty(), Optional.empty());
  }

  /**
   * A server speaking SMTPS with a self-signed certificate that no trust store knows: a client that
   * checks certificates must refuse it ({@link #url()} is then {@code smtps://}).
   */
  public static SmtpServer withSelfSignedTls() {
    GreenMail greenMail = new GreenMail(setup(ServerSetup.PROTOCOL_SMTPS));
    greenMail.start();
    greenMail.getUserManager().setAuthRequired(false);
    return new SmtpServer(greenMail, Wire.SELF_SIGNED_TLS, Optional.empty(), Optional.empty());
  }

  /**
   * A server that knows one login: {@code AUTH} with another user or password is refused. (GreenMail
   * still takes mail from a client that does not authenticate at all.)
   */
  public static SmtpServer withLogin(String user, String password) {
    GreenMail greenMail = new GreenMail(setup());
    greenMail.start();
    greenMail.setUser("smtp-login@nectar.test", user, password);
    greenMail.getUserManager().setAuthRequired(true);
    return new SmtpServer(greenMail, Wire.PLAIN, Optional.of(user), Optional.of(password));
  }

  private static ServerSetup setup() {
    return setup(ServerSetup.PROTOCOL_SMTP);
  }

  private static ServerSetup setup(String protocol) {
    ServerSetup setup = new ServerSetup(0, "127.0.0.1", protocol).dynamicPort();
    // GreenMail gives up after 2 s by default, which a busy build machine can exceed (SMTPS loads a key store).
    setup.setServerStartupTimeout(Duration.ofSeconds(30).toMillis());
    return setup;
  }

  public int port() {
    return wire == Wire.PLAIN ? greenMail.getSmtp().getPort() : greenMail.getSmtps().getPort();
  }

  /**
   * The {@code NECTAR_SMTP_URL} that reaches this server: plain SMTP (GreenMail offers no STARTTLS),
   * with its user and password when it requires them, sending as {@link #FROM}.
   */
  public String url() {
    String login = user.map(u -> encoded(u) + ":" + encoded(password.orElseThrow()) + "@").orElse("");
    return wire == Wire.PLAIN
        ? "smtp://" + login + "127.0.0.1:" + port() + "?starttls=off&from=" + encoded(FROM)
        : "smtps://" + login + "127.0.0.1:" + port() + "?from=" + encoded(FROM);
  }

  /** The settings {@link #url()} stands for, to build a mailer directly. */
  public SmtpSettings settings() {
    return SmtpSettings.parse(url(), Optional.empty(), "http://localhost");
  }

  /** The messages received so far, oldest first. */
  public List<Received> received() {
    List<Received> result = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      result.add(read(message));
    }
    return Collections.unmodifiableList(result);
  }

  /** Waits (up to 10 s) until at least {@code count} messages arrived, then returns them all. */
  public List<Received> awaitReceived(int count) {
    if (!greenMail.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), count)) {
      throw new AssertionError("expected " + count + " e-mail(s), got " + greenMail.getReceivedMessages().length);
    }
    return received();
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  private static Received read(MimeMessage message) {
    try {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (Header header : Collections.list(message.getAllHeaders())) {
        headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(header.getValue());
      }
      headers.replaceAll((k, v) -> List.copyOf(v));
      String[] bodies = new String[2];
      collect(message, bodies);
      return new Received(first(message.getHeader("To")), first(message.getHeader("From")), message.getSubject(),
          bodies[0], bodies[1], Collections.unmodifiableMap(headers));
    } catch (MessagingException | IOException e) {
      throw new AssertionError("could not read a received message", e);
    }
  }

  /** Finds the first text/plain and text/html parts, at any depth of multipart nesting. */
  private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, bodies);
      }
    } else if (part.isMimeType("text/plain") && bodies[0] == null) {
      bodies[0] = (String) part.getContent();
    } else if (part.isMimeType("text/html") && bodies[1] == null) {
      bodies[1] = (String) part.getContent();
    }
  }

  private static String first(String[] values) {
    return values == null || values.length == 0 ? null : Arrays.stream(values).findFirst().orElse(null);
  }

  private static String encoded(String raw) {
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package io.nectar.invitations;

import io.nectar.mail.Mail;
import io.nectar.mail.MailFailure;
import io.nectar.mail.Mailer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invitation e-mail: each allowed address gets its own pre-verified link
 * ({@code …/p/i/{token}?email=…&proof=…}), in plain text and simple HTML, with no tracking pixel and
 * no rewritten links. Every address gets an outcome; none is dropped silently. The link holds the
 * token, so neither the link nor the message body is ever logged.
 */
final class InvitationMails {
  private static final Logger log = LoggerFactory.getLogger(InvitationMails.class);
  static final String NOT_CONFIGURED = "No SMTP server is configured (set NECTAR_SMTP_URL), so no e-mail was "
      + "sent: share the invitationUrl yourself.";
  private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'",
      Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** What happened to one address's e-mail. */
  enum Outcome { SENT, FAILED, NOT_CONFIGURED }

  /** One address's outcome; {@code detail} says why when it was not sent. */
  record Delivery(String email, Outcome status, String detail) {}

  /** What the e-mail says: who invites, for which company, to do what, until when. */
  record Invite(UUID invitationId, String organizationName, String companyName, InvitationType type,
      String invitationUrl, Instant expiresAt) {}

  private final Mailer mailer;
  private final EmailProof proofs;

  InvitationMails(Mailer mailer, EmailProof proofs) {
    this.mailer = mailer;
    this.proofs = proofs;
  }

  List<Delivery> send(Invite invite, List<String> emails) {
    List<Delivery> deliveries = new ArrayList<>();
    if (!mailer.configured()) {
      log.warn("Invitation {}: {} address(es) asked for an e-mail, but no SMTP server is configured (set "
          + "NECTAR_SMTP_URL); none was sent", invite.invitationId(), emails.size());
      emails.forEach(email -> deliveries.add(new Delivery(email, Outcome.NOT_CONFIGURED, NOT_CONFIGURED)));
      return deliveries;
    }
    for (String email : emails) {
      try {
        mailer.send(compose(invite, email));
        deliveries.add(new Delivery(email, Outcome.SENT, null));
      } catch (MailFailure e) {
        log.warn("Invitation {}: the e-mail to {} could not be sent: {}", invite.invitationId(), email,
            e.getMessage());
        deliveries.add(new Delivery(email, Outcome.FAILED, e.getMessage()));
      } catch (RuntimeException e) {
        log.error("Invitation {}: the e-mail to {} failed", invite.invitationId(), email, e);
        deliveries.add(new Delivery(email, Outcome.FAILED, "The e-mail could not be sent (an internal error); "
            + "share the invitationUrl yourself."));
      }
    }
    return deliveries;
  }

  Mail compose(Invite invite, String email) {
    String link = invite.invitationUrl() + "?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
        + "&proof=" + proofs.sign(invite.invitationId(), email);
    String action = invite.type() == InvitationType.EDIT_CONNECTION
        ? "update the login of a utility account connected to " + invite.companyName()
        : "connect a utility account to " + invite.companyName();
    String subject = invite.organizationName() + " invites you to " + (invite.type()
        == InvitationType.EDIT_CONNECTION ? "update a utility connection of " : "connect a utility account for ")
        + invite.companyName();
    String expiry = invite.expiresAt() == null ? null
        : "The link works until " + EXPIRY.format(invite.expiresAt()) + ".";
    StringBuilder text = new StringBuilder()
        .append("Hello,\n\n")
        .append(invite.organizationName()).append(" asks you to ").append(action).append(".\n\n")
        .append("Open this link to continue (it was made for ").append(email).append(" only):\n")
        .append(link).append("\n\n");
    if (expiry != null) {
      text.append(expiry).append("\n\n");
    }
    text.append("If you did not expect this message, you can ignore it.\n");
    StringBuilder html = new StringBuilder()
        .append("<!DOCTYPE html><html><body style=\"font-family: sans-serif; line-height: 1.5\">")
        .append("<p>Hello,</p><p>").append(escape(invite.organizationName())).append(" asks you to ")
        .append(escape(action)).append(".</p>")
        .append("<p><a href=\"").append(escape(link)).append("\">Continue</a> (this link was made for ")
        .append(escape(email)).append(" only)</p>")
        .append("<p style=\"font-size: small\">Or copy this address into your browser: ")
        .append(escape(link)).append("</p>");
    if (expiry != null) {
      html.append("<p>").append(escape(expiry)).append("</p>");
    }
    html.append("<p>If you did not expect this message, you can ignore it.</p></body></html>");
    return new Mail(email, subject, text.toString(), html.toString());
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

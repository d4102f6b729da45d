package io.nectar.client.model;

import java.util.List;

/**
 * Who may use an invitation link, for how long and how often, and whether the server emails it: the setters of
 * {@link NewInvitation} and {@link NewReconnectInvitation}.
 */
abstract class LinkSettings<B extends LinkSettings<B>> extends InputBuilder<B> {
  /** Only these addresses may use the link (they verify their email first); empty: anyone with it. */
  public B allowedEmails(List<String> allowedEmails) {
    return set("allowedEmails", allowedEmails);
  }

  public B expiresInSeconds(long expiresInSeconds) {
    return set("expiresInSeconds", expiresInSeconds);
  }

  public B maxUses(int maxUses) {
    return set("maxUses", maxUses);
  }

  /** Whether the server emails each allowed address a link (needs {@link #allowedEmails}). */
  public B sendEmail(boolean sendEmail) {
    return set("sendEmail", sendEmail);
  }
}

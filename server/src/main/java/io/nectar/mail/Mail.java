package io.nectar.mail;

import java.util.Objects;

/** One e-mail to one address: a plain-text body always, an HTML body when there is one. */
public record Mail(String to, String subject, String text, String html) {
  public Mail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
  }
}

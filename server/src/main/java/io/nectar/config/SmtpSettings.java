package io.nectar.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where outgoing e-mail goes, from {@code NECTAR_SMTP_URL}:
 * {@code smtp://[user[:password]@]host[:port][?from=ADDRESS&starttls=required|optional|off]}, or
 * {@code smtps://…} for TLS from the first byte (no {@code starttls} there).
 *
 * <p>Ports: {@code smtp://} defaults to 587 (message submission, what mail providers document for
 * authenticated sending) and {@code smtps://} to 465; a local relay on port 25 is written
 * {@code smtp://localhost:25?starttls=off}. STARTTLS defaults to {@code required}, so that a password
 * never crosses the network in clear because a server (or someone in between) left STARTTLS out.
 *
 * <p>The user and password are percent-decoded ({@code +} stays a plus: this is an authority, not a
 * form). The sender is {@code ?from=}, else {@code NECTAR_MAIL_FROM}, else
 * {@code nectar@<host of NECTAR_PUBLIC_URL>}. It lives in {@code config} as {@link DatabaseUrl} does:
 * the mail package builds on it, and config depends on no feature.
 */
public record SmtpSettings(Security security, String host, int port, Optional<String> user,
    Optional<String> password, String from) {
  public static final String URL_SETTING = "NECTAR_SMTP_URL";
  public static final String FROM_SETTING = "NECTAR_MAIL_FROM";
  public static final int SUBMISSION_PORT = 587;
  public static final int IMPLICIT_TLS_PORT = 465;

  /** How the connection is protected. */
  public enum Security {
    /** {@code smtps://}: TLS from the first byte. */
    IMPLICIT_TLS,
    /** {@code smtp://…?starttls=required} (the default): STARTTLS or no message at all. */
    STARTTLS_REQUIRED,
    /** {@code smtp://…?starttls=optional}: STARTTLS when the server offers it. */
    STARTTLS_OPTIONAL,
    /** {@code smtp://…?starttls=off}: plain SMTP, for a relay on the same host or network. */
    PLAIN
  }

  // A host name, an IPv4 address, or an IPv6 address in brackets; nothing that could carry a path.
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}]");

  public SmtpSettings {
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(from, "from");
  }

  /**
   * Reads {@code url} (the value of {@code NECTAR_SMTP_URL}). Every refusal names the setting at fault
   * and quotes no part of the URL: with a '?' or '@' left unescaped in a password, any part of it
   * (host, port, option) may be a piece of the password.
   *
   * @param mailFrom the value of {@code NECTAR_MAIL_FROM}, if set
   * @param publicUrl {@code NECTAR_PUBLIC_URL} (already checked), whose host names the default sender
   */
  public static SmtpSettings parse(String url, Optional<String> mailFrom, String publicUrl) {
    String rest;
    Security security;
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("smtp://")) {
      rest = url.substring("smtp://".length());
      security = Security.STARTTLS_REQUIRED;
    } else if (lower.startsWith("smtps://")) {
      rest = url.substring("smtps://".length());
      security = Security.IMPLICIT_TLS;
    } else {
      throw invalid("must start with smtp:// or smtps://, e.g. smtp://user:password@mail.example.com:587");
    }
    int queryAt = rest.indexOf('?');
    String query = queryAt < 0 ? "" : rest.substring(queryAt + 1);
    String authority = queryAt < 0 ? rest : rest.substring(0, queryAt);
    if (authority.endsWith("/")) {
      authority = authority.substring(0, authority.length() - 1);
    }
    // The last '@' ends the user information, so a password with a raw '@' still works.
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hostPort = authority.substring(at + 1);
    if (hostPort.contains("/")) {
      throw invalid("must not have a path: write smtp://[user[:password]@]host[:port][?from=...&starttls=...]");
    }

    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      if (colon < 0 || colon == 0 || colon == userInfo.length() - 1) {
        throw invalid("must give both a user and a password before '@' (user:password@host), or neither");
      }
      user = Optional.of(percentDecoded(userInfo.substring(0, colon), "the user"));
      password = Optional.of(percentDecoded(userInfo.substring(colon + 1), "the password"));
    }

    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      host = close < 0 ? hostPort : hostPort.substring(0, close + 1);
      String after = close < 0 ? "" : hostPort.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw invalid("has a malformed host");
        }
        portText = after.substring(1);
      }
    } else {
      int colon = hostPort.indexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      portText = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw invalid("must name a host, e.g. smtp://mail.example.com");
    }
    if (!HOST.matcher(host).matches()) {
      throw invalid("has a malformed host (a name, an IPv4 address or an IPv6 address in brackets)");
    }
    int port = security == Security.IMPLICIT_TLS ? IMPLICIT_TLS_PORT : SUBMISSION_PORT;
    if (portText != null) {
      if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
        throw invalid("has a port that is not a number from 1 to 65535");
      }
      port = Integer.parseInt(portText);
    }

    Optional<String> queryFrom = Optional.empty();
    for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : percentDecoded(pair.substring(eq + 1), "an option");
      switch (name) {
        case "from" -> queryFrom = Optional.of(value);
        case "starttls" -> {
          if (security == Security.IMPLICIT_TLS) {
            throw invalid("smtps:// is TLS from the start and takes no starttls option (use smtp:// for STARTTLS)");
          }
          security = switch (value) {
            case "required" -> Security.STARTTLS_REQUIRED;
            case "optional" -> Security.STARTTLS_OPTIONAL;
            case "off" -> Security.PLAIN;
            default -> throw invalid("has a starttls option that is not required, optional or off");
          };
        }
        default -> throw invalid("has an option other than from and starttls (a '?', '@' or '%' in the "
            + "password must be written %3F, %40, %25)");
      }
    }

    String from;
    if (queryFrom.isPresent()) {
      from = sender(queryFrom.get(), URL_SETTING, "its from option", Echo.HIDDEN);
    } else if (mailFrom.isPresent() && !mailFrom.get().isBlank()) {
      from = sender(mailFrom.get().trim(), FROM_SETTING, "it", Echo.SHOWN);
    } else {
      from = sender("nectar@" + URI.create(publicUrl).getHost(), "NECTAR_PUBLIC_URL",
          "the sender made from its host (nectar@host)", Echo.SHOWN);
    }
    return new SmtpSettings(security, host, port, user, password, from);
  }

  /** The settings without the password, fit for a log line. */
  @Override
  public String toString() {
    return (security == Security.IMPLICIT_TLS ? "smtps://" : "smtp://")
        + user.map(u -> u + ":***@").orElse("") + host + ":" + port
        + (security == Security.STARTTLS_OPTIONAL ? "?starttls=optional"
            : security == Security.PLAIN ? "?starttls=off" : "")
        + " from " + from;
  }

  /**
   * A sender address: {@code local@domain} or {@code Name <local@domain>}, on one line, as the mail
   * library will read it when sending; checked here so that the server does not start with a sender
   * it cannot use.
   */
  private static String sender(String raw, String setting, String what, Echo echo) {
    boolean valid;
    try {
      InternetAddress address = new InternetAddress(raw, true);
      address.validate();
      valid = raw.chars().noneMatch(Character::isISOControl) && !address.isGroup()
          && address.getAddress().indexOf('@') > 0;
    } catch (AddressException e) {
      valid = false;
    }
    if (!valid) {
      throw new ConfigException(setting, what + " must be an e-mail address such as nectar@example.com or "
          + "\"Nectar <nectar@example.com>\"" + (echo == Echo.SHOWN ? ", got '" + printable(raw) + "'" : ""));
    }
    return raw;
  }

  /** Whether an error may quote the value: never a part of NECTAR_SMTP_URL, which may hold a password. */
  private enum Echo { SHOWN, HIDDEN }

  /** Decodes {@code %XX} escapes as UTF-8 and leaves everything else, including '+', as written. */
  private static String percentDecoded(String raw, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
            || Character.digit(raw.charAt(i + 2), 16) < 0) {
          throw invalid("has a '%' in " + what + " that is not followed by two hex digits (write %25 for '%')");
        }
        bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
          encoded = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(encoded);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw invalid("has escapes in " + what + " that are not UTF-8");
    }
  }

  /** Shows a setting's part in an error without letting control characters break the log line. */
  private static String printable(String raw) {
    String cut = raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  private static ConfigException invalid(String problem) {
    return new ConfigException(URL_SETTING, problem);
  }
}

package io.nectar.keys;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a branding value may be. The frame-ancestors sources go verbatim into a
 * Content-Security-Policy header and the logo URL into a page, so each is held to a narrow grammar
 * that has no room for a quote, a semicolon, a comma, white space or a control character: nothing
 * that could end the directive, start another, or leave an HTML attribute.
 */
public final class BrandingRules {
  public static final int MAX_NAME = 100;
  public static final int MAX_LOGO_URL = 2000;
  public static final int MAX_FRAME_ANCESTORS = 20;

  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  /** {@code https://host[:port]} or {@code https://*.domain[:port]}: no path, no query, nothing else. */
  private static final Pattern HTTPS_SOURCE = Pattern.compile(
      "https://(?:\\*\\.)?" + LABEL + "(?:\\." + LABEL + ")*(?::(?:[1-9][0-9]{0,4}))?");
  /**
   * {@code https://host[:port]} and then, after {@code /}, {@code ?} or {@code #}, printable ASCII without the
   * characters that could leave an HTML attribute or a URL ({@code " ' < > \ ` { } | ^}). No user name or
   * password (no {@code @} before the path). The same expression is the logo URL's pattern in openapi.yaml.
   */
  private static final Pattern LOGO_URL = Pattern.compile("https://" + LABEL + "(?:\\." + LABEL
      + ")*(?::[0-9]{1,5})?(?:[/?#][!#-&(-;=?-\\[\\]_a-z~]*)?", Pattern.CASE_INSENSITIVE);

  private BrandingRules() {}

  /**
   * Why {@code name} cannot be a white-label name, or empty when it can: 1 to 100 characters once
   * surrounding spaces are stripped, and no control or format character anywhere (checked before
   * stripping, so a trailing bell or line break is refused, not silently dropped).
   */
  public static Optional<String> nameProblem(String name) {
    boolean control = name.codePoints().anyMatch(c -> switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
      default -> false;
    });
    if (control) {
      return Optional.of("Control and format characters are not allowed.");
    }
    String stripped = normalName(name);
    int length = stripped.codePointCount(0, stripped.length());
    if (length < 1) {
      return Optional.of("This field may not be blank.");
    }
    return length > MAX_NAME ? Optional.of("Ensure this field has no more than " + MAX_NAME + " characters.")
        : Optional.empty();
  }

  /** The name as stored: without surrounding spaces. */
  public static String normalName(String name) {
    return name.strip();
  }

  /** Why {@code colour} is not {@code #rrggbb}, or empty when it is. */
  public static Optional<String> colourProblem(String colour) {
    return COLOUR.matcher(colour).matches() ? Optional.empty()
        : Optional.of("Enter a colour as #rrggbb (six hexadecimal digits), for example #1f6feb.");
  }

  /** The colour as stored: lower-case. */
  public static String normalColour(String colour) {
    return colour.toLowerCase(Locale.ROOT);
  }

  /** Why {@code url} is not an absolute https URL of at most 2000 characters, or empty when it is. */
  public static Optional<String> logoUrlProblem(String url) {
    if (url.length() > MAX_LOGO_URL) {
      return Optional.of("Ensure this field has no more than " + MAX_LOGO_URL + " characters.");
    }
    return LOGO_URL.matcher(url).matches() ? Optional.empty() : Optional.of("Enter an absolute https:// URL "
        + "(https://example.com/logo.png), without a user name or password; encode spaces, quotes and other "
        + "special characters.");
  }


  /**
   * Why {@code source} is not one of the frame-ancestors sources allowed here ({@code *},
   * {@code 'self'}, {@code 'none'}, {@code https://host[:port]}, {@code https://*.domain[:port]}),
   * or empty when it is. Hosts are compared lower-case; see {@link #normalSource}.
   */
  public static Optional<String> frameAncestorProblem(String source) {
    String lower = source.toLowerCase(Locale.ROOT);
    if (lower.equals("*") || lower.equals("'self'") || lower.equals("'none'") || HTTPS_SOURCE.matcher(lower).matches()
        && port(lower) <= 65_535) {
      return Optional.empty();
    }
    return Optional.of("\"" + printable(source) + "\" is not an allowed source. Use *, 'self', 'none', "
        + "https://host, https://host:port or https://*.domain (no path, quotes, spaces, commas or semicolons).");
  }

  /**
   * Why the list as a whole cannot be the frame-ancestors (too many, or {@code 'none'} next to
   * another source, which CSP would ignore), or empty when it can; each source is checked apart.
   */
  public static Optional<String> frameAncestorsProblem(java.util.List<String> sources) {
    if (sources.size() > MAX_FRAME_ANCESTORS) {
      return Optional.of("Ensure this field has no more than " + MAX_FRAME_ANCESTORS + " elements.");
    }
    if (sources.size() > 1 && sources.stream().anyMatch(s -> s.equalsIgnoreCase("'none'"))) {
      return Optional.of("'none' must be the only source: it allows no page to frame these pages.");
    }
    return Optional.empty();
  }

  /** The source as stored and sent: lower-case (CSP host and scheme matching ignores case). */
  public static String normalSource(String source) {
    return source.toLowerCase(Locale.ROOT);
  }

  private static int port(String source) {
    int colon = source.lastIndexOf(':');
    return colon > "https:".length() ? Integer.parseInt(source.substring(colon + 1)) : 443;
  }

  /** The value quoted in a message, its control characters shown as escapes and cut to a sane length. */
  private static String printable(String value) {
    StringBuilder shown = new StringBuilder();
    value.codePoints().limit(80).forEach(c -> {
      if (Character.isISOControl(c)) {
        shown.append(String.format("\\u%04x", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return value.codePointCount(0, value.length()) > 80 ? shown + "…" : shown.toString();
  }
}

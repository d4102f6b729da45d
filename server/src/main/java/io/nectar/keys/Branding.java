package io.nectar.keys;

import java.util.List;

/**
 * An organization's white label for the hosted connection pages (nectar-api.md §11.2, "White
 * label"): the name and colour they show, an optional logo, and the sources allowed to frame them
 * (the {@code frame-ancestors} directive of their Content-Security-Policy). Branding is per
 * organization: both environments' pages carry the same.
 *
 * @param colour {@code #rrggbb}, lower-case
 * @param logoUrl an absolute {@code https} URL, or null for none
 * @param frameAncestors CSP source expressions, each checked by {@link BrandingRules#frameAncestorProblem};
 *     empty allows no page to frame them
 */
public record Branding(String name, String colour, String logoUrl, List<String> frameAncestors) {
  public static final String DEFAULT_COLOUR = "#1f6feb";
  /** Any site may embed the pages, as Nectar's may be (issue 12: "default: any"). */
  public static final List<String> DEFAULT_FRAME_ANCESTORS = List.of("*");

  public Branding {
    frameAncestors = List.copyOf(frameAncestors);
  }

  /** The value of a {@code Content-Security-Policy: frame-ancestors} directive for these sources. */
  public String frameAncestorsDirective() {
    return "frame-ancestors " + (frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors));
  }
}

package io.nectar.hosted;

import io.nectar.keys.Branding;
import java.util.Optional;

/**
 * What opening an invitation or magic link gave: a visit to continue at (its session token, which the
 * pages carry in their address), or why the link cannot be used; and the organization's branding
 * (null for an unknown link), whose framing rule even the redirect to the visit carries.
 */
public record Opening(Optional<String> sessionToken, Closed closed, Branding branding) {

  /** Why a link opens nothing, in the words the page uses. */
  public enum Closed {
    UNKNOWN("This link is not valid. Check that you copied all of it, or ask the sender for a new one."),
    REVOKED("This invitation was withdrawn by its sender. Ask them for a new one."),
    EXPIRED("This invitation has expired. Ask its sender for a new one."),
    FULFILLED("This invitation has already been used as many times as it allows. Ask its sender for a new one.");

    private final String explanation;

    Closed(String explanation) {
      this.explanation = explanation;
    }

    public String explanation() {
      return explanation;
    }
  }

  static Opening open(String sessionToken, Branding branding) {
    return new Opening(Optional.of(sessionToken), null, branding);
  }

  static Opening closed(Closed why, Branding branding) {
    return new Opening(Optional.empty(), why, branding);
  }
}

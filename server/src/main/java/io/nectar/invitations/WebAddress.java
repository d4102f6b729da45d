package io.nectar.invitations;

import java.net.URI;

/** Whether a utility's address is an http(s) URL with a dotted host, as the connection create requires. */
final class WebAddress {
  private WebAddress() {}

  static boolean isValid(String url) {
    try {
      // A URL holding "://" must open with its scheme; one holding it further on parses as a relative
      // reference, without scheme or host, and is refused like any other.
      URI uri = URI.create(url.contains("://") ? url : "https://" + url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getHost().contains(".");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

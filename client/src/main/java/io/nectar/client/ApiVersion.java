package io.nectar.client;

import java.util.Optional;

/**
 * The API version a client talks to. Nectar chooses the version by the base URL's last path
 * segment ({@code /v2}, {@code /v2.1}, {@code /v2.2}), and only the document and usage-data shapes
 * differ between them; the SDK's models hold the union of the three, so the version matters for
 * which fields are filled, not for which calls exist.
 */
public enum ApiVersion {
  V2("v2"),
  V2_1("v2.1"),
  V2_2("v2.2");

  private final String pathSegment;

  ApiVersion(String pathSegment) {
    this.pathSegment = pathSegment;
  }

  /** The path segment that selects this version, e.g. {@code v2.1}. */
  public String pathSegment() {
    return pathSegment;
  }

  /** The version a path segment names (case-insensitive), if it names one. */
  public static Optional<ApiVersion> fromPathSegment(String segment) {
    for (ApiVersion version : values()) {
      if (version.pathSegment.equalsIgnoreCase(segment)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }
}

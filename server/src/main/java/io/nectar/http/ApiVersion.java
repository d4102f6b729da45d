package io.nectar.http;

/** The three API versions, each served under its own path prefix (CONTRACT §1). */
public enum ApiVersion {
  V2("/v2", "v2"),
  V2_1("/v2.1", "v2.1"),
  V2_2("/v2.2", "v2.2");

  private final String prefix;
  private final String label;

  ApiVersion(String prefix, String label) {
    this.prefix = prefix;
    this.label = label;
  }

  public String prefix() {
    return prefix;
  }

  public String label() {
    return label;
  }

  public boolean atLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }
}

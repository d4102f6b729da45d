package io.nectar.examples;

import io.nectar.client.NectarClient;

/** What every example needs: a client from {@code NECTAR_URL} and {@code NECTAR_API_KEY}. */
final class Env {
  private Env() {}

  /** The value of a required environment variable; exits with a usage message if it is missing. */
  static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      System.err.println("Set " + name + " first.");
      System.exit(2);
    }
    return value;
  }

  /**
   * A client for {@code NECTAR_URL} (default Nectar's own v2.2 API) with the key in
   * {@code NECTAR_API_KEY}: the same code runs against this server and against Nectar.
   */
  static NectarClient client() {
    String url = System.getenv().getOrDefault("NECTAR_URL", NectarClient.DEFAULT_BASE_URL);
    return NectarClient.builder().apiKey(require("NECTAR_API_KEY")).baseUrl(url).build();
  }
}

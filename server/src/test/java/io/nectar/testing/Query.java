package io.nectar.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Query strings written as a person reads them ({@code identifier=013 774 6423}), percent-encoded. */
public final class Query {
  private Query() {}

  /** Encodes each name and value of {@code name=value&name=value}; blank gives "". */
  public static String encode(String query) {
    if (query == null || query.isBlank()) {
      return "";
    }
    return Arrays.stream(query.split("&")).map(pair -> {
      int eq = pair.indexOf('=');
      return eq < 0 ? part(pair) : part(pair.substring(0, eq)) + "=" + part(pair.substring(eq + 1));
    }).collect(Collectors.joining("&"));
  }

  /** {@code path?query}, encoded; just the path when the query is blank. */
  public static String path(String path, String query) {
    String encoded = encode(query);
    return encoded.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + encoded;
  }

  private static String part(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package io.nectar.providers;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Providers by root URL. Lookup ignores scheme case, {@code www.}, trailing slashes and paths, so
 * {@code https://www.NectarClimate.com/login} finds the sandbox.
 */
public final class ProviderRegistry {
  private final Map<String, UtilityProvider> byHost = new LinkedHashMap<>();

  public ProviderRegistry(UtilityProvider... providers) {
    for (UtilityProvider provider : providers) {
      byHost.put(host(provider.rootUrl()).orElseThrow(), provider);
    }
  }

  /** Every provider, in the order given (the sandbox first). */
  public List<UtilityProvider> all() {
    return List.copyOf(byHost.values());
  }

  public Optional<UtilityProvider> find(String url) {
    return host(url).map(byHost::get);
  }

  /**
   * Whether {@code url} can name a utility: an http(s) URL with a dotted host, the scheme optional
   * (connections and invitations accept {@code nectarclimate.com}).
   */
  public static boolean isWebAddress(String url) {
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

  static Optional<String> host(String url) {
    try {
      String withScheme = url.contains("://") ? url : "https://" + url;
      String host = URI.create(withScheme.trim()).getHost();
      if (host == null) {
        return Optional.empty();
      }
      host = host.toLowerCase(Locale.ROOT);
      return Optional.of(host.startsWith("www.") ? host.substring(4) : host);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

package io.nectar.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Typed server configuration, read once at start-up from flags and the environment (flags win).
 * Every value is validated here so that a bad setting stops start-up with one line naming it,
 * instead of failing later in the middle of a request.
 */
public record Config(
    int port,
    Path dataDir,
    Optional<DatabaseUrl> databaseUrl,
    String publicUrl,
    Optional<String> secretKey,
    Optional<String> bootstrapKey,
    long maxBodyBytes,
    int maxConcurrentRequestsPerKey,
    int maxRequestsPerSecondPerKey) {

  public static final int DEFAULT_PORT = 8080;

  /** Reads the settings from {@code settings} (environment variables merged with flags). */
  public static Config from(Map<String, String> settings) {
    int port = intSetting(settings, "NECTAR_PORT", DEFAULT_PORT, 0, 65535);
    Path dataDir = Path.of(nonBlank(settings, "NECTAR_DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
    Optional<DatabaseUrl> databaseUrl = nonBlank(settings, "DATABASE_URL").map(DatabaseUrl::parse);
    String publicUrl = nonBlank(settings, "NECTAR_PUBLIC_URL")
        .map(Config::validPublicUrl)
        .orElse("http://localhost:" + (port == 0 ? DEFAULT_PORT : port));
    Optional<String> secretKey = nonBlank(settings, "NECTAR_SECRET_KEY").map(Config::validSecret);
    Optional<String> bootstrapKey = nonBlank(settings, "NECTAR_BOOTSTRAP_KEY").map(Config::validBootstrapKey);
    long maxBody = intSetting(settings, "NECTAR_MAX_BODY_BYTES", 1024 * 1024, 1024, Integer.MAX_VALUE);
    int concurrency = intSetting(settings, "NECTAR_MAX_CONCURRENT_REQUESTS_PER_KEY", 20, 1, 10_000);
    int rps = intSetting(settings, "NECTAR_MAX_REQUESTS_PER_SECOND_PER_KEY", 0, 0, 1_000_000);
    return new Config(port, dataDir, databaseUrl, publicUrl, secretKey, bootstrapKey, maxBody, concurrency, rps);
  }

  private static Optional<String> nonBlank(Map<String, String> settings, String name) {
    String value = settings.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static int intSetting(Map<String, String> settings, String name, int fallback, int min, int max) {
    Optional<String> raw = nonBlank(settings, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new ConfigException(name, "must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "must be a whole number, got '" + raw.get() + "'");
    }
  }

  private static String validPublicUrl(String raw) {
    try {
      URI uri = URI.create(raw);
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new ConfigException("NECTAR_PUBLIC_URL", "must be an absolute http(s) URL, got '" + raw + "'");
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException("NECTAR_PUBLIC_URL", "is not a valid URL: '" + raw + "'");
    }
    return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
  }

  private static String validSecret(String raw) {
    if (raw.length() < 32) {
      throw new ConfigException("NECTAR_SECRET_KEY", "must be at least 32 characters long");
    }
    return raw;
  }

  private static String validBootstrapKey(String raw) {
    if (raw.length() < 16 || raw.length() > 200 || !raw.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new ConfigException("NECTAR_BOOTSTRAP_KEY",
          "must be 16 to 200 printable ASCII characters without spaces");
    }
    return raw;
  }
}

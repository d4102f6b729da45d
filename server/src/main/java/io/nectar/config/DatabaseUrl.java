package io.nectar.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An external PostgreSQL location, accepted in the two spellings operators paste:
 * {@code postgres://user:pass@host:5432/db?sslmode=require} and
 * {@code jdbc:postgresql://host:5432/db?user=u&password=p}.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  public static DatabaseUrl parse(String raw) {
    if (raw.startsWith("jdbc:postgresql://")) {
      return new DatabaseUrl(raw, null, null);
    }
    if (!(raw.startsWith("postgres://") || raw.startsWith("postgresql://"))) {
      throw new ConfigException("DATABASE_URL",
          "must start with postgres://, postgresql:// or jdbc:postgresql://");
    }
    try {
      URI uri = URI.create(raw);
      if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
        throw new ConfigException("DATABASE_URL", "must name a host and a database, e.g. postgres://user:pass@host:5432/nectar");
      }
      String user = null;
      String password = null;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
      }
      String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
          + uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
      return new DatabaseUrl(jdbc, user, password);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("DATABASE_URL", "is not a valid URL");
    }
  }

  @Override
  public String toString() {
    return jdbcUrl + (user != null ? " (user " + user + ")" : "");
  }
}

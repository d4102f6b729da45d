package io.nectar.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's own version, from a file Maven fills in at build time, for the User-Agent. Not public API. */
public final class SdkVersion {
  public static final String VERSION = load();

  private SdkVersion() {
  }

  private static String load() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("/io/nectar/client/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}

package io.nectar.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server secret that signs links and encrypts stored credentials: NECTAR_SECRET_KEY when set,
 * otherwise a random one generated once into {@code <data dir>/secret.key} (readable by the owner
 * only), so that links and encrypted data stay valid across restarts.
 */
public final class ServerSecret {
  private ServerSecret() {}

  public static byte[] load(Config config) throws IOException {
    if (config.secretKey().isPresent()) {
      return config.secretKey().get().getBytes(StandardCharsets.UTF_8);
    }
    Path file = config.dataDir().resolve("secret.key");
    if (!Files.exists(file)) {
      Files.createDirectories(config.dataDir());
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String encoded = Base64.getEncoder().encodeToString(random);
      try {
        Files.writeString(file, encoded + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another process generated it first; use theirs
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system; the file keeps the platform's default permissions
      }
    }
    String stored = Files.readString(file).trim();
    if (stored.length() < 32) {
      throw new ConfigException("NECTAR_SECRET_KEY", file + " holds fewer than 32 characters");
    }
    return stored.getBytes(StandardCharsets.UTF_8);
  }
}

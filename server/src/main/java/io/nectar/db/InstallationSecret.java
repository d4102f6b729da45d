package io.nectar.db;

import io.nectar.config.ConfigException;
import io.nectar.config.DerivedKey;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes sure every server on a database holds the same secret. The secret encrypts stored utility
 * passwords and signs links; a server with another one would start, then fail to read the others'
 * credentials and refuse their links, request by request. The first server to start records a
 * fingerprint (a key derived for this purpose alone, so it reveals nothing of the secret); any later
 * one with a different secret stops with one line naming the setting.
 */
public final class InstallationSecret {
  private static final String PURPOSE = "nectar installation fingerprint v1";

  private InstallationSecret() {}

  /** @throws ConfigException naming NECTAR_SECRET_KEY when this database belongs to another secret */
  public static void check(Jdbi jdbi, byte[] secret) {
    String mine = HexFormat.of().formatHex(DerivedKey.of(secret, PURPOSE));
    String recorded = jdbi.inTransaction(h -> {
      h.createUpdate("insert into installation (secret_fingerprint) values (:f) on conflict (id) do nothing")
          .bind("f", mine).execute();
      return h.createQuery("select secret_fingerprint from installation").mapTo(String.class).one();
    });
    if (!recorded.equals(mine)) {
      throw new ConfigException("NECTAR_SECRET_KEY", "differs from the secret of the servers already using this "
          + "database; give every server the same NECTAR_SECRET_KEY (a server without one uses "
          + "<data dir>/secret.key: copy it from the first server)");
    }
  }
}

package io.nectar.app;

import io.nectar.config.Config;
import io.nectar.http.ApiVersion;
import io.nectar.keys.CreatedKey;
import io.nectar.storage.BlobStores;
import java.io.PrintStream;
import java.util.Optional;

/** What a user needs after {@code ./nectar serve}: where the API is, and on first start a key to call it with. */
final class Banner {
  private Banner() {}

  static void print(PrintStream out, Config config, NectarServer server, Optional<CreatedKey> firstKey, long millis) {
    String base = config.publicUrl();
    out.println();
    out.println("Nectar-compatible API server " + NectarServer.version() + " is ready (" + millis + " ms).");
    out.println("  v2.2  " + base + ApiVersion.V2_2.prefix() + "   (recommended)");
    out.println("  v2.1  " + base + ApiVersion.V2_1.prefix());
    out.println("  v2    " + base + ApiVersion.V2.prefix());
    out.println("  Docs  " + base + "/docs   OpenAPI  " + base + "/openapi.json");
    out.println("  Data  " + server.database().description());
    out.println("  Files " + BlobStores.describe(config.blobs(), config.dataDir()));
    out.println("  Dashboard " + base + "/dashboard");
    firstKey.ifPresent(key -> {
      out.println();
      out.println("First start: created a SANDBOX API key for \"" + key.key().organizationName() + "\".");
      out.println("It is shown only this once; keep it somewhere safe:");
      out.println();
      out.println("  " + key.secret());
      out.println();
      out.println("Try it:");
      out.println("  curl -H \"X-API-Key: " + key.secret() + "\" " + base + ApiVersion.V2_2.prefix() + "/ping");
      out.println();
      out.println("More keys: ./nectar key create --name NAME [--environment production]");
    });
    server.firstAdministratorLink().ifPresent(link -> {
      out.println();
      out.println("Dashboard: nobody can sign in yet. This one-time link makes whoever opens it the first");
      out.println("administrator (valid 24 hours; a new one is printed at each start until someone has an account):");
      out.println();
      out.println("  " + link.url());
      out.println();
      out.println("More people: invite them from Settings > Users, or ./nectar user create --email EMAIL");
    });
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }
}

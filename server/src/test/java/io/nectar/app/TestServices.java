package io.nectar.app;

import io.nectar.accounts.AccountService;
import io.nectar.config.ServerSecret;
import io.nectar.documents.DocumentService;
import io.nectar.meters.MeterService;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.sites.SiteService;
import io.nectar.testing.TestServer;
import io.nectar.usage.UsageService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The domain services of a running test server, wired again on its database (as the server wires
 * them), for tests of classes the server does not wire yet. Nothing of this wiring runs in the
 * background: its job runner is never started.
 */
public record TestServices(Jdbi jdbi, Clock clock, Supplier<UUID> ids, SiteService sites, AccountService accounts,
    MeterService meters, DocumentService documents, UsageService usage) {

  public static TestServices of(TestServer server) {
    NectarServer running = server.server();
    try {
      Services services = Services.wire(running.config(), server.clock(), running.database(),
          ServerSecret.load(running.config()), new ProviderRegistry(new SandboxProvider()), TestServer.FAST_JOBS,
          io.nectar.jobs.UploadEngine.unavailable(), new Shutdown());
      return new TestServices(running.database().jdbi(), server.clock(), services.ids()::next, services.sites(),
          services.accounts(), services.meters(), services.documents(), services.usage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

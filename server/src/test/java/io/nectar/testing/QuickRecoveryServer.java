package io.nectar.testing;

import io.nectar.app.NectarServer;
import io.nectar.app.StandardUploads;
import io.nectar.config.Config;
import io.nectar.jobs.UploadEngine;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code nectar serve} with the recovery timings of {@link TestServer#FAST_JOBS} and a two-second upload
 * lease, as a child JVM's main ({@link ServerProcess.Timings#QUICK_RECOVERY}): a server killed in the
 * middle of a collection or an upload leaves work the others take over within seconds, not the minute
 * the production timings allow. Everything else is the production server, from the same settings.
 */
public final class QuickRecoveryServer {
  private QuickRecoveryServer() {}

  public static void main(String[] args) throws Exception {
    Config config = Config.from(System.getenv());
    UploadEngine standard = StandardUploads.of(config);
    UploadEngine.Settings defaults = standard.settings();
    UploadEngine uploads = standard.with(new UploadEngine.Settings(defaults.concurrency(), Duration.ofSeconds(2),
        Duration.ofMillis(500), defaults.maxAttempts(), defaults.fetchTimeout()));
    NectarServer server = NectarServer.start(config, Clock.systemUTC(), new ProviderRegistry(new SandboxProvider()),
        TestServer.FAST_JOBS, uploads);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("error while stopping: " + e);
      }
      stopped.countDown();
    }, "shutdown"));
    System.out.println("Listening on port " + server.port());
    stopped.await();
  }
}

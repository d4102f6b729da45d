package io.nectar.app;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nectar.companies.CompanyPurger;
import io.nectar.companies.CompanyRoutes;
import io.nectar.companies.CompanyService;
import io.nectar.config.Config;
import io.nectar.config.ServerSecret;
import io.nectar.db.Database;
import io.nectar.db.IdGenerator;
import io.nectar.http.Api;
import io.nectar.http.HttpServer;
import io.nectar.keys.KeyService;
import io.nectar.keys.PingRoutes;
import io.nectar.sites.SiteRoutes;
import io.nectar.sites.SiteService;
import io.nectar.web.DocsRoutes;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server, wired: configuration, then the database, then the services, then HTTP. Tests
 * start it exactly as {@code ./nectar serve} does, on port 0.
 */
public final class NectarServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NectarServer.class);

  private final Config config;
  private final Database database;
  private final KeyService keys;
  private final CompanyPurger purger;
  private final HttpServer http;
  private final ScheduledExecutorService housekeeping;

  private NectarServer(Config config, Database database, KeyService keys, CompanyPurger purger, HttpServer http,
      ScheduledExecutorService housekeeping) {
    this.config = config;
    this.database = database;
    this.keys = keys;
    this.purger = purger;
    this.http = http;
    this.housekeeping = housekeeping;
  }

  /** Opens the database, migrates it, and starts serving on {@code config.port()} (0: any free port). */
  public static NectarServer start(Config config, Clock clock) throws IOException {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    ServerSecret.load(config);
    Database database = Database.open(config, meters, 16);
    try {
      IdGenerator ids = new IdGenerator(clock);
      KeyService keys = new KeyService(database.jdbi(), clock, ids::next);
      CompanyPurger purger = new CompanyPurger(database.jdbi());
      CompanyService companies = new CompanyService(database.jdbi(), clock, ids::next, purger);
      SiteService sites = new SiteService(database.jdbi(), clock, ids::next, companies);
      PingRoutes ping = new PingRoutes(version());
      CompanyRoutes companyRoutes = new CompanyRoutes(companies);
      SiteRoutes siteRoutes = new SiteRoutes(sites);
      OpsRoutes ops = new OpsRoutes(database, meters);
      DocsRoutes docs = new DocsRoutes();
      HttpServer http = new HttpServer(
          new HttpServer.Settings(config.maxBodyBytes(), config.maxConcurrentRequestsPerKey(),
              config.maxRequestsPerSecondPerKey()),
          database.jdbi(), keys, clock, meters,
          api -> {
            ping.register(api);
            companyRoutes.register(api);
            siteRoutes.register(api);
          },
          routes -> {
            ops.register(routes);
            docs.register(routes);
          });
      http.start(config.port());
      purger.resumePending();
      ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "housekeeping");
        thread.setDaemon(true);
        return thread;
      });
      housekeeping.scheduleWithFixedDelay(() -> {
        try {
          http.purgeExpiredIdempotencyKeys();
        } catch (RuntimeException e) {
          log.warn("Could not purge expired idempotency keys", e);
        }
      }, 1, 60, TimeUnit.MINUTES);
      return new NectarServer(config, database, keys, purger, http, housekeeping);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public int port() {
    return http.port();
  }

  public Config config() {
    return config;
  }

  public KeyService keys() {
    return keys;
  }

  public Database database() {
    return database;
  }

  public List<Api.Route> apiRoutes() {
    return http.apiRoutes();
  }

  /** The version of this build, from the jar manifest ("dev" when run from classes). */
  public static String version() {
    String version = NectarServer.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** Stops accepting requests, lets running ones finish, then closes the database. */
  @Override
  public void close() throws IOException {
    http.stop();
    housekeeping.shutdownNow();
    try {
      purger.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    database.close();
  }
}

package io.nectar.app;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nectar.accounts.AccountRoutes;
import io.nectar.accounts.AccountService;
import io.nectar.collection.BackgroundJobs;
import io.nectar.collection.Collector;
import io.nectar.collection.SandboxBills;
import io.nectar.companies.CompanyPurger;
import io.nectar.connections.ConnectionRoutes;
import io.nectar.connections.ConnectionService;
import io.nectar.config.CredentialCipher;
import io.nectar.documents.DocumentLinks;
import io.nectar.documents.DocumentRoutes;
import io.nectar.documents.DocumentService;
import io.nectar.documents.ListCache;
import io.nectar.intervals.IntervalRoutes;
import io.nectar.usage.UsageRoutes;
import io.nectar.usage.UsageService;
import io.nectar.web.AuditTrailRoutes;
import io.nectar.intervals.IntervalService;
import io.nectar.meters.MeterRoutes;
import io.nectar.meters.MeterService;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.storage.BlobStore;
import io.nectar.storage.FileBlobStore;
import io.nectar.storage.FileRoutes;
import io.nectar.storage.SignedLinks;
import java.util.concurrent.atomic.AtomicReference;
import io.nectar.companies.CompanyRoutes;
import io.nectar.companies.CompanyService;
import io.nectar.config.Config;
import io.nectar.config.ServerSecret;
import io.nectar.db.Database;
import io.nectar.db.IdGenerator;
import io.nectar.http.Api;
import io.nectar.http.HttpServer;
import io.nectar.http.PageGate;
import io.nectar.keys.KeyService;
import io.nectar.keys.PingRoutes;
import io.nectar.sites.SiteRoutes;
import io.nectar.sites.SiteService;
import io.nectar.web.DocsRoutes;
import io.nectar.web.WebhookPortalRoutes;
import io.nectar.webhooks.DeliveryWorker;
import io.nectar.webhooks.Outbox;
import io.nectar.webhooks.TargetGuard;
import io.nectar.webhooks.WebhookRoutes;
import io.nectar.webhooks.WebhookService;
import io.nectar.webhooks.WebhookTransport;
import java.io.IOException;
import java.time.Clock;
import io.nectar.keys.CreatedKey;
import java.util.List;
import java.util.Optional;
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
  private static final int WEBHOOK_RESPONSE_EXCERPT_BYTES = 4096;

  private final Config config;
  private final Database database;
  private final KeyService keys;
  private final Optional<CreatedKey> firstKey;
  private final CompanyPurger purger;
  private final BackgroundJobs jobs;
  private final WebhookService webhooks;
  private final DeliveryWorker deliveries;
  private final WebhookTransport transport;
  private final HttpServer http;
  private final ScheduledExecutorService housekeeping;

  private NectarServer(Config config, Database database, KeyService keys, Optional<CreatedKey> firstKey,
      CompanyPurger purger, BackgroundJobs jobs, WebhookService webhooks, DeliveryWorker deliveries,
      WebhookTransport transport, HttpServer http, ScheduledExecutorService housekeeping) {
    this.config = config;
    this.database = database;
    this.keys = keys;
    this.firstKey = firstKey;
    this.purger = purger;
    this.jobs = jobs;
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.transport = transport;
    this.http = http;
    this.housekeeping = housekeeping;
  }

  /** Opens the database, migrates it, and starts serving on {@code config.port()} (0: any free port). */
  public static NectarServer start(Config config, Clock clock) throws IOException {
    return start(config, clock, new ProviderRegistry(new SandboxProvider()), BackgroundJobs.Settings.defaults());
  }

  /** As {@link #start(Config, Clock)}, with the utility providers and job timings chosen (tests). */
  public static NectarServer start(Config config, Clock clock, ProviderRegistry providers,
      BackgroundJobs.Settings jobSettings) throws IOException {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    byte[] secret = ServerSecret.load(config);
    Database database = Database.open(config, meters, 16);
    BackgroundJobs jobs = null;
    DeliveryWorker deliveries = null;
    WebhookTransport transport = null;
    try {
      IdGenerator ids = new IdGenerator(clock);
      BlobStore blobs = new FileBlobStore(config.dataDir().resolve("blobs"));
      SignedLinks links = new SignedLinks(secret, clock);
      KeyService keys = new KeyService(database.jdbi(), clock, ids::next);
      CompanyPurger purger = new CompanyPurger(database.jdbi());
      CompanyService companies = new CompanyService(database.jdbi(), clock, ids::next, purger);
      SiteService sites = new SiteService(database.jdbi(), clock, ids::next, companies);
      CredentialCipher cipher = new CredentialCipher(secret);
      Outbox outbox = new Outbox(clock, ids::next);
      // Connections queue collections on the job runner, whose collector reads connections: tie the knot late.
      AtomicReference<BackgroundJobs> jobRunner = new AtomicReference<>();
      ConnectionService connections = new ConnectionService(database.jdbi(), clock, ids::next, companies, providers,
          cipher, id -> jobRunner.get().collectSoon(id), outbox);
      DocumentLinks documentLinks = new DocumentLinks(links, config.publicUrl());
      ListCache totals = new ListCache();
      DocumentService documents = new DocumentService(database.jdbi(), clock, ids::next, companies, sites, connections,
          totals, documentLinks, outbox);
      UsageService usage = new UsageService(database.jdbi(), clock, ids::next, companies, sites, connections, documents,
          totals);
      Collector collector = new Collector(database.jdbi(), clock, ids::next, providers, connections, blobs,
          documents.events());
      jobs = new BackgroundJobs(database.dataSource(), database.jdbi(), clock, collector, jobSettings);
      jobRunner.set(jobs);
      AccountService accounts = new AccountService(database.jdbi(), clock, companies, connections.events());
      MeterService meterService = new MeterService(database.jdbi(), companies, sites, connections);
      PingRoutes ping = new PingRoutes(version());
      CompanyRoutes companyRoutes = new CompanyRoutes(companies);
      SiteRoutes siteRoutes = new SiteRoutes(sites);
      ConnectionRoutes connectionRoutes = new ConnectionRoutes(connections);
      AccountRoutes accountRoutes = new AccountRoutes(accounts);
      MeterRoutes meterRoutes = new MeterRoutes(meterService);
      IntervalRoutes intervalRoutes = new IntervalRoutes(new IntervalService(database.jdbi(), connections));
      SandboxBills sandboxBills = providers.find(ConnectionService.SANDBOX_URL)
          .filter(SandboxProvider.class::isInstance)
          .map(p -> new SandboxBills(database.jdbi(), connections, providers, (SandboxProvider) p, collector))
          .orElse(null);
      WebhookService webhooks = new WebhookService(database.jdbi(), clock, ids::next, outbox, cipher, links,
          config.publicUrl());
      WebhookRoutes webhookRoutes = new WebhookRoutes(webhooks);
      WebhookPortalRoutes webhookPortal = new WebhookPortalRoutes(webhooks, links);
      Config.Webhooks webhookConfig = config.webhooks();
      transport = new WebhookTransport(new TargetGuard(webhookConfig.allowPrivateTargets()
          ? TargetGuard.Reach.ANY_ADDRESS : TargetGuard.Reach.PUBLIC_ONLY), webhookConfig.timeout(),
          WEBHOOK_RESPONSE_EXCERPT_BYTES);
      deliveries = new DeliveryWorker(database.jdbi(), database.dataSource(), clock, ids::next, cipher, transport,
          new DeliveryWorker.Settings(webhookConfig.retrySchedule(), webhookConfig.disableAfter(),
              webhookConfig.timeout()), meters);
      PageGate pages = PageGate.perProcessor();
      DocumentRoutes documentRoutes = new DocumentRoutes(documents, documentLinks, pages);
      UsageRoutes usageRoutes = new UsageRoutes(usage, documentLinks, pages);
      AuditTrailRoutes auditTrail = new AuditTrailRoutes(documents, links);
      FileRoutes files = new FileRoutes(blobs, links);
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
            connectionRoutes.register(api);
            accountRoutes.register(api);
            meterRoutes.register(api);
            intervalRoutes.register(api);
            documentRoutes.register(api);
            usageRoutes.register(api);
            webhookRoutes.register(api);
            if (sandboxBills != null) {
              sandboxBills.register(api);
            }
          },
          routes -> {
            ops.register(routes);
            docs.register(routes);
            files.register(routes);
            auditTrail.register(routes);
            webhookPortal.register(routes);
          });
      // The first key exists before the port opens, so nobody can see the server ready yet refuse its key.
      Optional<CreatedKey> firstKey = keys.bootstrap(config.bootstrapKey());
      http.start(config.port());
      purger.resumePending();
      jobs.start();
      deliveries.start();
      ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "housekeeping");
        thread.setDaemon(true);
        return thread;
      });
      housekeeping.scheduleWithFixedDelay(() -> {
        try {
          http.purgeExpiredIdempotencyKeys();
          webhooks.purgeOlderThan(WebhookService.RETENTION);
        } catch (RuntimeException e) {
          log.warn("Could not purge expired idempotency keys and webhook messages", e);
        }
      }, 1, 60, TimeUnit.MINUTES);
      return new NectarServer(config, database, keys, firstKey, purger, jobs, webhooks, deliveries, transport, http,
          housekeeping);
    } catch (RuntimeException e) {
      if (deliveries != null) {
        deliveries.close();
      }
      if (transport != null) {
        transport.close();
      }
      if (jobs != null) {
        jobs.close();
      }
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

  /**
   * The SANDBOX key made for the default organization on the very first start (with its secret,
   * shown once); empty on every later start.
   */
  public Optional<CreatedKey> firstKey() {
    return firstKey;
  }

  public Database database() {
    return database;
  }

  public BackgroundJobs jobs() {
    return jobs;
  }

  public WebhookService webhooks() {
    return webhooks;
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
    jobs.close();
    deliveries.close();
    transport.close();
    housekeeping.shutdownNow();
    try {
      purger.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    database.close();
  }
}

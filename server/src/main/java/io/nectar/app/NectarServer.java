package io.nectar.app;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nectar.accounts.AccountRoutes;
import io.nectar.collection.BackgroundJobs;
import io.nectar.collection.SandboxBillRoutes;
import io.nectar.companies.CompanyRoutes;
import io.nectar.config.Config;
import io.nectar.config.ConfigException;
import io.nectar.config.DerivedKey;
import io.nectar.config.ServerSecret;
import io.nectar.connections.ConnectionRoutes;
import io.nectar.db.Database;
import io.nectar.db.InstallationSecret;
import io.nectar.documents.DocumentRoutes;
import io.nectar.http.Api;
import io.nectar.http.ErrorPages;
import io.nectar.http.HttpServer;
import io.nectar.http.SealedReplies;
import io.nectar.http.PageGate;
import io.nectar.insights.InsightService;
import io.nectar.intervals.IntervalRoutes;
import io.nectar.invitations.InvitationRoutes;
import io.nectar.invitations.InvitationService;
import io.nectar.invitations.MagicLinkRoutes;
import io.nectar.invitations.MagicLinks;
import io.nectar.jobs.JobRoutes;
import io.nectar.jobs.UploadEngine;
import io.nectar.keys.CreatedKey;
import io.nectar.keys.KeyService;
import io.nectar.lists.ListCache;
import io.nectar.mail.Mailer;
import io.nectar.meters.MeterRoutes;
import io.nectar.organizations.BrandingRoutes;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.sites.SiteRoutes;
import io.nectar.storage.BlobStoreHealth;
import io.nectar.storage.BlobStoreUnavailable;
import io.nectar.storage.BlobStores;
import io.nectar.storage.FileRoutes;
import io.nectar.usage.UsageRoutes;
import io.nectar.users.OneTimeLink;
import io.nectar.users.UserService;
import io.nectar.web.AuditTrailRoutes;
import io.nectar.web.DocsRoutes;
import io.nectar.web.WebhookPortalRoutes;
import io.nectar.web.dashboard.DashboardGate;
import io.nectar.web.dashboard.DashboardPage;
import io.nectar.web.dashboard.DashboardRoutes;
import io.nectar.web.dashboard.SettingsDashboardRoutes;
import io.nectar.web.dashboard.data.DataDashboardRoutes;
import io.nectar.web.dashboard.data.DataServices;
import io.nectar.web.hosted.HostedRoutes;
import io.nectar.webhooks.WebhookRoutes;
import io.nectar.webhooks.WebhookService;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server, wired: configuration, then the database, then the services of each feature, then
 * HTTP, then the background work. Whatever was opened is closed again, newest first, if a later step
 * fails or when the server stops.
 *
 * <p>{@code ./nectar serve} calls {@link #start(Config, Clock)}: settings from the environment and
 * flags, the system clock, the sandbox provider, the default job timings. Tests run this same wiring
 * but start it differently, mostly through
 * {@link #start(Config, Clock, ProviderRegistry, BackgroundJobs.Settings)}: settings from a map, port
 * 0, a clock they can move forward, the providers they choose, shorter job timings, and (most of them)
 * a database in the shared test PostgreSQL instead of one embedded in the data folder; the launcher's
 * banner and shutdown hook are not theirs.
 */
public final class NectarServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NectarServer.class);

  private final Config config;
  private final Database database;
  private final Services services;
  private final WebhookWiring webhooks;
  private final Optional<CreatedKey> firstKey;
  private final Optional<OneTimeLink> firstAdministratorLink;
  private final HttpServer http;
  private final Shutdown shutdown;

  private NectarServer(Config config, Database database, Services services, WebhookWiring webhooks,
      Optional<CreatedKey> firstKey, Optional<OneTimeLink> firstAdministratorLink, HttpServer http,
      Shutdown shutdown) {
    this.config = config;
    this.database = database;
    this.services = services;
    this.webhooks = webhooks;
    this.firstKey = firstKey;
    this.firstAdministratorLink = firstAdministratorLink;
    this.http = http;
    this.shutdown = shutdown;
  }

  /** Opens the database, migrates it, and starts serving on {@code config.port()} (0: any free port). */
  public static NectarServer start(Config config, Clock clock) throws IOException {
    return start(config, clock, new ProviderRegistry(new SandboxProvider()), BackgroundJobs.Settings.defaults());
  }

  /** As {@link #start(Config, Clock)}, with the utility providers and job timings chosen (tests). */
  public static NectarServer start(Config config, Clock clock, ProviderRegistry providers,
      BackgroundJobs.Settings jobSettings) throws IOException {
    return start(config, clock, providers, jobSettings, standardUploads(config));
  }

  /**
   * Uploads read by the standard engine and filed as documents, as many files at once as configured.
   * A missing OCR program is a warning, not a failure: text PDFs still work and scans fail their jobs.
   */
  static UploadEngine standardUploads(Config config) {
    BillReading reading = new BillReading(config.billReading());
    if (reading.ocrVersion().isEmpty()) {
      log.warn("The OCR program '{}' cannot be run: text PDFs are read, but scans and photos will fail their "
          + "upload jobs. Install it (Debian: apt-get install tesseract-ocr tesseract-ocr-eng) or set "
          + "NECTAR_TESSERACT.", reading.ocrProgram());
    }
    UploadEngine engine = UploadEngine.reading(reading.reader(BillReading.Unmatched.GENERIC));
    UploadEngine.Settings defaults = engine.settings();
    return engine.with(new UploadEngine.Settings(config.billReading().parallelFiles(), defaults.lease(),
        defaults.pollInterval(), defaults.maxAttempts(), defaults.fetchTimeout()));
  }

  /** As {@link #start(Config, Clock, ProviderRegistry, BackgroundJobs.Settings)}, with what reads uploaded bills. */
  public static NectarServer start(Config config, Clock clock, ProviderRegistry providers,
      BackgroundJobs.Settings jobSettings, UploadEngine uploads) throws IOException {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    byte[] secret = ServerSecret.load(config);
    Shutdown shutdown = new Shutdown();
    KeyService keys = null;
    Optional<CreatedKey> firstKey = Optional.empty();
    try {
      Database database = shutdown.add(Database.open(config, meters, 16));
      InstallationSecret.check(database.jdbi(), secret);
      Services services = wireCheckingFiles(config, clock, database, secret, providers, jobSettings, uploads,
          shutdown);
      logMail(config);
      WebhookWiring webhooks = WebhookWiring.wire(config, clock, database, services, meters, shutdown);
      // The dashboard: one gate and one page renderer for every dashboard route, core and data pages alike.
      DashboardGate gate = new DashboardGate(services.users(), secret, config.publicUrl());
      DashboardPage page = new DashboardPage();
      DashboardRoutes dashboard = new DashboardRoutes(services.users(), gate, page);
      ErrorPages errorPages = new ErrorPages();
      errorPages.add("/dashboard", dashboard.errorPages());
      HttpServer http = new HttpServer(
          new HttpServer.Settings(config.maxBodyBytes(), config.maxConcurrentRequestsPerKey(),
              config.maxRequestsPerSecondPerKey(), config.trustedProxies()::clientOf),
          database.jdbi(), services.keys(), clock, meters, DerivedKey.of(secret, SealedReplies.PURPOSE),
          api -> registerApi(api, services, webhooks.service()),
          routes -> {
            new OpsRoutes(database, new BlobStoreHealth(services.blobs(), clock), meters).register(routes);
            new DocsRoutes().register(routes);
            new FileRoutes(services.blobs(), services.links()).register(routes);
            new AuditTrailRoutes(services.documents(), services.links()).register(routes);
            new WebhookPortalRoutes(webhooks.service(), services.links()).register(routes);
            new HostedRoutes(services.hosted(), secret).register(routes);
            dashboard.register(routes);
            new SettingsDashboardRoutes(services.keys(), services.users(), clock, gate, page)
                .register(routes);
            new DataDashboardRoutes(dataPages(services, webhooks, database, clock), gate, page).register(routes);
          }, errorPages);
      // The first key exists before the port opens, so nobody can see the server ready yet refuse its key.
      keys = services.keys();
      firstKey = keys.bootstrap(config.bootstrapKey());
      Optional<OneTimeLink> firstAdministrator = services.users().firstAdministratorLink();
      shutdown.add(http::stop);
      http.start(config.port());
      startBackgroundWork(services, webhooks, http, shutdown);
      return new NectarServer(config, database, services, webhooks, firstKey, firstAdministrator, http, shutdown);
    } catch (RuntimeException | IOException | Error e) {
      try {
        if (firstKey.isPresent()) {
          keys.discardUnshown(firstKey.get());
        }
      } catch (RuntimeException discardFailure) {
        e.addSuppressed(discardFailure);
      }
      shutdown.closeAfter(e);
      throw e;
    }
  }

  /** What the dashboard's data pages read: the API's own services, and the charts' aggregates. */
  private static DataServices dataPages(Services services, WebhookWiring webhooks, Database database, Clock clock) {
    return DataServices.builder()
        .companies(services.companies()).sites(services.sites()).connections(services.connections())
        .accounts(services.accounts()).meters(services.meters()).documents(services.documents())
        .documentLinks(services.documentLinks()).usage(services.usage()).jobs(services.uploads())
        .invitations(services.invitations()).webhooks(webhooks.service())
        .insights(new InsightService(database.jdbi(), clock, services.companies(), services.sites(),
            services.meters(), new ListCache()))
        .build();
  }

  /**
   * Proves the store of files usable before the port opens: a wrong bucket, refused credentials or an
   * unreachable endpoint stop the start with one line naming the setting, as a bad setting does,
   * instead of failing every upload later.
   */
  private static Services wireCheckingFiles(Config config, Clock clock, Database database, byte[] secret,
      ProviderRegistry providers, BackgroundJobs.Settings jobSettings, UploadEngine uploads, Shutdown shutdown) {
    try {
      Services services = Services.wire(config, clock, database, secret, providers, jobSettings, uploads, shutdown);
      services.blobs().check();
      log.info("Files are stored in {}", BlobStores.describe(config.blobs(), config.dataDir()));
      return services;
    } catch (BlobStoreUnavailable e) {
      throw new ConfigException(e.setting(), e.problem());
    }
  }

  /** Says once, at start, where e-mail goes, or that none can leave (SmtpSettings prints no password). */
  private static void logMail(Config config) {
    config.smtp().ifPresentOrElse(
        smtp -> log.info("E-mail is sent through {}", smtp),
        () -> log.warn("No SMTP server is configured: invitation e-mails and verification codes cannot be sent; "
            + "set NECTAR_SMTP_URL"));
  }

  private static void registerApi(Api api, Services services, WebhookService webhooks) {
    // Document and usage pages share one gate, so that the two lists together stay within its limit.
    PageGate pages = PageGate.perProcessor();
    new PingRoutes(version()).register(api);
    new CompanyRoutes(services.companies()).register(api);
    new SiteRoutes(services.sites()).register(api);
    new ConnectionRoutes(services.connections()).register(api);
    new AccountRoutes(services.accounts()).register(api);
    new MeterRoutes(services.meters()).register(api);
    new IntervalRoutes(services.intervals()).register(api);
    new DocumentRoutes(services.documents(), services.documentLinks(), pages).register(api);
    new UsageRoutes(services.usage(), services.documentLinks(), pages).register(api);
    new WebhookRoutes(webhooks).register(api);
    new BrandingRoutes(services.keys()).register(api);
    new JobRoutes(services.uploads()).register(api);
    new InvitationRoutes(services.invitations()).register(api);
    new MagicLinkRoutes(services.magicLinkService()).register(api);
    services.sandboxBills().ifPresent(bills -> new SandboxBillRoutes(bills).register(api));
  }

  private static void startBackgroundWork(Services services, WebhookWiring webhooks, HttpServer http,
      Shutdown shutdown) {
    services.purger().resumePending();
    services.jobs().start();
    services.uploadWorker().start();
    webhooks.deliveries().start();
    ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "housekeeping");
      thread.setDaemon(true);
      return thread;
    });
    shutdown.add(housekeeping::shutdownNow);
    housekeeping.scheduleWithFixedDelay(() -> {
      try {
        http.purgeExpiredIdempotencyKeys();
        webhooks.service().purgeOlderThan(WebhookService.RETENTION);
        services.hosted().purgeExpired();
        services.users().purgeExpired();
      } catch (RuntimeException e) {
        log.warn("Could not purge expired idempotency keys, webhook messages, hosted visits and dashboard "
            + "sessions", e);
      }
    }, 1, 60, TimeUnit.MINUTES);
  }

  public int port() {
    return http.port();
  }

  public Config config() {
    return config;
  }

  public KeyService keys() {
    return services.keys();
  }

  /**
   * The SANDBOX key made for the default organization on the very first start (with its secret,
   * shown once); empty on every later start.
   */
  public Optional<CreatedKey> firstKey() {
    return firstKey;
  }

  /**
   * While nobody can sign in to the dashboard, a one-time link that makes its visitor the first
   * administrator (printed in the banner); empty once someone has an account.
   */
  public Optional<OneTimeLink> firstAdministratorLink() {
    return firstAdministratorLink;
  }

  /** Dashboard users and sessions. */
  public UserService users() {
    return services.users();
  }

  public Database database() {
    return database;
  }

  public BackgroundJobs jobs() {
    return services.jobs();
  }

  public WebhookService webhooks() {
    return webhooks.service();
  }

  /** Sends the server's e-mail; not {@link Mailer#configured()} when NECTAR_SMTP_URL is unset. */
  public Mailer mailer() {
    return services.mailer();
  }

  /** Invitations: what the hosted pages open, watch and use by token. */
  public InvitationService invitations() {
    return services.invitations();
  }

  /** The hosted connection flow's rules (its housekeeping, for tests). */
  public io.nectar.hosted.HostedFlow hosted() {
    return services.hosted();
  }

  /** Legacy magic links: what the hosted pages open. */
  public MagicLinks magicLinks() {
    return services.magicLinks();
  }

  public List<Api.Route> apiRoutes() {
    return http.apiRoutes();
  }

  /** The version of this build, from the jar manifest ("dev" when run from classes). */
  public static String version() {
    String version = NectarServer.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /**
   * Stops in the reverse of the start: the housekeeping timer, then HTTP (running requests finish),
   * then webhook delivery, collection jobs and the purger, then the database. Every step runs even if
   * one fails; the failures are thrown together.
   */
  @Override
  public void close() throws IOException {
    shutdown.close();
  }
}

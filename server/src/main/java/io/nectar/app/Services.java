package io.nectar.app;

import io.nectar.accounts.AccountService;
import io.nectar.collection.BackgroundJobs;
import io.nectar.collection.Collector;
import io.nectar.collection.Owners;
import io.nectar.collection.SandboxBills;
import io.nectar.companies.CollectionStartDates;
import io.nectar.companies.CompanyOwnership;
import io.nectar.companies.CompanyPurger;
import io.nectar.companies.CompanyService;
import io.nectar.config.Config;
import io.nectar.config.CredentialCipher;
import io.nectar.connections.ConnectionService;
import io.nectar.db.Database;
import io.nectar.db.IdGenerator;
import io.nectar.documents.DocumentLinks;
import io.nectar.documents.DocumentService;
import io.nectar.hosted.HostedFlow;
import io.nectar.intervals.IntervalService;
import io.nectar.invitations.EmailProof;
import io.nectar.invitations.InvitationService;
import io.nectar.invitations.MagicLinkService;
import io.nectar.invitations.MagicLinks;
import io.nectar.jobs.FilingServices;
import io.nectar.jobs.JobService;
import io.nectar.jobs.UploadEngine;
import io.nectar.jobs.UploadWorker;
import io.nectar.keys.KeyService;
import io.nectar.lists.ListCache;
import io.nectar.mail.Mailer;
import io.nectar.mail.Mailers;
import io.nectar.meters.MeterService;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.sites.SiteService;
import io.nectar.storage.BlobStore;
import io.nectar.storage.BlobStores;
import io.nectar.storage.SignedLinks;
import io.nectar.usage.UsageLoader;
import io.nectar.usage.UsageOfDocuments;
import io.nectar.usage.UsageService;
import io.nectar.users.UserService;
import io.nectar.webhooks.Outbox;
import io.nectar.webhooks.TargetGuard;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;

/**
 * The domain services, wired from the configuration and the database; nothing here listens or runs
 * in the background until {@link NectarServer} starts it.
 */
record Services(
    IdGenerator ids,
    BlobStore blobs,
    SignedLinks links,
    CredentialCipher cipher,
    Outbox outbox,
    KeyService keys,
    CompanyPurger purger,
    CompanyService companies,
    SiteService sites,
    ConnectionService connections,
    DocumentLinks documentLinks,
    DocumentService documents,
    UsageService usage,
    AccountService accounts,
    MeterService meters,
    IntervalService intervals,
    BackgroundJobs jobs,
    Optional<SandboxBills> sandboxBills,
    JobService uploads,
    UploadWorker uploadWorker,
    Mailer mailer,
    InvitationService invitations,
    MagicLinks magicLinks,
    MagicLinkService magicLinkService,
    HostedFlow hosted,
    UserService users) {

  /** Wires every service; the purger and job runner are registered with {@code shutdown} as they are made. */
  static Services wire(Config config, Clock clock, Database database, byte[] secret, ProviderRegistry providers,
      BackgroundJobs.Settings jobSettings, UploadEngine engine, Shutdown shutdown) {
    Jdbi jdbi = database.jdbi();
    IdGenerator ids = new IdGenerator(clock);
    // <data dir>/blobs, or the folder or S3 bucket NECTAR_BLOB_URL names; NectarServer checks it at start.
    BlobStore blobs = BlobStores.open(config.blobs(), config.dataDir());
    if (blobs instanceof AutoCloseable client) {
      shutdown.add(client); // the S3 store's HTTP client and timers
    }
    SignedLinks links = new SignedLinks(secret, clock);
    CredentialCipher cipher = new CredentialCipher(secret);
    Outbox outbox = new Outbox(clock, ids::next);
    KeyService keys = new KeyService(jdbi, clock, ids::next);
    CompanyPurger purger = shutdown.add(new CompanyPurger(jdbi, blobs));
    CompanyOwnership ownership = new CompanyOwnership();
    SiteService sites = new SiteService(jdbi, clock, ids::next, ownership);
    CompanyService companies = new CompanyService(jdbi, clock, ids::next, ownership, sites, purger,
        new CollectionStartDates(config.earliestCollectionDate(), clock));
    // Connections are shown with their accounts and meters, while a meter list asks connections for access
    // and an account change is announced as a connection change; connections also queue collections on the
    // job runner, whose collector reads connections. Tie these knots once both exist.
    AtomicReference<ConnectionService> connectionsLater = new AtomicReference<>();
    AtomicReference<BackgroundJobs> jobRunner = new AtomicReference<>();
    MeterService meters = new MeterService(jdbi, companies, sites,
        (h, caller, id) -> connectionsLater.get().requireOwned(h, caller, id));
    AccountService accounts = new AccountService(jdbi, clock, companies, meters,
        (h, connectionIds, change) -> connectionsLater.get().events().announce(h, connectionIds, change));
    ConnectionService connections = new ConnectionService(jdbi, clock, ids::next, companies, sites, accounts, meters,
        providers, cipher, id -> jobRunner.get().collectSoon(id), outbox);
    connectionsLater.set(connections);
    DocumentLinks documentLinks = new DocumentLinks(links, blobs, config.publicUrl());
    ListCache totals = new ListCache();
    UsageLoader usageLoader = new UsageLoader(meters, sites);
    DocumentService documents = new DocumentService(jdbi, clock, ids::next, companies, sites, connections,
        new UsageOfDocuments(usageLoader), totals, documentLinks, outbox);
    UsageService usage = new UsageService(jdbi, clock, ids::next, companies, sites, connections, documents,
        usageLoader, totals);
    IntervalService intervals = new IntervalService(jdbi, connections, meters);
    Collector collector = new Collector(jdbi, clock, ids::next, providers, blobs,
        new Owners(connections, accounts, meters, documents, usage, intervals));
    BackgroundJobs jobs = shutdown.add(new BackgroundJobs(database.dataSource(), connections, clock, collector,
        jobSettings));
    jobRunner.set(jobs);
    Optional<SandboxBills> sandboxBills = providers.find(ConnectionService.SANDBOX_URL)
        .filter(SandboxProvider.class::isInstance)
        .map(p -> new SandboxBills(jdbi, clock, connections, documents, providers, (SandboxProvider) p,
            collector));
    // Bulk URLs are fetched under the webhooks' address rules (NECTAR_ALLOW_PRIVATE_TARGETS).
    UploadWorker uploadWorker = shutdown.add(new UploadWorker(engine,
        new FilingServices(jdbi, clock, ids::next, blobs, companies, sites, accounts, meters, documents, usage),
        config.webhooks().allowPrivateTargets() ? TargetGuard.Reach.ANY_ADDRESS : TargetGuard.Reach.PUBLIC_ONLY));
    JobService uploads = new JobService(jdbi, clock, ids::next, companies, sites, blobs, uploadWorker::wake);
    // Invitation e-mails and verification codes; a mailer that says it cannot send when SMTP is not set.
    Mailer mailer = Mailers.from(config.smtp(), clock);
    EmailProof proofs = new EmailProof(secret);
    InvitationService invitations = new InvitationService(jdbi, clock, ids::next, companies, sites, connections,
        mailer, proofs, config.publicUrl());
    MagicLinks magicLinks = new MagicLinks(secret, jdbi, companies, sites, connections);
    HostedFlow hosted = new HostedFlow(jdbi, clock, ids::next, invitations, proofs, magicLinks, companies, sites,
        connections.hosted(), providers, uploads, keys, mailer);
    return new Services(ids, blobs, links, cipher, outbox, keys, purger, companies, sites, connections,
        documentLinks, documents, usage, accounts, meters, intervals, jobs, sandboxBills, uploads, uploadWorker,
        mailer, invitations, magicLinks,
        new MagicLinkService(jdbi, companies, sites, connections, magicLinks, config.publicUrl()), hosted,
        new UserService(jdbi, clock, ids::next, keys, mailer, config.publicUrl(),
            UserService.Settings.defaults()));
  }
}

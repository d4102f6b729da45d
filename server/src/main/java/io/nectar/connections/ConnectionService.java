package io.nectar.connections;

import io.nectar.accounts.Account;
import io.nectar.accounts.AccountService;
import io.nectar.companies.Company;
import io.nectar.companies.CompanyService;
import io.nectar.config.CredentialCipher;
import io.nectar.errors.InvalidInput;
import io.nectar.errors.NotFound;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import io.nectar.keys.Caller;
import io.nectar.keys.Environment;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterService;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ConnectionStatus;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.UtilityProvider;
import io.nectar.providers.Validation;
import io.nectar.sites.Site;
import io.nectar.sites.SiteService;
import io.nectar.webhooks.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rules for connections: who may create and read them, which sites they may name, which provider
 * validates them, and the credential sealing. Collection itself runs in the background.
 */
public final class ConnectionService {
  private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);
  /** The sandbox utility of Nectar's guides (CONTRACT §8). */
  public static final String SANDBOX_URL = "https://nectarclimate.com";

  /** A connection with what its object embeds. */
  public record ConnectionDetails(Connection connection, Company company, List<AccountWithMeters> accounts) {}

  public record AccountWithMeters(Account account, List<Meter> meters) {}

  /** A page of connections and where it falls. */
  public record ConnectionPage(List<ConnectionDetails> connections, PageWindow window) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final CompanyService companies;
  private final ProviderRegistry providers;
  private final CredentialCipher cipher;
  private final CollectionQueue queue;
  private final ConnectionEvents events;
  private final HostedConnections hosted;
  private final ConnectionStore store = new ConnectionStore();
  private final SiteService sites;
  private final AccountService accounts;
  private final MeterService meters;

  public ConnectionService(Jdbi jdbi, Clock clock, Supplier<UUID> ids, CompanyService companies, SiteService sites,
      AccountService accounts, MeterService meters, ProviderRegistry providers, CredentialCipher cipher,
      CollectionQueue queue, Outbox outbox) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ids = ids;
    this.companies = companies;
    this.sites = sites;
    this.accounts = accounts;
    this.meters = meters;
    this.providers = providers;
    this.cipher = cipher;
    this.queue = queue;
    this.events = new ConnectionEvents(this, sites, outbox);
    this.hosted = new HostedConnections(jdbi, ids, companies, this, store, cipher, queue);
  }

  /** Connections made by account holders in the hosted flow. */
  public HostedConnections hosted() {
    return hosted;
  }

  ProviderRegistry providers() {
    return providers;
  }

  /** Announces the connection's changes as events (webhooks). */
  public ConnectionEvents events() {
    return events;
  }

  /** The connection {@code id} if the caller owns its company: 404 when missing, 403 for another tenant. */
  public Connection requireOwned(Handle h, Caller caller, UUID id) {
    Connection connection = store.find(h, id).orElseThrow(() -> new NotFound("Connection"));
    companies.requireOwnedChild(h, caller, connection.companyId(), "Connection");
    return connection;
  }

  ConnectionDetails create(Caller caller, UUID companyId, Supplier<ConnectionInput> body) {
    record Prepared(Company company, ConnectionInput input) {}
    Prepared prepared = jdbi.inTransaction(h -> {
      Company company = companies.requireOwned(h, caller, companyId);
      ConnectionInput input = body.get();
      requireCompanySites(h, companyId, input.dataCollectionStartDate(), input.sites());
      return new Prepared(company, input);
    });
    ConnectionInput input = prepared.input();
    Optional<UtilityProvider> provider = provider(caller.environment(), input.url(), input.sites());
    UUID id = ids.get();
    LocalDate start = startDate(prepared.company(), input.dataCollectionStartDate());
    Validation validation = provider
        .map(p -> p.validate(request(id, input.username(), input.password(), input.country(), input.sites(),
            input.datasourceTypes(), start, 0, null)))
        .orElse(new Validation(ConnectionStatus.PENDING, "No collector for " + input.url()
            + " is installed on this server yet. The connection is saved; it will be validated once one is."));
    return insert(prepared.company(), id, input, provider, start, validation, h -> { });
  }

  /** 400 unless every site is the company's and the start date is within bounds. */
  void requireCompanySites(Handle h, UUID companyId, LocalDate start, List<UUID> siteIds) {
    companies.collectionStartDates().require("dataCollectionStartDate", start);
    Set<UUID> companySites = sites.byCompanies(h, List.of(companyId)).stream().map(Site::id)
        .collect(Collectors.toSet());
    Set<UUID> foreign = new LinkedHashSet<>(siteIds);
    foreign.removeAll(companySites);
    if (!foreign.isEmpty()) {
      throw InvalidInput.field("sites", "No site of this company has the id(s) " + foreign + ".");
    }
  }

  /** The provider behind {@code url}, if installed; 400 when the environment or the sandbox forbids it. */
  Optional<UtilityProvider> provider(Environment environment, String url, List<UUID> siteIds) {
    Optional<UtilityProvider> provider = providers.find(url);
    boolean sandbox = provider.map(p -> p.rootUrl().equals(SANDBOX_URL)).orElse(false);
    if (environment == Environment.SANDBOX && !sandbox) {
      throw InvalidInput.field("url", "A SANDBOX key can only connect to the sandbox utility "
          + SANDBOX_URL + "; use a PRODUCTION key for real utilities.");
    }
    if (sandbox && siteIds.size() > 3) {
      throw InvalidInput.field("sites", "The sandbox utility takes 1 to 3 sites.");
    }
    return provider;
  }

  LocalDate startDate(Company company, LocalDate given) {
    return given != null ? given : companies.collectionStartDates().collectableFrom(company.dataCollectionStartDate());
  }

  /**
   * Saves a new connection with its first validation and announces it; {@code alsoInTransaction} runs
   * in the same transaction (e.g. counting an invitation's use), so either both happen or neither.
   */
  ConnectionDetails insert(Company company, UUID id, ConnectionInput input, Optional<UtilityProvider> provider,
      LocalDate start, Validation validation, Consumer<Handle> alsoInTransaction) {
    Instant now = now();
    Connection connection = Connection.builder()
        .id(id)
        .companyId(company.id())
        .url(input.url())
        .providerName(provider.map(UtilityProvider::name).orElse(null))
        .username(input.username())
        .country(input.country())
        .status(validation.status())
        .statusFirstSeenTime(now)
        .statusLastUpdateTime(now)
        .statusErrorDetail(validation.errorDetail())
        .initialSites(input.sites())
        .initialDatasourceTypes(input.datasourceTypes())
        .workflowOwnerEmail(input.ownerEmail())
        .dataCollectionStartDate(start)
        .multiplyByOccupancy(input.multiplyByOccupancy())
        .externalId(input.externalId())
        .isActive(true)
        .validationCount(provider.isPresent() ? 1 : 0)
        .created(now)
        .updated(now)
        .build();
    ConnectionDetails details = new ConnectionDetails(connection, company, List.of());
    jdbi.useTransaction(h -> {
      store.insert(h, connection, cipher.encrypt(input.password(), id));
      events.created(h, details);
      alsoInTransaction.accept(h);
    });
    if (connection.status() == ConnectionStatus.CONNECTED) {
      queue.collectSoon(id);
    }
    return details;
  }

  /** A page of connections without their accounts and meters. */
  public record ConnectionRows(List<Connection> connections, PageWindow window) {}

  /** The connections of {@link #listOfCompany} without their accounts and meters (a login may hold thousands). */
  public ConnectionRows rowsOfCompany(Caller caller, UUID companyId, Optional<ConnectionStatus> status,
      PageRequest pageRequest) {
    ConnectionStore.Filter filter = new ConnectionStore.Filter(null, List.of(), status.orElse(null));
    return jdbi.inTransaction(h -> {
      companies.requireOwned(h, caller, companyId);
      PageWindow window = pageRequest.window(store.count(h, companyId, filter));
      return new ConnectionRows(store.page(h, companyId, filter, window.offset(), window.limit()), window);
    });
  }

  /** The connection {@code id} alone (no accounts): 404 when missing, 403 for another tenant. */
  public Connection connection(Caller caller, UUID id) {
    return jdbi.withHandle(h -> requireOwned(h, caller, id));
  }

  /** A page of the company's connections, of one status or all (as {@code GET /connection/company/{id}}). */
  public ConnectionPage listOfCompany(Caller caller, UUID companyId, Optional<ConnectionStatus> status,
      PageRequest page) {
    return list(caller, companyId, new ConnectionStore.Filter(null, List.of(), status.orElse(null)), page);
  }

  public ConnectionDetails get(Caller caller, UUID id) {
    return jdbi.inTransaction(h -> {
      Connection connection = requireOwned(h, caller, id);
      return details(h, companies.requireOwned(h, caller, connection.companyId()), List.of(connection)).get(0);
    });
  }

  ConnectionPage list(Caller caller, UUID companyId, ConnectionStore.Filter filter, PageRequest pageRequest) {
    return jdbi.inTransaction(h -> {
      Company company = companies.requireOwned(h, caller, companyId);
      PageWindow window = pageRequest.window(store.count(h, companyId, filter));
      List<Connection> page = store.page(h, companyId, filter, window.offset(), window.limit());
      return new ConnectionPage(details(h, company, page), window);
    });
  }

  /** Builds the request a provider receives; the password is decrypted only for that call. */
  public CollectionRequest request(Handle h, Connection c) {
    return request(h, c, c.username(), cipher.decrypt(store.sealedPassword(h, c.id()), c.id()));
  }

  /** As {@link #request(Handle, Connection)} with other credentials: a reconnect tries them before saving. */
  CollectionRequest request(Handle h, Connection c, String username, String password) {
    String mfaToken = store.sealedMfaToken(h, c.id()).map(sealed -> cipher.decrypt(sealed, c.id())).orElse(null);
    return request(c.id(), username, password, c.country(), c.initialSites(), c.initialDatasourceTypes(),
        c.dataCollectionStartDate(), c.validationCount(), mfaToken);
  }

  CollectionRequest request(UUID id, String username, String password, String country, List<UUID> siteIds,
      List<io.nectar.meters.DatasourceType> types, LocalDate start, int validationCount, String mfaToken) {
    // A start stored before the bound existed (or under a lower one) must not reach further back now.
    return new CollectionRequest(id, username, password, country, siteIds, Set.copyOf(types),
        companies.collectionStartDates().collectableFrom(start), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
        validationCount, mfaToken);
  }

  /** The connection as its object shows it, whoever asks: for events, which no caller reads. */
  public Optional<ConnectionDetails> details(Handle h, UUID id) {
    return store.find(h, id).flatMap(c -> companies.find(h, c.companyId())
        .map(company -> details(h, company, List.of(c)).get(0)));
  }

  private List<ConnectionDetails> details(Handle h, Company company, List<Connection> connections) {
    Map<UUID, List<Account>> byConnection = accounts.byConnections(h, connections.stream().map(Connection::id).toList())
        .stream().collect(Collectors.groupingBy(Account::connectionId));
    Map<UUID, List<Meter>> meterMap = meters.byAccounts(h, byConnection.values().stream().flatMap(List::stream)
        .map(Account::id).toList());
    return connections.stream().map(c -> new ConnectionDetails(c, company,
            byConnection.getOrDefault(c.id(), List.of()).stream()
                .map(a -> new AccountWithMeters(a, meterMap.getOrDefault(a.id(), List.of())))
                .toList()))
        .toList();
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The connection {@code id}, unchecked: for background work no caller started. */
  public Optional<Connection> find(Handle h, UUID id) {
    return store.find(h, id);
  }

  /**
   * Records a validation's outcome on the connection and announces it (connection.updated.v2, and
   * connection.validated.v2 when the status moved), in the caller's transaction. The connection as it
   * now is; empty when it is gone.
   */
  public Optional<Connection> recordValidation(Handle h, UUID id, Validation validation) {
    return recordValidation(h, id, validation, () -> { });
  }

  /** As {@link #recordValidation(Handle, UUID, Validation)}, announcing {@code alsoChange} in the same events. */
  Optional<Connection> recordValidation(Handle h, UUID id, Validation validation, Runnable alsoChange) {
    Optional<Connection> current = store.findForUpdate(h, id);
    if (current.isEmpty()) {
      return current;
    }
    var before = events.before(h, id);
    alsoChange.run();
    Connection updated = current.get().validated(validation.status(), validation.errorDetail(), now());
    store.updateStatus(h, updated);
    events.changed(h, id, before, ConnectionEvents.Cause.VALIDATION);
    if (updated.status() != current.get().status()) {
      log.info("Connection {} is now {} (was {})", id, updated.status(), current.get().status());
    }
    return Optional.of(updated);
  }

  /** Notes that a collection of the connection finished now. */
  public void markCollected(UUID id) {
    jdbi.useTransaction(h -> store.markCollected(h, id, now()));
  }

  /** Active connections whose last validation is older than {@code before}. */
  public List<UUID> dueForValidation(Instant before) {
    return jdbi.withHandle(h -> store.dueForValidation(h, before));
  }

  /** CONNECTED connections created before {@code createdBefore} that were never collected. */
  public List<UUID> connectedButNeverCollected(Instant createdBefore) {
    return jdbi.withHandle(h -> store.connectedButNeverCollected(h, createdBefore));
  }
}

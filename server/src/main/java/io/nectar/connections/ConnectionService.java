package io.nectar.connections;

import io.nectar.accounts.Account;
import io.nectar.accounts.AccountStore;
import io.nectar.companies.Company;
import io.nectar.companies.CompanyService;
import io.nectar.config.CredentialCipher;
import io.nectar.http.ApiError;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import io.nectar.keys.Caller;
import io.nectar.keys.Environment;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterStore;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.UtilityProvider;
import io.nectar.providers.Validation;
import io.nectar.sites.Site;
import io.nectar.sites.SiteStore;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Rules for connections: who may create and read them, which sites they may name, which provider
 * validates them, and the credential sealing. Collection itself runs in the background.
 */
public final class ConnectionService {
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
  private final ConnectionStore store = new ConnectionStore();
  private final SiteStore sites = new SiteStore();
  private final AccountStore accounts = new AccountStore();
  private final MeterStore meters = new MeterStore();

  public ConnectionService(Jdbi jdbi, Clock clock, Supplier<UUID> ids, CompanyService companies,
      ProviderRegistry providers, CredentialCipher cipher, CollectionQueue queue, Outbox outbox) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ids = ids;
    this.companies = companies;
    this.providers = providers;
    this.cipher = cipher;
    this.queue = queue;
    this.events = new ConnectionEvents(this, outbox);
  }

  /** Announces the connection's changes as events (webhooks). */
  public ConnectionEvents events() {
    return events;
  }

  /** The connection {@code id} if the caller owns its company: 404 when missing, 403 for another tenant. */
  public Connection requireOwned(Handle h, Caller caller, UUID id) {
    Connection connection = store.find(h, id).orElseThrow(() -> ApiError.notFound("Connection"));
    companies.requireOwnedChild(h, caller, connection.companyId(), "Connection");
    return connection;
  }

  ConnectionDetails create(Caller caller, UUID companyId, Supplier<ConnectionInput> body) {
    record Prepared(Company company, ConnectionInput input) {}
    Prepared prepared = jdbi.inTransaction(h -> {
      Company company = companies.requireOwned(h, caller, companyId);
      ConnectionInput input = body.get();
      Set<UUID> companySites = sites.listByCompanies(h, List.of(companyId)).stream().map(Site::id)
          .collect(Collectors.toSet());
      Set<UUID> foreign = new LinkedHashSet<>(input.sites());
      foreign.removeAll(companySites);
      if (!foreign.isEmpty()) {
        throw ApiError.invalidField("sites", "No site of this company has the id(s) " + foreign + ".");
      }
      return new Prepared(company, input);
    });
    ConnectionInput input = prepared.input();
    Optional<UtilityProvider> provider = providers.find(input.url());
    boolean sandbox = provider.map(p -> p.rootUrl().equals(SANDBOX_URL)).orElse(false);
    if (caller.environment() == Environment.SANDBOX && !sandbox) {
      throw ApiError.invalidField("url", "A SANDBOX key can only connect to the sandbox utility "
          + SANDBOX_URL + "; use a PRODUCTION key for real utilities.");
    }
    if (sandbox && input.sites().size() > 3) {
      throw ApiError.invalidField("sites", "The sandbox utility takes 1 to 3 sites.");
    }

    Instant now = now();
    UUID id = ids.get();
    LocalDate start = input.dataCollectionStartDate() != null
        ? input.dataCollectionStartDate() : prepared.company().dataCollectionStartDate();
    Validation validation = provider
        .map(p -> p.validate(request(id, input.username(), input.password(), input.country(), input.sites(),
            input.datasourceTypes(), start, 0)))
        .orElse(new Validation(ConnectionStatus.PENDING, "No collector for " + input.url()
            + " is installed on this server yet. The connection is saved; it will be validated once one is."));
    Connection connection = new Connection(id, companyId, input.url(), provider.map(UtilityProvider::name).orElse(null),
        input.username(), input.country(), validation.status(), now, now, validation.errorDetail(), input.sites(),
        input.datasourceTypes(), input.ownerEmail(), start, input.multiplyByOccupancy(), input.externalId(), true,
        provider.isPresent() ? 1 : 0, null, now, now);
    ConnectionDetails details = new ConnectionDetails(connection, prepared.company(), List.of());
    jdbi.useTransaction(h -> {
      store.insert(h, connection, cipher.encrypt(input.password(), id));
      events.created(h, details);
    });
    if (connection.status() == ConnectionStatus.CONNECTED) {
      queue.collectSoon(id);
    }
    return details;
  }

  ConnectionDetails get(Caller caller, UUID id) {
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
    String password = cipher.decrypt(store.sealedPassword(h, c.id()), c.id());
    return request(c.id(), c.username(), password, c.country(), c.initialSites(), c.initialDatasourceTypes(),
        c.dataCollectionStartDate(), c.validationCount());
  }

  private CollectionRequest request(UUID id, String username, String password, String country, List<UUID> siteIds,
      List<io.nectar.meters.DatasourceType> types, LocalDate start, int validationCount) {
    return new CollectionRequest(id, username, password, country, siteIds, Set.copyOf(types), start,
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), validationCount);
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

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

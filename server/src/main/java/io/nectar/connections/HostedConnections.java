package io.nectar.connections;

import io.nectar.companies.Company;
import io.nectar.companies.CompanyService;
import io.nectar.config.CredentialCipher;
import io.nectar.errors.NotFound;
import io.nectar.keys.Environment;
import io.nectar.meters.DatasourceType;
import io.nectar.providers.ConnectionStatus;
import io.nectar.providers.MfaAnswer;
import io.nectar.providers.UtilityProvider;
import io.nectar.providers.Validation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Connections made by the account holder in the hosted flow rather than by an API key: the page
 * that calls these methods has already proved which company it acts for (an invitation or a magic
 * link). Unlike the API, a login the utility refuses saves nothing here: the customer is at the form
 * and simply tries again, and no half-made connection or event is left behind.
 */
public final class HostedConnections {
  /** What the account holder entered; never printed with its password. */
  public record Login(String url, String username, String password, List<UUID> sites, String country,
      List<DatasourceType> utilityTypes, LocalDate dataCollectionStartDate, String ownerEmail) {
    public Login {
      sites = List.copyOf(sites);
      utilityTypes = List.copyOf(utilityTypes);
    }

    @Override
    public String toString() {
      return "Login[" + url + ", " + username + ", sites " + sites + "]";
    }
  }

  /** Work of the caller's that must commit or roll back with the connection's change (an invitation's use). */
  @FunctionalInterface
  public interface AlsoInTransaction {
    void run(Handle h, UUID connectionId);
  }

  /** What the utility said, and the connection when one was saved. */
  public record Outcome(Validation validation, Optional<UUID> connectionId) {
    /** True when the utility refused the username or password: nothing was saved. */
    public boolean refused() {
      return connectionId.isEmpty();
    }
  }

  private final Jdbi jdbi;
  private final Supplier<UUID> ids;
  private final CompanyService companies;
  private final ConnectionService connections;
  private final ConnectionStore store;
  private final CredentialCipher cipher;
  private final CollectionQueue queue;

  HostedConnections(Jdbi jdbi, Supplier<UUID> ids, CompanyService companies, ConnectionService connections,
      ConnectionStore store, CredentialCipher cipher, CollectionQueue queue) {
    this.jdbi = jdbi;
    this.ids = ids;
    this.companies = companies;
    this.connections = connections;
    this.store = store;
    this.cipher = cipher;
    this.queue = queue;
  }

  /**
   * Tries the login and, unless the utility refused the username or password, saves the connection
   * with its status and runs {@code alsoInTransaction} (counting an invitation's use) in the same
   * transaction. 400 for sites that are not the company's, or a utility the environment may not use.
   */
  public Outcome connect(UUID companyId, Environment environment, Login login, AlsoInTransaction alsoInTransaction) {
    Company company = jdbi.inTransaction(h -> {
      Company found = companies.find(h, companyId).orElseThrow(() -> new NotFound("Company"));
      connections.requireCompanySites(h, companyId, login.dataCollectionStartDate(), login.sites());
      return found;
    });
    Optional<UtilityProvider> provider = connections.provider(environment, login.url(), login.sites());
    UUID id = ids.get();
    LocalDate start = connections.startDate(company, login.dataCollectionStartDate());
    Validation validation = provider
        .map(p -> p.validate(connections.request(id, login.username(), login.password(), login.country(),
            login.sites(), login.utilityTypes(), start, 0, null)))
        .orElse(new Validation(ConnectionStatus.PENDING, "This server has no collector for " + login.url()
            + " yet. Your login is saved and will be checked once one is installed."));
    if (isRefusedLogin(validation)) {
      return new Outcome(validation, Optional.empty());
    }
    ConnectionInput input = new ConnectionInput(login.url(), login.username(), login.password(), login.sites(),
        login.country(), login.utilityTypes(), login.dataCollectionStartDate(), login.ownerEmail(), false, null);
    connections.insert(company, id, input, provider, start, validation, h -> alsoInTransaction.run(h, id));
    return new Outcome(validation, Optional.of(id));
  }

  /**
   * Tries new credentials on an existing connection and, unless the utility refused them, saves them
   * with the new status (announced as connection.updated.v2, and .validated.v2 when the status moved).
   */
  public Outcome reconnect(UUID connectionId, String username, String password, AlsoInTransaction alsoInTransaction) {
    Connection current = jdbi.withHandle(h -> connections.find(h, connectionId))
        .orElseThrow(() -> new NotFound("Connection"));
    Validation validation = providerOf(current)
        .map(p -> p.validate(jdbi.withHandle(h -> connections.request(h, current, username, password))))
        .orElse(new Validation(ConnectionStatus.PENDING, "This server has no collector for " + current.url()
            + " yet. Your new login is saved and will be checked once one is installed."));
    if (isRefusedLogin(validation)) {
      return new Outcome(validation, Optional.empty());
    }
    jdbi.useTransaction(h -> {
      connections.recordValidation(h, connectionId, validation, () -> store.updateCredentials(h, connectionId,
          username, cipher.encrypt(password, connectionId), connections.now()));
      alsoInTransaction.run(h, connectionId);
    });
    collectIfConnected(connectionId, validation);
    return new Outcome(validation, Optional.of(connectionId));
  }

  /**
   * Hands the utility the one-time code it asked for. An accepted code's trust token is sealed with the
   * connection and the new status recorded and announced; a refused one changes nothing.
   */
  public MfaAnswer answerMfa(UUID connectionId, String code, AlsoInTransaction alsoInTransaction) {
    Connection current = jdbi.withHandle(h -> connections.find(h, connectionId))
        .orElseThrow(() -> new NotFound("Connection"));
    Optional<UtilityProvider> provider = providerOf(current);
    if (provider.isEmpty()) {
      return MfaAnswer.refused(new Validation(current.status(), current.statusErrorDetail()));
    }
    MfaAnswer answer = provider.get().answerMfa(jdbi.withHandle(h -> connections.request(h, current)), code);
    if (answer.isAccepted()) {
      jdbi.useTransaction(h -> {
        store.updateMfaToken(h, connectionId, cipher.encrypt(answer.token(), connectionId));
        connections.recordValidation(h, connectionId, answer.validation());
        alsoInTransaction.run(h, connectionId);
      });
      collectIfConnected(connectionId, answer.validation());
    }
    return answer;
  }

  /** The connection's current status, as the outcome page shows it. */
  public Optional<Connection> find(UUID connectionId) {
    return jdbi.withHandle(h -> connections.find(h, connectionId));
  }

  private Optional<UtilityProvider> providerOf(Connection connection) {
    return connections.providers().find(connection.url());
  }

  private void collectIfConnected(UUID connectionId, Validation validation) {
    if (validation.status() == ConnectionStatus.CONNECTED) {
      queue.collectSoon(connectionId);
    }
  }

  private static boolean isRefusedLogin(Validation validation) {
    return validation.status() == ConnectionStatus.INCORRECT_PASSWORD;
  }
}

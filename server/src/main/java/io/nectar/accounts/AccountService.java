package io.nectar.accounts;

import io.nectar.companies.CompanyService;
import io.nectar.errors.InvalidInput;
import io.nectar.errors.NotFound;
import io.nectar.keys.Caller;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** Tracking accounts on and off, one at a time or in bulk (all or nothing). */
public final class AccountService {
  /** An account with its meters, as the Account object shows them. */
  public record AccountDetails(Account account, List<Meter> meters) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final CompanyService companies;
  private final ConnectionChanges changes;
  private final AccountStore store = new AccountStore();
  private final MeterService meters;

  public AccountService(Jdbi jdbi, Clock clock, CompanyService companies, MeterService meters,
      ConnectionChanges changes) {
    this.jdbi = jdbi;
    this.meters = meters;
    this.changes = changes;
    this.clock = clock;
    this.companies = companies;
  }

  /** Sets one account; the body is read only once the account is known to be the caller's. */
  public AccountDetails setTracked(Caller caller, UUID accountId, Supplier<TrackingChange> body) {
    return jdbi.inTransaction(h -> {
      Account account = store.find(h, accountId).orElseThrow(() -> new NotFound("Account"));
      companies.requireOwnedChild(h, caller, account.companyId(), "Account");
      TrackingChange change = body.get();
      apply(h, List.of(account), change);
      return details(h, List.of(accountId)).get(0);
    });
  }

  /** Sets every listed account of the company at once; any account not in it fails the whole request. */
  List<AccountDetails> setTrackedInBulk(Caller caller, UUID companyId, Supplier<TrackingChange> body) {
    return jdbi.inTransaction(h -> {
      companies.requireOwnedForUpdate(h, caller, companyId);
      TrackingChange change = body.get();
      Set<UUID> wanted = new LinkedHashSet<>(change.accounts());
      List<Account> found = store.findAll(h, wanted).stream().filter(a -> a.companyId().equals(companyId)).toList();
      if (found.size() != wanted.size()) {
        Set<UUID> missing = new LinkedHashSet<>(wanted);
        found.forEach(a -> missing.remove(a.id()));
        throw InvalidInput.field("accounts", "No account of this company has the id(s) " + missing + ".");
      }
      apply(h, found, change);
      return details(h, new ArrayList<>(wanted));
    });
  }

  private void apply(org.jdbi.v3.core.Handle h, List<Account> accounts, TrackingChange change) {
    boolean tracked = change.tracked();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<UUID> ids = accounts.stream().map(Account::id).toList();
    // Each connection whose accounts change announces it (connection.updated.v2).
    changes.announce(h, accounts.stream().map(Account::connectionId).distinct().toList(), () -> {
      store.setTracking(h, ids, tracked ? Account.TrackingStatus.ENABLED : Account.TrackingStatus.DISABLED, now);
      if (change.updateMeters()) {
        meters.setTrackedForAccounts(h, ids, tracked, now);
      }
    });
  }

  private List<AccountDetails> details(org.jdbi.v3.core.Handle h, List<UUID> ids) {
    Map<UUID, List<Meter>> byAccount = meters.byAccounts(h, ids);
    return store.findAll(h, ids).stream()
        .map(a -> new AccountDetails(a, byAccount.getOrDefault(a.id(), List.of())))
        .toList();
  }

  /** A page of accounts and where it falls. */
  public record AccountPage(List<AccountDetails> accounts, io.nectar.http.Pagination.PageWindow window) {}

  /** A page of the company's accounts with their meters, oldest first: 404 or 403 as for the company. */
  public AccountPage listOfCompany(Caller caller, UUID companyId, io.nectar.http.Pagination.PageRequest page) {
    return jdbi.inTransaction(h -> {
      companies.requireOwned(h, caller, companyId);
      var window = page.window(store.countOfCompany(h, companyId));
      List<Account> rows = store.pageOfCompany(h, companyId, window.offset(), window.limit());
      Map<UUID, List<Meter>> byAccount = meters.byAccounts(h, rows.stream().map(Account::id).toList());
      return new AccountPage(rows.stream().map(a -> new AccountDetails(a, byAccount.getOrDefault(a.id(), List.of())))
          .toList(), window);
    });
  }

  /**
   * A page of a connection's accounts with their meters. The caller must have resolved the connection
   * (ConnectionService); the accounts' company is checked again here, so no other tenant's show.
   */
  public AccountPage listOfConnection(Caller caller, UUID connectionId, io.nectar.http.Pagination.PageRequest page) {
    return jdbi.inTransaction(h -> {
      var window = page.window(store.countOfConnection(h, connectionId));
      List<Account> rows = store.pageOfConnection(h, connectionId, window.offset(), window.limit());
      if (!rows.isEmpty()) {
        companies.requireOwnedChild(h, caller, rows.get(0).companyId(), "Connection");
      }
      Map<UUID, List<Meter>> byAccount = meters.byAccounts(h, rows.stream().map(Account::id).toList());
      return new AccountPage(rows.stream().map(a -> new AccountDetails(a, byAccount.getOrDefault(a.id(), List.of())))
          .toList(), window);
    });
  }

  /** The accounts of these connections, unchecked: for connections already authorized. */
  public List<Account> byConnections(org.jdbi.v3.core.Handle h, java.util.Collection<UUID> connectionIds) {
    return store.byConnections(h, connectionIds);
  }

  /** Adds an account a collection found, or updates the one it found before; its id either way. */
  public UUID upsert(org.jdbi.v3.core.Handle h, Account account) {
    return store.upsert(h, account);
  }

  /** The company's accounts with this number, however it is spelled (nectar-api.md §1.6), oldest first. */
  public List<Account> byNumber(org.jdbi.v3.core.Handle h, UUID companyId, String accountNumber) {
    return store.byNumber(h, companyId, io.nectar.meters.Identifiers.normalize(accountNumber));
  }

  /**
   * Adds an account read off an uploaded bill, which has no connection, or finds the one an earlier
   * upload added with the same number; its id either way. Filing calls it in its own transaction.
   */
  public UUID upsertUploaded(org.jdbi.v3.core.Handle h, UUID id, UUID companyId, String accountNumber, Instant now) {
    return store.upsertUploaded(h, new Account(id, null, companyId, accountNumber, Account.TrackingStatus.UNSET,
        "false", null, true, false, null, now, now));
  }

  /** Moves the account's last service date forward to {@code date} (never back). */
  public void extendLastServiceDate(org.jdbi.v3.core.Handle h, UUID accountId, java.time.LocalDate date) {
    store.extendLastServiceDate(h, accountId, date);
  }
}

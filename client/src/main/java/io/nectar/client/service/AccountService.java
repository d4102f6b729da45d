package io.nectar.client.service;

import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.Account;
import io.nectar.client.model.AccountBulkUpdate;
import io.nectar.client.model.AccountUpdate;
import java.util.List;
import java.util.UUID;

/**
 * Accounts found through connections: switch collection on or off, one at a time or for several
 * accounts of a company atomically. Accounts are read through {@link ConnectionService#get(UUID)}.
 */
public final class AccountService {
  private final Api api;

  public AccountService(Api api) {
    this.api = api;
  }

  public Account update(UUID accountId, AccountUpdate update) {
    return update(accountId, update, RequestOptions.DEFAULT);
  }

  public Account update(UUID accountId, AccountUpdate update, RequestOptions options) {
    return api.patch("/account/" + accountId, update, Account.class, options);
  }

  /** The same change for every listed account of the company; all change or none. */
  public List<Account> updateAll(UUID companyId, AccountBulkUpdate update) {
    return updateAll(companyId, update, RequestOptions.DEFAULT);
  }

  public List<Account> updateAll(UUID companyId, AccountBulkUpdate update, RequestOptions options) {
    return api.patchList("/account/company/" + companyId, update, Account.class, options);
  }
}

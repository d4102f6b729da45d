package io.nectar.providers.sandbox;

import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.MfaAnswer;
import io.nectar.providers.ProviderAccount;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderInterval;
import io.nectar.providers.UtilityProvider;
import io.nectar.providers.Validation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nectar sandbox utility (nectar-api.md §14): fixed credentials, one account and meter per site
 * and utility type, and two years or more of monthly bills with PDFs and hourly electricity and
 * solar readings. Nothing is stored: every figure is a pure function of the connection id, the
 * site's position, the utility type and the month, so the same connection always shows the same
 * history and a later collection only adds months.
 */
public final class SandboxProvider implements UtilityProvider {
  public static final String ROOT_URL = "https://nectarclimate.com";
  /** Hourly data reaches back this many bill months, like a utility's smart-meter portal. */
  static final int INTERVAL_MONTHS = 13;

  @Override
  public String rootUrl() {
    return ROOT_URL;
  }

  @Override
  public String name() {
    return SandboxBills.UTILITY_NAME;
  }

  @Override
  public Validation validate(CollectionRequest request) {
    return SandboxLogin.validate(request);
  }

  @Override
  public MfaAnswer answerMfa(CollectionRequest request, String code) {
    return SandboxLogin.answerMfa(request, code);
  }

  @Override
  public Collection collect(CollectionRequest request) {
    if (SandboxLogin.NO_ACCOUNTS.equals(request.username())) {
      return new Collection(List.of(), List.of(), List.of());
    }
    List<SandboxAccount> plan = SandboxAccounts.plan(request);
    List<YearMonth> months = billedMonths(request.startDate(), request.today());
    int firstIntervalMonth = Math.max(0, months.size() - INTERVAL_MONTHS);
    List<ProviderAccount> accounts = new ArrayList<>();
    List<ProviderBill> bills = new ArrayList<>();
    List<ProviderInterval> intervals = new ArrayList<>();
    for (SandboxAccount account : plan) {
      accounts.add(new ProviderAccount(account.accountNumber(), List.of(account.meter())));
      for (int i = 0; i < months.size(); i++) {
        SandboxBills.BilledMonth billed = SandboxBills.bill(account, months.get(i),
            i >= firstIntervalMonth ? SandboxBills.Intervals.INCLUDED : SandboxBills.Intervals.OMITTED);
        bills.add(billed.bill());
        intervals.addAll(billed.intervals());
      }
    }
    return new Collection(List.copyOf(accounts), List.copyOf(bills), List.copyOf(intervals));
  }

  /**
   * The accounts (with their meters) a collection would bring, without bills: "issue the next bill
   * now" files them first, since it may be called before the connection's first collection ends.
   */
  public List<ProviderAccount> accountsFor(CollectionRequest request) {
    if (SandboxLogin.NO_ACCOUNTS.equals(request.username())) {
      return List.of();
    }
    return SandboxAccounts.plan(request).stream()
        .map(account -> new ProviderAccount(account.accountNumber(), List.of(account.meter())))
        .toList();
  }

  /**
   * The bills of one month for every account, for "issue the next bill now". The month may be the
   * current one, not yet over; its figures are the ones a later regular collection will show.
   */
  public List<ProviderBill> billsFor(CollectionRequest request, YearMonth month) {
    if (SandboxLogin.NO_ACCOUNTS.equals(request.username())) {
      return List.of();
    }
    return SandboxAccounts.plan(request).stream()
        .map(account -> SandboxBills.bill(account, month, SandboxBills.Intervals.OMITTED).bill())
        .toList();
  }

  /**
   * Calendar months from the one holding {@code startDate} through the last month that has ended
   * before {@code today}: on the 1st, yesterday's month counts as ended.
   */
  static List<YearMonth> billedMonths(LocalDate startDate, LocalDate today) {
    YearMonth last = YearMonth.from(today).minusMonths(1);
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth month = YearMonth.from(startDate); !month.isAfter(last); month = month.plusMonths(1)) {
      months.add(month);
    }
    return months;
  }
}

package io.nectar.providers;

import java.util.List;

/** Everything a provider returned for one collection run. */
public record Collection(List<ProviderAccount> accounts, List<ProviderBill> bills, List<ProviderInterval> intervals) {}
